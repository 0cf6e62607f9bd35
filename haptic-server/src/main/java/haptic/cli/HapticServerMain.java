package haptic.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * `haptic-server`: run the server (the default command) or list JACK ports. Benches are
 * `bin/haptic-server bench …`, from their own jar. Exit codes: 0 success, 1 the server could not run,
 * 2 a bad command line.
 */
@Command(name = "haptic-server", mixinStandardHelpOptions = true, versionProvider = ServerVersion.class,
        description = "The haptic instrument's server: engine, audio backend and socket for clients.",
        subcommands = {RunCommand.class, PortsCommand.class},
        footer = {"", "With no command, runs the server: haptic-server [run] [options]; 'haptic-server run --help'",
            "lists the options. Benches: bin/haptic-server bench --help."})
public final class HapticServerMain {
    private HapticServerMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine line = commandLine(out, err);
        return line.execute(withDefaultCommand(args, line));
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new HapticServerMain());
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("haptic-server: " + e.getMessage());
            return 1;
        });
        return line;
    }

    /** "haptic-server --layout f.json" means "haptic-server run --layout f.json". */
    private static String[] withDefaultCommand(String[] args, CommandLine line) {
        boolean rootHelp = args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")
                || args[0].equals("-V") || args[0].equals("--version"));
        if (rootHelp || (args.length > 0 && line.getSubcommands().containsKey(args[0]))
                || (args.length > 0 && !args[0].startsWith("-"))) {
            return args;
        }
        String[] withRun = new String[args.length + 1];
        withRun[0] = "run";
        System.arraycopy(args, 0, withRun, 1, args.length);
        return withRun;
    }
}
