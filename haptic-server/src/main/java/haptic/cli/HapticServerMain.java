package haptic.cli;

import haptic.server.HapticServer;
import haptic.server.ServerOptions;
import haptic.server.jack.JackPorts;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/** `haptic-server`: run the server, list JACK ports, or run a bench. */
public final class HapticServerMain {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private static final String USAGE = String.join("\n",
            "usage: haptic-server [run] [options]      run the server (JACK if reachable, else headless)",
            "       haptic-server ports [--jack-server NAME]   list JACK ports",
            "       haptic-server bench engine [--quick]       engine render cost vs voices, against a naive design",
            "       haptic-server bench callback [--voices N] [--seconds S] [--period N] [--still]",
            "                                                  callback time on a private jackd dummy server",
            "       haptic-server bench latency [--period 64|256] [--notes N]",
            "                                                  NoteOn -> first sample on a JACK port, p50/p99/max",
            "                                                  (both periods unless --period; 1000 notes)",
            "       haptic-server bench soak [--minutes M] [--controllers N] [--channels N]",
            "                                                  long run of notes + 1 kHz MPE per channel: lost",
            "                                                  NoteOffs, stuck voices, audio-thread allocation,",
            "                                                  RSS growth, xruns (10 min, 8 controllers, 4 channels)",
            "",
            "run options:",
            "  --socket PATH        Unix socket (default $HAPTIC_SOCKET, else $XDG_RUNTIME_DIR/haptic/haptic.sock,",
            "                       else /tmp/haptic-$USER/haptic.sock)",
            "  --backend B          auto (default) | jack | headless",
            "  --layout FILE        transducer layout JSON (default: built-in 4x8 grid, 0.1 m spacing)",
            "  --connect P1,P2,...  connect the 32 outputs, in order, to these JACK ports",
            "  --jack-server NAME   JACK server name (default $JACK_DEFAULT_SERVER or JACK's default)",
            "  --client-name NAME   JACK client name (default haptic)",
            "  --record FILE.wav    record all 32 outputs to a 32-bit float WAV",
            "  --ceiling X          absolute output limit, 0 < X <= 1 (default 1.0)",
            "  --rate HZ            headless sample rate (default 48000)",
            "  --period N           headless period in frames (default 64)",
            "  --exit-on-stdin-eof  stop when standard input closes (for a parent that manages this server)",
            "  -h, --help           this text");

    private HapticServerMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length > 0 && !args[0].startsWith("-") ? args[0] : "run";
        String[] rest = args.length > 0 && !args[0].startsWith("-") ? Arrays.copyOfRange(args, 1, args.length) : args;
        try {
            switch (command) {
                case "run":
                    return runServer(Arguments.parse(rest, out), out, err);
                case "ports":
                    return ports(rest, out, err);
                case "bench":
                    return Bench.run(rest, out, err);
                case "help":
                    out.println(USAGE);
                    return 0;
                default:
                    err.println("haptic-server: unknown command '" + command + "'\n" + USAGE);
                    return 2;
            }
        } catch (UsageException e) {
            if (e.getMessage() == null) {
                out.println(USAGE);
                return 0;
            }
            err.println("haptic-server: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
    }

    private static int runServer(ServerOptions o, PrintStream out, PrintStream err) {
        HapticServer server;
        try {
            server = HapticServer.start(o, line -> out.println(LocalTime.now().format(TIME) + " " + line));
        } catch (Exception e) {
            err.println("haptic-server: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "haptic-shutdown"));
        out.println("Ctrl+C stops the server.");
        if (o.exitOnStdinEof) {
            Thread watcher = new Thread(() -> {
                try {
                    while (System.in.read() >= 0) {
                        // Input is ignored; only its end matters.
                    }
                } catch (java.io.IOException ignored) {
                    // A broken pipe means the parent is gone, same as EOF.
                }
                System.exit(0); // runs the shutdown hook: clients released, JACK closed, socket removed
            }, "haptic-parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int ports(String[] args, PrintStream out, PrintStream err) {
        String server = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-h":
                case "--help":
                    out.println("usage: haptic-server ports [--jack-server NAME]");
                    return 0;
                case "--jack-server":
                    if (i + 1 >= args.length) {
                        throw new UsageException("--jack-server needs a value");
                    }
                    server = args[++i];
                    break;
                default:
                    throw new UsageException("unknown option for ports: " + args[i]);
            }
        }
        try {
            for (String p : JackPorts.list(server)) {
                out.println(p);
            }
            return 0;
        } catch (Exception e) {
            err.println("haptic-server: " + e.getMessage());
            return 1;
        }
    }

    /** Parses `run` options; public for tests. */
    static final class Arguments {
        private Arguments() {
        }

        static ServerOptions parse(String[] a, PrintStream out) {
            ServerOptions o = new ServerOptions();
            for (int i = 0; i < a.length; i++) {
                String flag = a[i];
                switch (flag) {
                    case "-h":
                    case "--help":
                        throw new UsageException(null);
                    case "--socket":
                        o.socket = value(a, ++i, flag);
                        break;
                    case "--backend":
                        o.backend = value(a, ++i, flag);
                        if (!o.backend.equals("auto") && !o.backend.equals("jack") && !o.backend.equals("headless")) {
                            throw new UsageException("--backend must be auto, jack or headless, not " + o.backend);
                        }
                        break;
                    case "--layout":
                        o.layoutFile = Path.of(value(a, ++i, flag));
                        break;
                    case "--connect":
                        for (String p : value(a, ++i, flag).split(",")) {
                            if (!p.isBlank()) {
                                o.connect.add(p.trim());
                            }
                        }
                        break;
                    case "--jack-server":
                        o.jackServer = value(a, ++i, flag);
                        break;
                    case "--client-name":
                        o.clientName = value(a, ++i, flag);
                        break;
                    case "--record":
                        o.record = Path.of(value(a, ++i, flag));
                        break;
                    case "--ceiling":
                        o.ceiling = number(a, ++i, flag);
                        if (!(o.ceiling > 0 && o.ceiling <= 1)) {
                            throw new UsageException("--ceiling must be in (0, 1]");
                        }
                        break;
                    case "--rate":
                        o.headlessRate = number(a, ++i, flag);
                        if (!(o.headlessRate >= 8000 && o.headlessRate <= 192000)) {
                            throw new UsageException("--rate must be between 8000 and 192000");
                        }
                        break;
                    case "--exit-on-stdin-eof":
                        o.exitOnStdinEof = true;
                        break;
                    case "--period":
                        o.headlessPeriod = (int) number(a, ++i, flag);
                        if (o.headlessPeriod < 16 || o.headlessPeriod > 4096) {
                            throw new UsageException("--period must be between 16 and 4096 frames");
                        }
                        break;
                    default:
                        throw new UsageException("unknown option " + flag);
                }
            }
            return o;
        }

        private static String value(String[] a, int i, String flag) {
            if (i >= a.length) {
                throw new UsageException(flag + " needs a value");
            }
            return a[i];
        }

        private static float number(String[] a, int i, String flag) {
            String v = value(a, i, flag);
            try {
                float f = Float.parseFloat(v);
                if (!Float.isFinite(f)) {
                    throw new NumberFormatException();
                }
                return f;
            } catch (NumberFormatException e) {
                throw new UsageException(flag + " needs a number, not '" + v + "'");
            }
        }
    }

    /** Bad command line; a null message means "print usage and exit 0" (--help). */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
