package haptic.bench;

import haptic.testkit.ThreadAllocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import haptic.client.HapticClient;
import haptic.protocol.InstanceConfig;
import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOn;
import haptic.protocol.Role;
import haptic.server.CallbackTimer;
import haptic.server.HapticServer;
import haptic.server.ServerOptions;
import haptic.testkit.JackdServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Callback time of the real server on a private jackd dummy server, with N sustained Wave voices whose
 * sources move (MPE), measured through the whole chain (socket → IPC → link → engine → JACK ports).
 */
@Command(name = "callback", mixinStandardHelpOptions = true,
        description = "Callback time on a private jackd dummy server.")
final class CallbackBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--voices", paramLabel = "N", description = "voices, 1-2048 (default ${DEFAULT-VALUE})")
    int voices = 256;

    @Option(names = "--seconds", paramLabel = "S", description = "measuring time (default ${DEFAULT-VALUE})")
    int seconds = 10;

    @Option(names = "--period", paramLabel = "N", description = "JACK period in frames (default ${DEFAULT-VALUE})")
    int period = 64;

    @Option(names = "--still", description = "resting voices instead of MPE-swept ones")
    boolean still;

    @Override
    public Integer call() throws Exception {
        if (voices < 1 || voices > 16 * 128) {
            throw new ParameterException(spec.commandLine(), "--voices must be 1..2048");
        }
        if (seconds < 1 || period < 16 || period > 4096) {
            throw new ParameterException(spec.commandLine(), "--seconds must be >= 1 and --period 16..4096");
        }
        boolean moving = !still;
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("haptic-bench");
        try (JackdServer jackd = JackdServer.start(period)) {
            ServerOptions o = ServerOptions.onJack(jackd.name(), dir);
            try (HapticServer server = HapticServer.start(o, line -> { });
                 HapticClient client = HapticClient.connect(server.socket(), Role.CONTROLLER, "bench",
                         InstanceConfig.EMPTY, Duration.ofSeconds(5))) {
                for (int v = 0; v < voices; v++) {
                    client.send(new NoteOn(v / 128, v % 128, 0.8f, 0.5f, (v % 17) / 8f - 1f, (v % 5) / 4f));
                }
                Thread.sleep(1000);
                CallbackTimer timer = server.cycle().timer();
                long tid = server.cycle().audioThreadId();
                long xrunsBefore = server.output().xruns();
                timer.reset();
                long allocBefore = ThreadAllocation.bytes(tid);
                long end = System.nanoTime() + seconds * 1_000_000_000L;
                int step = 0;
                // Channels 0 and 1 carry every voice; sweeping their bend moves all sources continuously.
                while (System.nanoTime() < end) {
                    if (moving) {
                        float bend = (float) Math.sin(step++ * 0.01);
                        client.send(new MpeUpdate(0, 0.5f, bend, 0.5f));
                        client.send(new MpeUpdate(1, 0.5f, -bend, 0.5f));
                    }
                    Thread.sleep(5);
                }
                long allocated = ThreadAllocation.bytes(tid) - allocBefore;
                long cycles = timer.count();
                double periodMicros = period * 1e6 / server.output().sampleRate();
                out.printf("callback bench: %d Wave voices (%s), %d frames at %.0f Hz (period %.0f us), %d s%n",
                        server.cycle().engine().activeVoices(), moving ? "moving" : "resting", period, server.output().sampleRate(), periodMicros,
                        seconds);
                out.printf("  callbacks       %d%n", cycles);
                out.printf("  callback time   p50 %.0f us   p99 %.0f us   max %.0f us%n",
                        timer.percentileMicros(50), timer.percentileMicros(99), timer.maxMicros());
                out.printf("  as load         p50 %.1f %%   p99 %.1f %%   max %.1f %%%n",
                        100 * timer.percentileMicros(50) / periodMicros, 100 * timer.percentileMicros(99) / periodMicros,
                        100 * timer.maxMicros() / periodMicros);
                out.printf("  xruns           %d%n", server.output().xruns() - xrunsBefore);
                out.printf("  allocated on the audio thread: %d bytes over %d callbacks%n", allocated, cycles);
            }
        } finally {
            try (var s = Files.list(dir)) {
                s.forEach(p -> p.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
        return 0;
    }
}
