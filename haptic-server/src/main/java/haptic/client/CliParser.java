package haptic.client;

import haptic.protocol.Param;

import java.util.List;
import java.util.Locale;

/** Turns the {@code haptic} command line into an {@link Invocation}, checking every value's range. */
final class CliParser {
    private static final double MAX_SECONDS = 3600;

    private CliParser() {
    }

    static Invocation parse(String[] args) throws UsageException {
        ArgumentList line = new ArgumentList(args);
        List<String> words = line.positionals();
        String usage = usageFor(words);
        if (line.help()) {
            return Invocation.help(usage);
        }
        line.requireWellFormed(usage);
        String socket = line.take("socket", usage);
        if (socket != null && socket.isBlank()) {
            throw new UsageException("--socket needs a path", usage);
        }
        if (words.isEmpty()) {
            throw new UsageException("no command given", Usage.MAIN);
        }
        CliCommand command = switch (words.get(0)) {
            case "send" -> send(line, words, usage);
            case "levels" -> levels(line, words, usage);
            case "status" -> status(line, words, usage);
            case "help" -> null;
            default -> throw new UsageException("unknown command '" + words.get(0) + "'", Usage.MAIN);
        };
        if (command == null) {
            return Invocation.help(usageFor(words.subList(1, words.size())));
        }
        return new Invocation(socket, command, null);
    }

    /** The most specific usage for what the words start with, for help and for error messages. */
    static String usageFor(List<String> words) {
        if (words.isEmpty()) {
            return Usage.MAIN;
        }
        switch (words.get(0)) {
            case "levels":
                return Usage.LEVELS;
            case "status":
                return Usage.STATUS;
            case "send":
                if (words.size() < 2) {
                    return Usage.SEND;
                }
                switch (words.get(1)) {
                    case "note":
                        return Usage.NOTE;
                    case "mpe":
                        return Usage.MPE;
                    case "panic":
                        return Usage.PANIC;
                    case "param":
                        return Usage.param();
                    case "pulse":
                        return Usage.PULSE;
                    default:
                        return Usage.SEND;
                }
            default:
                return Usage.MAIN;
        }
    }

    private static CliCommand send(ArgumentList line, List<String> words, String usage) throws UsageException {
        if (words.size() < 2) {
            throw new UsageException("send what? note, mpe, panic, param or pulse", Usage.SEND);
        }
        List<String> rest = words.subList(2, words.size());
        return switch (words.get(1)) {
            case "note" -> note(line, rest, usage);
            case "mpe" -> mpe(line, rest, usage);
            case "panic" -> {
                expectPositionals(rest, 0, usage);
                line.requireAllTaken(usage);
                yield new PanicCommand();
            }
            case "param" -> param(line, rest, usage);
            case "pulse" -> pulse(line, rest, usage);
            default -> throw new UsageException("cannot send '" + words.get(1) + "'", Usage.SEND);
        };
    }

    private static CliCommand note(ArgumentList line, List<String> args, String usage) throws UsageException {
        expectPositionals(args, 1, usage);
        int note = integer("NOTE", args.get(0), 0, 127, usage);
        int velocity = integer("--velocity", line.take("velocity", usage), 0, 127, 100, usage);
        double seconds = decimal("--duration", line.take("duration", usage), 0, MAX_SECONDS, 1, usage);
        int channel = integer("--channel", line.take("channel", usage), 1, 16, 1, usage);
        float pressure = (float) decimal("--pressure", line.take("pressure", usage), 0, 1, 0, usage);
        float bend = (float) decimal("--bend", line.take("bend", usage), -1, 1, 0, usage);
        float timbre = (float) decimal("--timbre", line.take("timbre", usage), 0, 1, 0.5, usage);
        line.requireAllTaken(usage);
        return new NoteCommand(channel - 1, note, velocity / 127f, pressure, bend, timbre, seconds);
    }

    private static CliCommand mpe(ArgumentList line, List<String> args, String usage) throws UsageException {
        expectPositionals(args, 0, usage);
        String channelText = line.take("channel", usage);
        if (channelText == null) {
            throw new UsageException("send mpe needs --channel", usage);
        }
        int channel = integer("--channel", channelText, 1, 16, usage);
        float pressure = (float) decimal("--pressure", line.take("pressure", usage), 0, 1, 0, usage);
        String bendText = line.take("bend", usage);
        float bend = (float) decimal("--bend", bendText, -1, 1, 0, usage);
        float timbre = (float) decimal("--timbre", line.take("timbre", usage), 0, 1, 0.5, usage);
        String sweepText = line.take("sweep", usage);
        String noteText = line.take("note", usage);
        String velocityText = line.take("velocity", usage);
        double sweep = 0;
        if (sweepText != null) {
            if (bendText != null) {
                throw new UsageException("--sweep moves the bend itself; leave out --bend", usage);
            }
            sweep = decimal("--sweep", sweepText, 0, MAX_SECONDS, usage);
            if (sweep <= 0) {
                throw new UsageException("--sweep must be more than 0 seconds", usage);
            }
        } else if (noteText != null || velocityText != null) {
            throw new UsageException("--note and --velocity go with --sweep", usage);
        }
        int note = integer("--note", noteText, 0, 127, 60, usage);
        int velocity = integer("--velocity", velocityText, 0, 127, 100, usage);
        line.requireAllTaken(usage);
        return new MpeCommand(channel - 1, pressure, bend, timbre, sweep, note, velocity / 127f);
    }

    private static CliCommand param(ArgumentList line, List<String> args, String usage) throws UsageException {
        expectPositionals(args, 2, usage);
        Param p = Param.byName(args.get(0));
        if (p == null) {
            throw new UsageException("unknown parameter '" + args.get(0) + "'", usage);
        }
        String unit = p.unit().isEmpty() ? "" : " " + p.unit();
        double value = decimal(Usage.cliName(p), args.get(1), p.min(), p.max(), usage);
        if (p.discrete() && value != Math.rint(value)) {
            throw new UsageException(Usage.cliName(p) + " takes whole numbers from " + Usage.number(p.min()) + " to "
                    + Usage.number(p.max()) + unit, usage);
        }
        line.requireAllTaken(usage);
        return new ParamCommand(p, (float) value);
    }

    private static CliCommand pulse(ArgumentList line, List<String> args, String usage) throws UsageException {
        expectPositionals(args, 1, usage);
        float amplitude = (float) decimal("--amplitude", line.take("amplitude", usage), 0, 1, 0.5, usage);
        double seconds = decimal("--seconds", line.take("seconds", usage), 0, MAX_SECONDS, 0.5, usage);
        line.requireAllTaken(usage);
        return new PulseCommand(args.get(0), amplitude, (float) seconds);
    }

    private static CliCommand levels(ArgumentList line, List<String> words, String usage) throws UsageException {
        expectPositionals(words.subList(1, words.size()), 0, usage);
        String countText = line.take("count", usage);
        long count = countText == null ? 0 : integer("--count", countText, 1, Integer.MAX_VALUE, usage);
        line.requireAllTaken(usage);
        return new LevelsCommand(count);
    }

    private static CliCommand status(ArgumentList line, List<String> words, String usage) throws UsageException {
        expectPositionals(words.subList(1, words.size()), 0, usage);
        line.requireAllTaken(usage);
        return new StatusCommand();
    }

    private static void expectPositionals(List<String> args, int count, String usage) throws UsageException {
        if (args.size() < count) {
            throw new UsageException("missing argument", usage);
        }
        if (args.size() > count) {
            throw new UsageException("unexpected argument '" + args.get(count) + "'", usage);
        }
    }

    private static int integer(String what, String text, int min, int max, int absent, String usage)
            throws UsageException {
        return text == null ? absent : integer(what, text, min, max, usage);
    }

    private static int integer(String what, String text, int min, int max, String usage) throws UsageException {
        if (!text.matches("[-+]?\\d{1,10}")) {
            throw new UsageException(what + " must be a whole number, not '" + text + "'", usage);
        }
        long v = Long.parseLong(text);
        if (v < min || v > max) {
            throw new UsageException(what + " must be from " + min + " to " + max + ", not " + text, usage);
        }
        return (int) v;
    }

    private static double decimal(String what, String text, double min, double max, double absent, String usage)
            throws UsageException {
        return text == null ? absent : decimal(what, text, min, max, usage);
    }

    private static double decimal(String what, String text, double min, double max, String usage)
            throws UsageException {
        if (!ArgumentList.NUMBER.matcher(text).matches()) {
            throw new UsageException(what + " must be a number, not '" + text + "'", usage);
        }
        double v = Double.parseDouble(text);
        if (!(v >= min && v <= max)) {
            throw new UsageException(String.format(Locale.ROOT, "%s must be from %s to %s, not %s", what,
                    Usage.number((float) min), Usage.number((float) max), text), usage);
        }
        return v;
    }
}
