package haptic.cli;

import haptic.bench.EngineBench;
import java.io.PrintStream;
import java.util.Arrays;

/** `haptic-server bench …`: figures go to stdout, never into assertions. */
final class Bench {
    private Bench() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            out.println("usage: haptic-server bench engine [--quick]\n"
                    + "       haptic-server bench callback [--voices N] [--seconds S] [--period N] [--still]\n"
                    + "       haptic-server bench latency [--period 64|256] [--notes N]\n"
                    + "       haptic-server bench soak [--minutes M] [--controllers N] [--channels N]");
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "engine":
                    EngineBench.run(out, rest);
                    return 0;
                case "callback":
                    return CallbackBench.run(rest, out, err);
                case "latency":
                    return LatencyBench.run(rest, out, err);
                case "soak":
                    return SoakBench.run(rest, out, err);
                default:
                    err.println("haptic-server bench: unknown bench '" + args[0] + "'");
                    return 2;
            }
        } catch (Exception e) {
            err.println("haptic-server bench: " + e);
            return 1;
        }
    }
}
