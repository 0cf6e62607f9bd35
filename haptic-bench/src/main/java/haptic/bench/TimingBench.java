package haptic.bench;

import haptic.client.HapticClient;
import haptic.plugin.HapticPlugin;
import haptic.protocol.InstanceConfig;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.Param;
import haptic.protocol.Role;
import haptic.server.HapticServer;
import haptic.server.ServerOptions;
import haptic.testkit.JackCapture;
import haptic.testkit.JackdServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * Time-true performance, before and after, in one run on a private jackd dummy server (64-frame periods). A
 * host thread calls the real plugin's process() for blocks of 64/256/1024/2048 frames at moments jittered by up
 * to half a block, with notes at known sample offsets; the first non-zero sample on T01 (the note sits on it, so
 * no propagation) gives each note's onset. "timed": the plugin as it is (host time given, as JACK-based hosts
 * can). "untimed": what the instrument did before time-true playing — each block's notes sent without a time
 * as soon as the host's call returns, placed by arrival — measured through the same server, so both rows see
 * the same machine.
 */
@Command(name = "timing", mixinStandardHelpOptions = true,
        description = "Event → first sample latency and inter-onset error per host block size, timed vs untimed.")
final class TimingBench implements Callable<Integer> {
    private static final double RATE = 48000;
    private static final int IOI = 2400;
    private static final int LENGTH = 240;
    private static final int RECORD = 32;
    private static final int NOTE_ON = 1;
    private static final int NOTE_OFF = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--notes", paramLabel = "N", description = "notes per block size and mode (default ${DEFAULT-VALUE})")
    int notes = 1000;

    @Option(names = "--block", paramLabel = "N", description = "one host block size (default: 64, 256, 1024, 2048)")
    Integer block;

    @Override
    public Integer call() throws Exception {
        if (notes < 2) {
            throw new ParameterException(spec.commandLine(), "--notes must be at least 2");
        }
        List<Integer> blocks = block == null ? List.of(64, 256, 1024, 2048) : List.of(block);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("timing bench: %d notes %.0f ms apart per row, host calls jittered by ±half a block, jackd dummy "
                + "64 frames at 48 kHz; latency = intended time → first sample on T01%n", notes, IOI * 1000 / RATE);
        out.println("  block  mode      latency p1     p50     p99     max (ms)   inter-onset error p99 / max (samples)");
        for (int b : blocks) {
            for (boolean timed : new boolean[] {false, true}) {
                out.println(run(b, timed));
                out.flush();
            }
        }
        return 0;
    }

    private String run(int blockFrames, boolean timed) throws Exception {
        Path dir = Files.createTempDirectory("haptic-timing");
        try (JackdServer jackd = JackdServer.start(64);
             HapticServer server = HapticServer.start(ServerOptions.onJack(jackd.name(), dir), line -> { })) {
            Path resources = Files.createDirectories(dir.resolve("plugin"));
            Files.writeString(resources.resolve("haptic-plugin.conf"), "socket=" + server.socket() + "\nlog="
                    + resources.resolve("plugin.log") + "\n");
            HapticPlugin plugin = new HapticPlugin(resources.toString());
            HapticClient untimed = timed ? null : HapticClient.connect(server.socket(), Role.CONTROLLER, "untimed",
                    new InstanceConfig("untimed", new int[] {Param.ATTACK.id(), Param.RELEASE.id(),
                        Param.WAVE_SPEED.id()}, new float[] {Param.ATTACK.min(), Param.RELEASE.min(),
                        Param.WAVE_SPEED.max()}), Duration.ofSeconds(5));
            try {
                plugin.setParameter(Param.ATTACK.id(), 0.0);
                plugin.setParameter(Param.RELEASE.id(), 0.0);
                plugin.setParameter(Param.WAVE_SPEED.id(), 1.0);
                plugin.setupProcessing(RATE, blockFrames);
                plugin.setActive(true);
                plugin.setProcessing(true);
                Thread.sleep(500); // the plugin connects
                double seconds = (notes * (double) IOI + 2 * RATE) / RATE + 2;
                try (JackCapture capture = new JackCapture(jackd.name(),
                        List.of(server.output().jackOutputPorts().get(0)), seconds)) {
                    while (capture.frames() == 0) {
                        Thread.sleep(1);
                    }
                    long[] mapped = new long[notes];
                    long[] start = new long[notes];
                    play(plugin, untimed, blockFrames, capture, mapped, start);
                    Thread.sleep(300);
                    return summarise(blockFrames, timed, capture, mapped, start);
                }
            } finally {
                plugin.dispose();
                if (untimed != null) {
                    untimed.close();
                }
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The host: real-time blocks, jittered calls, notes at sub-block offsets; maps each note onto the capture. */
    private void play(HapticPlugin plugin, HapticClient untimed, int blockFrames, JackCapture capture, long[] mapped,
                      long[] start) throws Exception {
        ByteBuffer events = plugin.eventBuffer();
        SplittableRandom random = new SplittableRandom(blockFrames);
        long lead = (long) (RATE / 2);
        for (int i = 0; i < notes; i++) {
            start[i] = lead + (long) i * IOI + (i * 7919L) % blockFrames;
        }
        long blockNanos = (long) (blockFrames * 1e9 / RATE);
        long t0 = System.nanoTime() + 10_000_000L;
        int next = 0;
        int nextOff = 0;
        long last = start[notes - 1] + LENGTH + blockFrames;
        for (long first = 0; first < last; first += blockFrames) {
            long end = first + blockFrames;
            int n = 0;
            int firstNote = next;
            List<Object> sends = new ArrayList<>();
            while (true) {
                long on = next < notes ? start[next] : Long.MAX_VALUE;
                long off = nextOff < next ? start[nextOff] + LENGTH : Long.MAX_VALUE;
                if (off <= on && off < end) {
                    n = record(events, n, NOTE_OFF, (int) (off - first));
                    sends.add(new NoteOff(0, 45, 0.5f));
                    nextOff++;
                } else if (on < end) {
                    n = record(events, n, NOTE_ON, (int) (on - first));
                    sends.add(new NoteOn(0, 45, 1f, 0f, -1f, 0f));
                    next++;
                } else {
                    break;
                }
            }
            long ideal = t0 + (long) (first * 1e9 / RATE);
            long call = ideal + random.nextLong(blockNanos + 1) - blockNanos / 2;
            while (System.nanoTime() < call) {
                LockSupport.parkNanos(Math.max(1, call - System.nanoTime() - 50_000));
            }
            if (untimed == null) {
                plugin.process(n, blockFrames, HapticPlugin.FIRST_BATCH | HapticPlugin.LAST_BATCH, STATE, ideal, first);
            } else {
                for (Object m : sends) {
                    untimed.send(m);
                }
            }
            for (int i = firstNote; i < next; i++) {
                mapped[i] = capture.indexAtNanoTime(t0 + (long) (start[i] * 1e9 / RATE));
            }
        }
    }

    /** VST3 ProcessContext state: playing, system time valid. */
    private static final int STATE = (1 << 1) | (1 << 8);

    /** Writes one 32-byte record in the shim's layout (haptic-plugin/JNI.md): a note on channel 0, pitch 45. */
    private static int record(ByteBuffer b, int n, int kind, int offset) {
        int at = n * RECORD;
        b.putInt(at, kind);
        b.putInt(at + 4, offset);
        b.putInt(at + 8, 0);
        b.putInt(at + 12, 45);
        b.putInt(at + 16, -1);
        b.putFloat(at + 20, kind == NOTE_ON ? 1f : 0.5f);
        b.putInt(at + 24, 0);
        b.putInt(at + 28, 0);
        return n + 1;
    }

    private String summarise(int blockFrames, boolean timed, JackCapture capture, long[] mapped, long[] start) {
        float[] t01 = capture.channel(0);
        double[] latency = new double[notes];
        long[] onset = new long[notes];
        int heard = 0;
        long previous = -1;
        for (int i = 0; i < notes; i++) {
            // An untimed note may sound before its intended time (its block was called early); never look
            // inside the previous note's 10 ms of sound, though.
            long from = Math.max(0, Math.max(mapped[i] - blockFrames, previous < 0 ? 0 : previous + (long) (0.015 * RATE)));
            long to = Math.min(capture.frames(), mapped[i] + (long) (0.04 * RATE));
            onset[i] = -1;
            for (long k = from; k < to; k++) {
                if (t01[(int) k] != 0f) {
                    onset[i] = k;
                    break;
                }
            }
            if (onset[i] >= 0) {
                latency[heard++] = (onset[i] - mapped[i]) * 1000.0 / RATE;
                previous = onset[i];
            }
        }
        double[] lat = Arrays.copyOf(latency, heard);
        Arrays.sort(lat);
        List<Long> errors = new ArrayList<>();
        for (int i = 1; i < notes; i++) {
            if (onset[i] >= 0 && onset[i - 1] >= 0) {
                errors.add(Math.abs((onset[i] - onset[i - 1]) - (start[i] - start[i - 1])));
            }
        }
        long[] err = errors.stream().mapToLong(Long::longValue).sorted().toArray();
        if (lat.length == 0 || err.length == 0) {
            return String.format("  %5d  %-8s  no note was heard", blockFrames, timed ? "timed" : "untimed");
        }
        return String.format("  %5d  %-8s  %11.3f %7.3f %7.3f %7.3f          %5d / %d%s", blockFrames,
                timed ? "timed" : "untimed", pct(lat, 1), pct(lat, 50), pct(lat, 99), lat[lat.length - 1],
                err[(int) Math.min(err.length - 1, Math.ceil(0.99 * err.length) - 1)], err[err.length - 1],
                heard < notes ? "   (" + (notes - heard) + " notes not heard)" : "");
    }

    private static double pct(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
