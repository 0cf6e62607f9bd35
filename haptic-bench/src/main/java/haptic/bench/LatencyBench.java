package haptic.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import haptic.client.HapticClient;
import haptic.protocol.InstanceConfig;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.Param;
import haptic.protocol.Role;
import haptic.server.HapticServer;
import haptic.server.ServerOptions;
import haptic.testkit.JackCapture;
import haptic.testkit.JackdServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Note latency through the whole chain on a private jackd dummy server: a controller's NoteOn leaves the
 * socket (System.nanoTime) → IPC → command link → engine → our JACK port for T01 → a capture client. The note
 * sits right under T01 (bend −1, timbre 0), so the wave needs no time to reach it and the first non-zero
 * sample on that port marks the note's arrival. JACK's clock maps the send instant onto the capture's
 * timeline; the figure excludes whatever output latency a real sound card adds after the port.
 */
@Command(name = "latency", mixinStandardHelpOptions = true,
        description = "NoteOn to first sample on a JACK port: p50/p99/max.")
final class LatencyBench implements Callable<Integer> {
    /** Notes measured per capture client; each capture preallocates its recording, so they are rotated. */
    private static final int NOTES_PER_CAPTURE = 100;
    private static final double CAPTURE_SECONDS = 8.0;
    private static final long NOTE_TIMEOUT_NANOS = 1_000_000_000L;
    private static final int NOTE = 45;

    @Spec
    CommandSpec spec;

    @Option(names = "--period", paramLabel = "N", description = "one JACK period, a power of two 16-4096 (default: 64 and 256)")
    Integer period;

    @Option(names = "--notes", paramLabel = "N", description = "notes per period (default ${DEFAULT-VALUE})")
    int notes = 1000;

    @Override
    public Integer call() throws Exception {
        List<Integer> periods = period == null ? List.of(64, 256) : List.of(period);
        for (int p : periods) {
            if (p < 16 || p > 4096 || Integer.bitCount(p) != 1) {
                throw new ParameterException(spec.commandLine(), "--period must be a power of two between 16 and 4096");
            }
        }
        if (notes < 1) {
            throw new ParameterException(spec.commandLine(), "--notes must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        for (int p : periods) {
            measure(p, notes, out);
        }
        return 0;
    }

    private static void measure(int period, int notes, PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("haptic-latency");
        try (JackdServer jackd = JackdServer.start(period)) {
            ServerOptions o = ServerOptions.onJack(jackd.name(), dir);
            try (HapticServer server = HapticServer.start(o, line -> { });
                 HapticClient client = HapticClient.connect(server.socket(), Role.CONTROLLER, "latency",
                         new InstanceConfig("latency",
                                 new int[] {Param.ATTACK.id(), Param.RELEASE.id(), Param.WAVE_SPEED.id()},
                                 new float[] {Param.ATTACK.min(), Param.RELEASE.min(), Param.WAVE_SPEED.max()}),
                         Duration.ofSeconds(5))) {
                float rate = server.output().sampleRate();
                long periodNanos = (long) (period * 1e9 / rate);
                List<String> ports = server.output().jackOutputPorts();
                long[] frames = new long[notes];
                int measured = 0;
                int missed = 0;
                long xrunsBefore = server.output().xruns();
                SplittableRandom random = new SplittableRandom(period);
                long started = System.nanoTime();
                while (measured + missed < notes) {
                    try (JackCapture capture = new JackCapture(jackd.name(), ports, CAPTURE_SECONDS)) {
                        long capacity = (long) (CAPTURE_SECONDS * capture.sampleRate());
                        while (capture.frames() == 0) {
                            Thread.sleep(1);
                        }
                        for (int k = 0; k < NOTES_PER_CAPTURE && measured + missed < notes; k++) {
                            if (capture.frames() > capacity * 3 / 4) {
                                break;
                            }
                            awaitSilence(server);
                            // A random phase against the period, so the figures cover every arrival position.
                            LockSupport.parkNanos(random.nextLong(periodNanos) + 1_000_000);
                            long sent = System.nanoTime();
                            client.send(new NoteOn(0, NOTE, 1f, 1f, -1f, 0f));
                            long sentIndex = capture.indexAtNanoTime(sent);
                            long onset = onset(capture.channel(0), capture, Math.max(0, sentIndex), sent);
                            client.send(new NoteOff(0, NOTE, 0f));
                            if (onset < 0) {
                                missed++;
                            } else {
                                frames[measured++] = onset - sentIndex;
                            }
                        }
                    }
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                report(out, period, rate, jackd.realtime(), Arrays.copyOf(frames, measured), missed,
                        server.output().xruns() - xrunsBefore, seconds);
            }
        } finally {
            Files.deleteIfExists(dir.resolve("haptic.sock"));
            Files.deleteIfExists(dir);
        }
    }

    /** The previous note has released and its voice is gone, so T01 is silent before the next NoteOn. */
    private static void awaitSilence(HapticServer server) throws IOException {
        long deadline = System.nanoTime() + NOTE_TIMEOUT_NANOS;
        while (server.cycle().engine().activeVoices() != 0) {
            if (System.nanoTime() > deadline) {
                throw new IOException("a voice is still sounding 1 s after its NoteOff");
            }
            LockSupport.parkNanos(200_000);
        }
    }

    /** Capture index of the first non-zero T01 sample at or after {@code from}, or -1 if none within a second. */
    private static long onset(float[] t01, JackCapture capture, long from, long sentNanos) {
        long scanned = from;
        while (System.nanoTime() - sentNanos < NOTE_TIMEOUT_NANOS) {
            long end = capture.frames();
            for (long i = scanned; i < end; i++) {
                if (t01[(int) i] != 0f) {
                    return i;
                }
            }
            scanned = Math.max(scanned, end);
            LockSupport.parkNanos(100_000);
        }
        return -1;
    }

    private static void report(PrintWriter out, int period, float rate, boolean realtime, long[] frames, int missed,
                               long xruns, double seconds) {
        Arrays.sort(frames);
        out.printf("latency bench: %d notes, NoteOn sent → first sample on T01's JACK port, %d frames at %.0f Hz "
                        + "(period %.2f ms), jackd dummy%s, %.1f s%n", frames.length + missed, period, rate,
                period * 1000.0 / rate, realtime ? "" : " without realtime scheduling", seconds);
        if (frames.length == 0) {
            out.println("  no note was heard");
            return;
        }
        out.printf("  min %s   p50 %s   p99 %s   max %s%n", figure(frames[0], rate, period),
                figure(percentile(frames, 50), rate, period), figure(percentile(frames, 99), rate, period),
                figure(frames[frames.length - 1], rate, period));
        out.printf("  notes not heard within 1 s: %d; xruns: %d%n", missed, xruns);
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String figure(long frames, float rate, int period) {
        return String.format("%.2f ms (%d frames, %.2f periods)", frames * 1000.0 / rate, frames,
                frames / (double) period);
    }
}
