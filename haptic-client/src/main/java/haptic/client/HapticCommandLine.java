package haptic.client;

import haptic.protocol.Param;
import haptic.protocol.ProductVersion;
import haptic.protocol.Protocol;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import static haptic.client.CommandLineRanges.MAX_SECONDS;
import static haptic.client.CommandLineRanges.within;

/**
 * The {@code haptic} command line, declared for picocli: each leaf command checks its values' ranges and
 * turns them into the {@link CliCommand} that runs against the server. Help texts are generated from these
 * declarations.
 */
@Command(name = "haptic", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = HapticCommandLine.Version.class,
        description = "Talks to a running haptic server (start one with bin/haptic-server).",
        subcommands = {HapticCommandLine.Send.class, HapticCommandLine.Play.class, HapticCommandLine.Levels.class,
            HapticCommandLine.Status.class},
        footer = {"", "Exit codes: 0 success, 1 the server is missing or refused, 2 a bad command line."})
final class HapticCommandLine {
    @Option(names = "--socket", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = {"the server's socket; default $HAPTIC_SOCKET, else $XDG_RUNTIME_DIR/haptic/haptic.sock,",
                "else /tmp/haptic-$USER/haptic.sock"})
    void socket(String path) {
        if (path.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--socket needs a path");
        }
        socket = path;
    }

    @Spec
    CommandSpec spec;

    /** Set wherever --socket appears on the line: inherited options bind to this field. */
    String socket;

    /** What {@code haptic --version} prints. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"haptic " + ProductVersion.VERSION + " (protocol " + Protocol.VERSION + ")"};
        }
    }

    /** A command the line can end in. */
    interface Leaf {
        /** Checks the parsed values; throws {@link ParameterException} for a value out of range. */
        CliCommand command();
    }

    /**
     * A command to run on the server at {@code socket} (null: the default), or the command whose help (or,
     * with {@code version}, whose version) to show.
     */
    record Parsed(String socket, CliCommand command, CommandLine help, boolean version) {
    }

    /** @throws ParameterException carrying the command line of the (sub)command the user was attempting */
    static Parsed parse(String[] args) {
        CommandLine line = create();
        try {
            CommandLine.ParseResult result = line.parseArgs(helpAsOption(args));
            java.util.List<CommandLine> chain = result.asCommandLineList();
            CommandLine leaf = chain.get(chain.size() - 1);
            for (CommandLine c : chain) {
                if (c.isUsageHelpRequested() || c.isVersionHelpRequested()) {
                    return new Parsed(null, null, leaf, c.isVersionHelpRequested());
                }
            }
            if (!(leaf.getCommand() instanceof Leaf chosen)) {
                throw new ParameterException(leaf, args.length == 0 ? "no command given"
                        : "which one? " + String.join(", ", leaf.getSubcommands().keySet()));
            }
            return new Parsed(((HapticCommandLine) line.getCommand()).socket, chosen.command(), null, false);
        } catch (ParameterException e) {
            if (asksForHelp(args)) {
                // Help wins over a bad value: "haptic send note banana -h" shows how to write a note.
                return new Parsed(null, null, e.getCommandLine(), false);
            }
            throw e;
        }
    }

    /** {@code haptic help send pulse} means {@code haptic send pulse --help}. */
    private static String[] helpAsOption(String[] args) {
        if (args.length == 0 || !args[0].equals("help")) {
            return args;
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length + 1);
        rest[rest.length - 1] = "--help";
        return rest;
    }

    private static boolean asksForHelp(String[] args) {
        return java.util.Arrays.stream(args).anyMatch(a -> a.equals("-h") || a.equals("--help"));
    }

    /** A picocli command line for {@code haptic}, with the generated parameter table in its help. */
    static CommandLine create() {
        CommandLine line = new CommandLine(new HapticCommandLine());
        line.getSubcommands().get("send").getSubcommands().get("param").getCommandSpec().usageMessage()
                .footer(ParamText.table());
        return line;
    }

    @Command(name = "send", description = "Sends one command to the server.",
            subcommands = {Note.class, Mpe.class, Panic.class, ParamSet.class, Pulse.class})
    static final class Send {
    }

    @Command(name = "note", description = {"Plays MIDI note NOTE (60 = middle C) for --duration seconds, then "
            + "releases it.", "Ctrl+C during the note still releases it."})
    static final class Note implements Leaf {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "NOTE", description = "0-127") int note;
        @Option(names = "--velocity", paramLabel = "0-127", description = "default ${DEFAULT-VALUE}")
        int velocity = 100;
        @Option(names = "--duration", paramLabel = "SECONDS", description = "default ${DEFAULT-VALUE}")
        double duration = 1;
        @Option(names = "--channel", paramLabel = "1-16", description = "default ${DEFAULT-VALUE}")
        int channel = 1;
        @Option(names = "--pressure", paramLabel = "0-1", description = "default ${DEFAULT-VALUE}")
        double pressure = 0;
        @Option(names = "--bend", paramLabel = "-1..1",
                description = "default ${DEFAULT-VALUE}; a fraction of the full bend range")
        double bend = 0;
        @Option(names = "--timbre", paramLabel = "0-1", description = "default ${DEFAULT-VALUE}")
        double timbre = 0.5;

        @Override
        public CliCommand command() {
            return new NoteCommand(within(spec, "--channel", channel, 1, 16) - 1, within(spec, "NOTE", note, 0, 127),
                    within(spec, "--velocity", velocity, 0, 127) / 127f,
                    (float) within(spec, "--pressure", pressure, 0, 1), (float) within(spec, "--bend", bend, -1, 1),
                    (float) within(spec, "--timbre", timbre, 0, 1), within(spec, "--duration", duration, 0, MAX_SECONDS));
        }
    }

    @Command(name = "mpe", description = {
        "Without --sweep: one expression update for the channel. Voices belong to the connection that",
        "started them, so on its own this reaches no note; it checks that the server accepts expression.",
        "With --sweep: holds a note on the channel and bends it smoothly from -1 to 1 over SECONDS at",
        "about 200 updates per second, moving its source across the table; then releases it."})
    static final class Mpe implements Leaf {
        @Spec CommandSpec spec;
        @Option(names = "--channel", paramLabel = "1-16", required = true) int channel;
        @Option(names = "--pressure", paramLabel = "0-1", description = "default ${DEFAULT-VALUE}")
        double pressure = 0;
        @Option(names = "--bend", paramLabel = "-1..1", description = "default 0; not with --sweep")
        Double bend;
        @Option(names = "--timbre", paramLabel = "0-1", description = "default ${DEFAULT-VALUE}")
        double timbre = 0.5;
        @Option(names = "--sweep", paramLabel = "SECONDS", description = "bend from -1 to 1 over this time")
        Double sweep;
        @Option(names = "--note", paramLabel = "0-127", description = "the note held during a sweep, default 60")
        Integer note;
        @Option(names = "--velocity", paramLabel = "0-127", description = "its velocity, default 100")
        Integer velocity;

        @Override
        public CliCommand command() {
            double seconds = 0;
            if (sweep != null) {
                if (bend != null) {
                    throw new ParameterException(spec.commandLine(), "--sweep moves the bend itself; leave out --bend");
                }
                seconds = within(spec, "--sweep", sweep, 0, MAX_SECONDS);
                if (seconds <= 0) {
                    throw new ParameterException(spec.commandLine(), "--sweep must be more than 0 seconds");
                }
            } else if (note != null || velocity != null) {
                throw new ParameterException(spec.commandLine(), "--note and --velocity go with --sweep");
            }
            return new MpeCommand(within(spec, "--channel", channel, 1, 16) - 1,
                    (float) within(spec, "--pressure", pressure, 0, 1),
                    (float) within(spec, "--bend", bend == null ? 0 : bend, -1, 1),
                    (float) within(spec, "--timbre", timbre, 0, 1), seconds,
                    within(spec, "--note", note == null ? 60 : note, 0, 127),
                    within(spec, "--velocity", velocity == null ? 100 : velocity, 0, 127) / 127f);
        }
    }

    @Command(name = "panic", description = "Silences every voice of every client at once.")
    static final class Panic implements Leaf {
        @Override
        public CliCommand command() {
            return new PanicCommand();
        }
    }

    @Command(name = "param", description = {
        "Sets a parameter. master-gain acts on the whole server at once. The others belong to a",
        "controller instance: each haptic command is a new one, so they are also remembered in a file",
        "beside the socket (SOCKET.cli-params) and replayed by every later command that plays notes.",
        "Setting a parameter to its default forgets it."})
    static final class ParamSet implements Leaf {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Parameters(index = "1", paramLabel = "VALUE") double value;

        @Override
        public CliCommand command() {
            Param p = Param.byName(name);
            if (p == null) {
                throw new ParameterException(spec.commandLine(), "unknown parameter '" + name + "'");
            }
            String cli = ParamText.cliName(p);
            within(spec, cli, value, p.min(), p.max());
            if (p.discrete() && value != Math.rint(value)) {
                throw new ParameterException(spec.commandLine(), cli + " takes whole numbers from "
                        + ParamText.number(p.min()) + " to " + ParamText.number(p.max())
                        + (p.unit().isEmpty() ? "" : " " + p.unit()));
            }
            return new ParamCommand(p, (float) value);
        }
    }

    @Command(name = "pulse", description = {
        "Drives one transducer directly, bypassing the stimulus model, to check its wiring.",
        "TRANSDUCER is its index in layout order counting from 0, as on the wire and in the bars of",
        "'haptic levels' (so in the default grid 5 is T06), or its layout name such as T06."})
    static final class Pulse implements Leaf {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "TRANSDUCER") String transducer;
        @Option(names = "--amplitude", paramLabel = "0-1", description = "default ${DEFAULT-VALUE}")
        double amplitude = 0.5;
        @Option(names = "--seconds", paramLabel = "SECONDS", description = "default ${DEFAULT-VALUE}")
        double seconds = 0.5;

        @Override
        public CliCommand command() {
            return new PulseCommand(transducer, (float) within(spec, "--amplitude", amplitude, 0, 1),
                    (float) within(spec, "--seconds", seconds, 0, MAX_SECONDS));
        }
    }

    @Command(name = "play", description = {
        "Plays a standard MIDI file: timed notes and MPE expression.",
        "All tracks, with the file's tempo map. Pitch bend moves a note's source",
        "across the table; channel pressure and CC74 (timbre) shape it. Events go",
        "out ahead of their time, so the server keeps the file's timing. Ctrl+C",
        "releases every sounding note."})
    static final class Play implements Leaf {
        /** Shortest file --loop repeats; a shorter one would be sent round and round for nothing. */
        static final long MIN_LOOP_NANOS = 1_000_000L;

        @Spec CommandSpec spec;
        @Parameters(paramLabel = "FILE.mid", description = "a standard MIDI file (type 0 or 1)") String file;
        @Option(names = "--loop", description = "repeat without a gap until Ctrl+C") boolean loop;
        @Option(names = "--tempo-scale", paramLabel = "X",
                description = "0.1-10, default ${DEFAULT-VALUE}; 2 plays twice as fast")
        double tempoScale = 1;

        @Override
        public CliCommand command() {
            double scale = within(spec, "--tempo-scale", tempoScale, 0.1, 10);
            MidiPerformance performance;
            try {
                performance = MidiPerformance.read(java.nio.file.Path.of(file));
            } catch (java.io.IOException | javax.sound.midi.InvalidMidiDataException
                     | java.nio.file.InvalidPathException e) {
                throw new ParameterException(spec.commandLine(), "cannot play MIDI file " + file + ": "
                        + e.getMessage());
            }
            if (loop && PlayCommand.scaled(performance.lengthNanos(), scale) < MIN_LOOP_NANOS) {
                throw new ParameterException(spec.commandLine(), "--loop: " + file + " lasts no time at all");
            }
            return new PlayCommand(file, performance, scale, loop);
        }
    }

    @Command(name = "levels", description = {
        "Prints one line per level report: a character per transducer showing its peak",
        "(blank = silent, '@' = full scale), then the loudest transducer. Status lines appear",
        "whenever voices, clients, xruns or clamping change."})
    static final class Levels implements Leaf {
        @Spec CommandSpec spec;
        @Option(names = "--count", paramLabel = "N", description = "stop after N level lines (default: until Ctrl+C)")
        Integer count;

        @Override
        public CliCommand command() {
            return new LevelsCommand(count == null ? 0 : within(spec, "--count", count, 1, Integer.MAX_VALUE));
        }
    }

    @Command(name = "status", description = "Prints the server's backend, layout and one engine status report.")
    static final class Status implements Leaf {
        @Override
        public CliCommand command() {
            return new StatusCommand();
        }
    }
}
