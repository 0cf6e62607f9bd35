package haptic.cli;

import haptic.server.HapticServer;
import haptic.server.ServerOptions;
import haptic.server.audio.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** `haptic-server run`: starts the server and keeps it running until Ctrl+C, SIGTERM or (optionally) stdin EOF. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the server (JACK if reachable, else headless).")
final class RunCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    @Spec
    CommandSpec spec;

    @Option(names = "--socket", paramLabel = "PATH", description = {"Unix socket (default $HAPTIC_SOCKET, else",
        "$XDG_RUNTIME_DIR/haptic/haptic.sock, else /tmp/haptic-$USER/haptic.sock)"})
    String socket;

    @Option(names = "--backend", paramLabel = "B", description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    Backend backend = Backend.AUTO;

    @Option(names = "--layout", paramLabel = "FILE",
            description = "transducer layout JSON (default: built-in 4x8 grid, 0.1 m spacing)")
    Path layout;

    @Option(names = "--connect", paramLabel = "P1,P2,...", split = ",",
            description = "connect the outputs, in order, to these JACK ports")
    List<String> connect = List.of();

    @Option(names = "--jack-server", paramLabel = "NAME",
            description = "JACK server name (default $JACK_DEFAULT_SERVER or JACK's default)")
    String jackServer;

    @Option(names = "--client-name", paramLabel = "NAME", description = "JACK client name (default ${DEFAULT-VALUE})")
    String clientName = "haptic";

    @Option(names = "--record", paramLabel = "FILE.wav", description = "record all outputs to a 32-bit float WAV")
    Path record;

    @Option(names = "--ceiling", paramLabel = "X", description = "absolute output limit, 0 < X <= 1 (default ${DEFAULT-VALUE})")
    float ceiling = 1.0f;

    @Option(names = "--rate", paramLabel = "HZ", description = "headless sample rate, 8000-192000 (default ${DEFAULT-VALUE})")
    float rate = 48000f;

    @Option(names = "--period", paramLabel = "N", description = "headless period in frames, 16-4096 (default ${DEFAULT-VALUE})")
    int period = 64;

    @Option(names = "--latency", paramLabel = "MS", description = {"every controller's scheduling latency, 0-500 ms;",
        "0 = automatic per controller: its host block + one period + a learnt margin (default ${DEFAULT-VALUE})"})
    float latencyMs = 0f;

    @Option(names = "--exit-on-stdin-eof",
            description = "stop when standard input closes (for a parent that manages this server)")
    boolean exitOnStdinEof;

    /** The options as the server takes them; a value out of range is a usage error. */
    ServerOptions options() {
        if (!(ceiling > 0 && ceiling <= 1)) {
            throw new ParameterException(spec.commandLine(), "--ceiling must be in (0, 1], not " + ceiling);
        }
        if (!(rate >= 8000 && rate <= 192000)) {
            throw new ParameterException(spec.commandLine(), "--rate must be between 8000 and 192000, not " + rate);
        }
        if (period < 16 || period > 4096) {
            throw new ParameterException(spec.commandLine(), "--period must be between 16 and 4096 frames, not " + period);
        }
        if (!(latencyMs >= 0 && latencyMs <= 500)) {
            throw new ParameterException(spec.commandLine(), "--latency must be between 0 and 500 ms, not " + latencyMs);
        }
        ServerOptions o = new ServerOptions();
        o.latencyMs = latencyMs;
        o.socket = socket;
        o.audio.backend = backend;
        o.layoutFile = layout;
        o.audio.connect = connect.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
        o.audio.jackServer = jackServer;
        o.audio.clientName = clientName;
        o.record = record;
        o.ceiling = ceiling;
        o.audio.headlessRate = rate;
        o.audio.headlessPeriod = period;
        o.exitOnStdinEof = exitOnStdinEof;
        return o;
    }

    @Override
    public Integer call() throws Exception {
        ServerOptions o = options();
        PrintWriter out = spec.commandLine().getOut();
        HapticServer server = HapticServer.start(o, line -> out.println(LocalTime.now().format(TIME) + " " + line));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "haptic-shutdown"));
        out.println("Ctrl+C stops the server.");
        if (o.exitOnStdinEof) {
            ParentWatch.start();
        }
        stopped.await();
        return 0;
    }
}
