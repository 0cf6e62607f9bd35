package haptic.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `haptic-server bench …`: figures go to stdout, never into assertions. */
@Command(name = "haptic-server bench", mixinStandardHelpOptions = true,
        description = "Benches that print figures. Each starts what it measures itself (engine, server, jackd).",
        subcommands = {EngineBench.class, CallbackBench.class, TimingBench.class, LatencyBench.class, SoakBench.class})
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) {
        CommandLine line = new CommandLine(new Bench());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("haptic-server bench: " + e);
            return 1;
        });
        System.exit(args.length == 0 ? usage(line) : line.execute(args));
    }

    private static int usage(CommandLine line) {
        line.usage(line.getErr());
        return 2;
    }
}
