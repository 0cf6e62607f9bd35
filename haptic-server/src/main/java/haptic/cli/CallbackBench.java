package haptic.cli;

import haptic.client.HapticClient;
import haptic.protocol.InstanceConfig;
import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOn;
import haptic.protocol.Role;
import haptic.server.CallbackTimer;
import haptic.server.HapticServer;
import haptic.server.ServerOptions;
import haptic.server.jack.JackdServer;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Callback time of the real server on a private jackd dummy server, with N sustained Wave voices whose
 * sources move (MPE), measured through the whole chain (socket → IPC → link → engine → JACK ports).
 */
final class CallbackBench {
    private CallbackBench() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        int voices = 256;
        int seconds = 10;
        int period = 64;
        boolean moving = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--voices":
                    voices = Integer.parseInt(args[++i]);
                    break;
                case "--seconds":
                    seconds = Integer.parseInt(args[++i]);
                    break;
                case "--period":
                    period = Integer.parseInt(args[++i]);
                    break;
                case "--still":
                    moving = false;
                    break;
                default:
                    err.println("bench callback: unknown option " + args[i]);
                    return 2;
            }
        }
        if (voices < 1 || voices > 16 * 128) {
            err.println("bench callback: --voices must be 1..2048");
            return 2;
        }
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
                com.sun.management.ThreadMXBean mx =
                        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                long tid = server.cycle().audioThreadId();
                long xrunsBefore = server.output().xruns();
                timer.reset();
                long allocBefore = mx.getThreadAllocatedBytes(tid);
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
                long allocated = mx.getThreadAllocatedBytes(tid) - allocBefore;
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
