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
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.Param;
import haptic.protocol.Role;
import haptic.server.CallbackTimer;
import haptic.server.HapticServer;
import haptic.server.ServerOptions;
import haptic.testkit.JackdServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A long performance on a private jackd dummy server at 64 frames: N controllers, each playing notes of random
 * length on its channels and sending MPE at 1 kHz per channel. Checkpoints (every minute and at the end) hold a
 * note on every channel and compare the engine's voice count with it (every NoteOn applied, none extra), then
 * release everything and expect silence (no NoteOff lost, no stuck voice). After a warm-up it measures bytes
 * allocated on the audio thread, the process's resident memory, xruns and callback time. Figures go to stdout;
 * the exit code is 1 if a checkpoint failed, the audio thread allocated or RSS grew by 5 % or more.
 */
@Command(name = "soak", mixinStandardHelpOptions = true, description = {
    "Long run of notes + 1 kHz MPE per channel: lost NoteOffs, stuck voices, audio-thread allocation,",
    "RSS growth, xruns."})
final class SoakBench implements Callable<Integer> {
    private static final int PERIOD = 64;
    private static final long WARM_UP_NANOS = 20_000_000_000L;
    private static final long CHECKPOINT_NANOS = 60_000_000_000L;
    private static final float RELEASE_SECONDS = 0.1f;
    /** Longer than any release plus the farthest wave arrival, so only held voices remain after it. */
    private static final long SETTLE_NANOS = 500_000_000L;
    private static final long VERIFY_TIMEOUT_NANOS = 5_000_000_000L;

    @Spec
    CommandSpec spec;

    @Option(names = "--minutes", paramLabel = "M", description = "duration (default ${DEFAULT-VALUE})")
    double minutes = 10;

    @Option(names = "--controllers", paramLabel = "N", description = "controllers, 1-64 (default ${DEFAULT-VALUE})")
    int controllers = 8;

    @Option(names = "--channels", paramLabel = "N", description = "MPE channels each, 1-16 (default ${DEFAULT-VALUE})")
    int channels = 4;

    @Override
    public Integer call() throws Exception {
        if (!(minutes > 0) || controllers < 1 || controllers > 64 || channels < 1 || channels > 16) {
            throw new ParameterException(spec.commandLine(),
                    "needs --minutes > 0, --controllers 1..64, --channels 1..16");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("haptic-soak");
        List<String> log = new ArrayList<>();
        try (JackdServer jackd = JackdServer.start(PERIOD)) {
            ServerOptions o = ServerOptions.onJack(jackd.name(), dir);
            try (HapticServer server = HapticServer.start(o, line -> {
                synchronized (log) {
                    log.add(line);
                }
            })) {
                return soak(server, jackd, (long) (minutes * 60e9), controllers, channels, out, log);
            }
        } finally {
            Files.deleteIfExists(dir.resolve("haptic.sock"));
            Files.deleteIfExists(dir);
        }
    }

    private static int soak(HapticServer server, JackdServer jackd, long durationNanos, int controllers,
                            int channels, PrintWriter out, List<String> log) throws Exception {
        out.printf("soak bench: %d controllers x %d channels, notes + MPE at 1 kHz per channel, jackd dummy at "
                        + "%d frames%s; %.1f min after a %d s warm-up%n", controllers, channels, PERIOD,
                jackd.realtime() ? "" : " (no realtime scheduling)", durationNanos / 60e9,
                WARM_UP_NANOS / 1_000_000_000L);
        Runtime rt = Runtime.getRuntime();
        out.printf("  heap: %d MB committed of %d MB max (fixed -Xms = -Xmx keeps heap growth out of RSS)%n",
                rt.totalMemory() >> 20, rt.maxMemory() >> 20);
        List<Performer> performers = new ArrayList<>();
        Checks checks = new Checks();
        try {
            for (int c = 0; c < controllers; c++) {
                InstanceConfig cfg = new InstanceConfig("soak-" + c, new int[] {Param.RELEASE.id()},
                        new float[] {RELEASE_SECONDS});
                HapticClient client = HapticClient.connect(server.socket(), Role.CONTROLLER, "soak-" + c, cfg,
                        Duration.ofSeconds(5));
                performers.add(new Performer(client, channels, c));
            }
            performers.forEach(Performer::start);
            sleepNanos(WARM_UP_NANOS);
            checkpoint(server, performers, channels, checks, out, "after warm-up", true);
            long tid = server.cycle().audioThreadId();
            server.cycle().timer().reset();
            Reading before = Reading.take(server, tid, performers);
            long end = before.nanos + durationNanos;
            long nextCheckpoint = before.nanos + CHECKPOINT_NANOS;
            while (System.nanoTime() < end) {
                sleepNanos(Math.min(end, nextCheckpoint) - System.nanoTime());
                if (System.nanoTime() >= nextCheckpoint && System.nanoTime() < end) {
                    checkpoint(server, performers, channels, checks, out,
                            String.format("at %.1f min", (System.nanoTime() - before.nanos) / 60e9), true);
                    nextCheckpoint += CHECKPOINT_NANOS;
                }
            }
            Reading after = Reading.take(server, tid, performers);
            CallbackTimer timer = server.cycle().timer();
            String callbackTimes = String.format("p50 %.0f us   p99 %.0f us   max %.0f us (period %.0f us)",
                    timer.percentileMicros(50), timer.percentileMicros(99), timer.maxMicros(),
                    PERIOD * 1e6 / server.output().sampleRate());
            // The performers stay released after the last checkpoint: whatever still sounds is stuck.
            checkpoint(server, performers, channels, checks, out, "at the end", false);
            int stuck = awaitVoices(server, 0);
            boolean sameThread = tid == server.cycle().audioThreadId();
            long allocated = after.allocatedBytes - before.allocatedBytes;
            double growth = 100.0 * (after.rssKb - before.rssKb) / before.rssKb;

            long noteOns = 0;
            long noteOffs = 0;
            long mpe = 0;
            for (Performer p : performers) {
                noteOns += p.noteOns;
                noteOffs += p.noteOffs;
                mpe += p.mpe;
            }
            out.printf("  sent (whole run): %d NoteOn, %d NoteOff, %d MpeUpdate; %.0f messages/s while measured%n",
                    noteOns, noteOffs, mpe, (after.sent - before.sent) / ((after.nanos - before.nanos) / 1e9));
            out.printf("  checkpoints: %d passed, %d failed (held notes all sounding, then silence after NoteOff)%n",
                    checks.passed, checks.failed);
            out.printf("  stuck voices at the end: %d%n", stuck);
            out.printf("  audio thread: %s bytes allocated over %d callbacks%s%n", sameThread ? allocated : "n/a",
                    after.callbacks - before.callbacks, sameThread ? "" : " (the audio thread changed: JACK restarted)");
            out.printf("  callback time %s%n", callbackTimes);
            out.printf("  RSS %d kB -> %d kB (%+.2f %%)%n", before.rssKb, after.rssKb, growth);
            out.printf("  xruns %d; MPE merged by the IPC thread %d; command backlog high water %d%n",
                    after.xruns - before.xruns, server.ipc().mergedExpressions(), server.ipc().backlogHighWater());
            out.printf("  machine load average at the end: %s (xruns on a shared machine are often its doing)%n",
                    loadAverage());
            for (Performer p : performers) {
                if (p.failure != null) {
                    out.println("  controller failed: " + p.failure);
                }
            }
            synchronized (log) {
                log.stream().filter(l -> !l.contains(" connected") && !l.contains(" accepted as "))
                        .forEach(l -> out.println("  server: " + l));
            }
            boolean ok = checks.failed == 0 && stuck == 0 && (!sameThread || allocated == 0) && growth < 5.0
                    && performers.stream().allMatch(p -> p.failure == null);
            out.println(ok ? "soak: PASS" : "soak: FAIL");
            return ok ? 0 : 1;
        } finally {
            for (Performer p : performers) {
                p.close();
            }
        }
    }

    /**
     * Every channel holds a note → voices must equal notes held; then all released → silence. With
     * {@code resume} the performers go back to playing, else they stay silent.
     */
    private static void checkpoint(HapticServer server, List<Performer> performers, int channels, Checks checks,
                                   PrintWriter out, String when, boolean resume) {
        int expected = performers.size() * channels;
        setMode(performers, Performer.HOLD);
        sleepNanos(SETTLE_NANOS);
        int held = awaitVoices(server, expected);
        setMode(performers, Performer.RELEASE);
        sleepNanos(SETTLE_NANOS);
        int left = awaitVoices(server, 0);
        if (resume) {
            setMode(performers, Performer.PLAY);
        }
        boolean ok = held == expected && left == 0;
        if (ok) {
            checks.passed++;
        } else {
            checks.failed++;
        }
        out.printf("  checkpoint %s: %d of %d held notes sounding, %d voices left after release; RSS %d kB; "
                + "xruns %d%s%n", when, held, expected, left, rssKilobytes(), server.output().xruns(),
                ok ? "" : "  FAILED");
    }

    private static void setMode(List<Performer> performers, int mode) {
        for (Performer p : performers) {
            p.mode = mode;
        }
        for (Performer p : performers) {
            while (p.appliedMode != mode && p.failure == null) {
                LockSupport.parkNanos(1_000_000);
            }
        }
    }

    /** Waits up to 5 s for the voice count to reach {@code expected}; returns the last count seen. */
    private static int awaitVoices(HapticServer server, int expected) {
        long deadline = System.nanoTime() + VERIFY_TIMEOUT_NANOS;
        int n;
        while ((n = server.cycle().engine().activeVoices()) != expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(5_000_000);
        }
        return n;
    }

    private static long sentMessages(List<Performer> performers) {
        long n = 0;
        for (Performer p : performers) {
            n += p.noteOns + p.noteOffs + p.mpe;
        }
        return n;
    }

    /** Resident set size of this process, from /proc/self/status. */
    private static long rssKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2] + " on " + Runtime.getRuntime().availableProcessors() + " CPUs";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void sleepNanos(long nanos) {
        long end = System.nanoTime() + nanos;
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    /** The measured quantities at one instant; the report is the difference of two readings. */
    private record Reading(long nanos, long rssKb, long allocatedBytes, long xruns, long sent, long callbacks) {
        static Reading take(HapticServer server, long tid,
                            List<Performer> performers) {
            return new Reading(System.nanoTime(), rssKilobytes(), ThreadAllocation.bytes(tid),
                    server.output().xruns(), sentMessages(performers), server.cycle().timer().count());
        }
    }

    private static final class Checks {
        int passed;
        int failed;
    }

    /**
     * One controller on its own thread, ticking every millisecond: notes start and stop at random times on each
     * of its channels, and every channel gets an MpeUpdate per tick (its source circling the table).
     */
    private static final class Performer implements AutoCloseable {
        static final int PLAY = 0;
        static final int HOLD = 1;
        static final int RELEASE = 2;

        private final HapticClient client;
        private final int channels;
        private final SplittableRandom random;
        private final Thread thread;
        private final boolean[] sounding;
        private final int[] note;
        private final long[] changeAt;
        volatile int mode = PLAY;
        volatile int appliedMode = PLAY;
        volatile long noteOns;
        volatile long noteOffs;
        volatile long mpe;
        volatile Exception failure;
        private volatile boolean stop;

        Performer(HapticClient client, int channels, int index) {
            this.client = client;
            this.channels = channels;
            this.random = new SplittableRandom(index);
            this.sounding = new boolean[channels];
            this.note = new int[channels];
            this.changeAt = new long[channels];
            this.thread = new Thread(this::run, "soak-controller-" + index);
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void run() {
            long tick = 1_000_000L;
            long next = System.nanoTime();
            try {
                while (!stop) {
                    long now = System.nanoTime();
                    int m = mode;
                    for (int ch = 0; ch < channels; ch++) {
                        play(ch, m, now);
                        double phase = now / 1e9 * 0.5 + ch * 0.7;
                        client.send(new MpeUpdate(ch, (float) (0.5 + 0.4 * Math.sin(phase * 3)),
                                (float) Math.sin(phase), (float) (0.5 + 0.5 * Math.cos(phase))));
                        mpe++;
                    }
                    appliedMode = m;
                    next += tick;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    } else if (wait < -100 * tick) {
                        next = System.nanoTime(); // far behind (a stall): do not burst to catch up
                    }
                }
            } catch (Exception e) {
                failure = e;
            }
        }

        private void play(int ch, int m, long now) throws IOException {
            boolean start = switch (m) {
                case HOLD -> !sounding[ch];
                case RELEASE -> false;
                default -> !sounding[ch] && now >= changeAt[ch];
            };
            boolean stopNote = switch (m) {
                case HOLD -> false;
                case RELEASE -> sounding[ch];
                default -> sounding[ch] && now >= changeAt[ch];
            };
            if (stopNote) {
                client.send(new NoteOff(ch, note[ch], random.nextFloat()));
                noteOffs++;
                sounding[ch] = false;
                changeAt[ch] = now + random.nextLong(20_000_000L, 300_000_000L);
            } else if (start) {
                note[ch] = random.nextInt(30, 90);
                client.send(new NoteOn(ch, note[ch], 0.3f + 0.7f * random.nextFloat(), random.nextFloat(),
                        2 * random.nextFloat() - 1, random.nextFloat()));
                noteOns++;
                sounding[ch] = true;
                changeAt[ch] = now + random.nextLong(50_000_000L, 1_000_000_000L);
            }
        }

        @Override
        public void close() throws IOException {
            stop = true;
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            client.close();
        }
    }
}
