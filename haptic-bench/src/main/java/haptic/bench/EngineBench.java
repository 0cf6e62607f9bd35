package haptic.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import haptic.engine.Engine;
import haptic.engine.EngineSettings;
import haptic.engine.Layout;
import haptic.protocol.Param;
import java.util.Arrays;
import java.util.Locale;

/**
 * Render cost of the engine against {@link NaiveWaveRenderer}: 64-frame blocks at 48 kHz on 32 channels,
 * N sustained Wave voices, resting sources and sources swept by MPE bend. Figures only; nothing asserts.
 *
 * <pre>EngineBench [--quick] [--voices 16,64,256] [--seconds S]</pre>
 */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "Engine render cost against voice count, and against a naive design.")
public final class EngineBench implements Callable<Integer> {
    private static final int BLOCK = 64;
    private static final float RATE = 48000f;
    private static final double BLOCK_MICROS = BLOCK * 1e6 / RATE;
    private static final int POOL = 1024;
    private static final float SWEEP_HZ = 0.5f;


    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "fewer sizes (16, 256, 1024 voices) and 0.3 s each")
    boolean quick;

    @Option(names = "--voices", paramLabel = "N,N,...", split = ",", description = "voice counts, 1-" + POOL
            + " (default 16,64,256,512,1024)")
    int[] voices;

    @Option(names = "--seconds", paramLabel = "S", description = "measuring time per row (default 1)")
    Double seconds;

    @Override
    public Integer call() {
        int[] counts = voices != null ? voices : quick ? new int[] {16, 256, 1024} : new int[] {16, 64, 256, 512, 1024};
        double seconds = this.seconds != null ? this.seconds : quick ? 0.3 : 1.0;
        for (int n : counts) {
            if (n < 1 || n > POOL) {
                throw new ParameterException(spec.commandLine(), "voice counts must be within [1, " + POOL + "]");
            }
        }
        if (!(seconds > 0)) {
            throw new ParameterException(spec.commandLine(), "--seconds must be more than 0");
        }
        run(spec.commandLine().getOut(), counts, seconds);
        return 0;
    }

    private static void run(PrintWriter out, int[] counts, double seconds) {
        Layout layout = Layout.defaultLayout();
        float speed = Param.WAVE_SPEED.defaultValue();
        EngineSettings settings = EngineSettings.defaults().withSampleRate(RATE).withWaveVoices(POOL);
        long naiveBytesPerVoice = NaiveWaveRenderer.lineBytesPerVoice(layout, RATE, speed);
        out.printf(Locale.ROOT, "Engine bench: %d-frame blocks at %.0f Hz, %d channels, Wave voices,"
                + " wave speed %.0f m/s (min %.2f m/s), layout %s%n", BLOCK, RATE, Layout.TRANSDUCERS, speed,
                settings.minWaveSpeed(layout), layout.name());
        out.printf(Locale.ROOT, "Engine: one %d-sample delay line per voice (%d KiB); naive: %d lines per voice"
                        + " (%d KiB, sized for %.0f m/s only). Budget per block %.1f µs; JVM %s, %d CPUs.%n",
                settings.delayCapacity, settings.delayCapacity * 4 / 1024, Layout.TRANSDUCERS,
                naiveBytesPerVoice / 1024, speed, BLOCK_MICROS, System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors());
        double[] agreement = agreement(layout, settings);
        out.printf(Locale.ROOT, "Agreement on a resting source over 0.5 s: max |engine - naive| = %.2e"
                + " (signal peak %.3f)%n", agreement[0], agreement[1]);

        long started = System.nanoTime();
        // One pass at a moderate size so the first measured row is not paying for compilation.
        measure(new EngineLoad(layout, settings, 64, true), seconds, seconds);
        measure(new NaiveLoad(layout, 64, true), seconds, seconds);

        out.println();
        out.println("sources  voices | engine µs/block  µs/voice  load/voice  fit@50% | naive µs/block  µs/voice"
                + "  fit@50% | engine/naive");
        out.println("----------------+--------------------------------------------------+----------------------"
                + "-----------+-------------");
        for (boolean moving : new boolean[] {false, true}) {
            for (int n : counts) {
                double engineNs = measure(new EngineLoad(layout, settings, n, moving), seconds * 0.3, seconds);
                double engineFit = fit(n, engineNs);
                String row = String.format(Locale.ROOT, "%-8s %6d | %15.1f %9.3f %10.4f%% %8.0f | ",
                        moving ? "moving" : "resting", n, engineNs / 1e3, engineNs / 1e3 / n,
                        100.0 * engineNs / 1e3 / n / BLOCK_MICROS, engineFit);
                long naiveBytes = n * naiveBytesPerVoice;
                if (naiveBytes > 0.7 * freeHeap()) {
                    // 32 lines per voice is the naive design's memory cost; say so rather than die.
                    out.printf(Locale.ROOT, "%s  (naive needs %d MiB of delay lines; heap too small)%n", row,
                            naiveBytes >> 20);
                    continue;
                }
                double naiveNs = measure(new NaiveLoad(layout, n, moving), seconds * 0.3, seconds);
                double naiveFit = fit(n, naiveNs);
                out.printf(Locale.ROOT, "%s%14.1f %9.3f %8.0f | %11.1fx%n", row, naiveNs / 1e3, naiveNs / 1e3 / n,
                        naiveFit, engineFit / naiveFit);
            }
        }
        out.printf(Locale.ROOT, "%nµs/block: median wall time of one 64-frame render of N voices."
                + " load/voice: share of one core per voice in real time.%nfit@50%%: N × (0.5 × %.1f µs) /"
                + " (µs per block), voices that fit in half of one core. Total %.1f s.%n",
                BLOCK_MICROS, (System.nanoTime() - started) / 1e9);
    }

    /** Heap left for the next renderer once the previous one's garbage is gone. */
    private static long freeHeap() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    private static double fit(int voices, double nsPerBlock) {
        return voices * (0.5 * BLOCK_MICROS * 1e3) / nsPerBlock;
    }

    private static NaiveWaveRenderer naive(Layout layout, int voices) {
        return new NaiveWaveRenderer(layout, RATE, voices, Param.WAVE_SPEED.defaultValue(),
                Param.DECAY_KNEE.defaultValue(), Param.DECAY_EXPONENT.defaultValue(), Param.ATTACK.defaultValue());
    }

    /** Deterministic spread of sources over the table. */
    private static float spread(int v, int salt) {
        int h = (v + 1) * 0x9E3779B1 + salt * 0x85EBCA77;
        h ^= h >>> 15;
        return (h & 0xFFFF) / 65535f;
    }

    private static float bendAt(int v, long block) {
        double t = block * BLOCK / (double) RATE;
        return (float) (0.9 * Math.sin(2.0 * Math.PI * SWEEP_HZ * t + 6.283 * spread(v, 3)));
    }

    private static int note(int v) {
        return 45 + v % 12;
    }

    /** @return {largest difference, largest engine sample} */
    private static double[] agreement(Layout layout, EngineSettings settings) {
        Engine engine = new Engine(layout, settings.withWaveVoices(1));
        NaiveWaveRenderer naive = naive(layout, 1);
        engine.noteOn(0, 0, 50, 0.8f, 0.5f, -0.3f, 0.6f);
        naive.noteOn(0, 50, 0.8f, 0.5f, -0.3f, 0.6f);
        float[][] a = new float[Layout.TRANSDUCERS][BLOCK];
        float[][] b = new float[Layout.TRANSDUCERS][BLOCK];
        double worst = 0;
        double peak = 0;
        for (int block = 0; block < (int) (0.5 * RATE / BLOCK); block++) {
            engine.render(a, 0, BLOCK);
            naive.render(b, BLOCK);
            for (int i = 0; i < Layout.TRANSDUCERS; i++) {
                for (int j = 0; j < BLOCK; j++) {
                    worst = Math.max(worst, Math.abs(a[i][j] - b[i][j]));
                    peak = Math.max(peak, Math.abs(a[i][j]));
                }
            }
        }
        return new double[] {worst, peak};
    }

    /** Median ns per block over {@code seconds} of rendering, after {@code warmSeconds} unmeasured. */
    private static double measure(Load load, double warmSeconds, double seconds) {
        long warmEnd = System.nanoTime() + (long) (warmSeconds * 1e9);
        long block = 0;
        while (System.nanoTime() < warmEnd || block < 20) {
            load.block(block++);
        }
        long[] times = new long[1 << 16];
        int count = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while ((System.nanoTime() < end || count < 20) && count < times.length) {
            long t0 = System.nanoTime();
            load.block(block++);
            times[count++] = System.nanoTime() - t0;
        }
        Arrays.sort(times, 0, count);
        return times[count / 2];
    }

    private interface Load {
        void block(long index);
    }

    private static final class EngineLoad implements Load {
        private final Engine engine;
        private final int voices;
        private final boolean moving;
        private final float[][] out = new float[Layout.TRANSDUCERS][BLOCK];

        EngineLoad(Layout layout, EngineSettings settings, int voices, boolean moving) {
            this.engine = new Engine(layout, settings);
            this.voices = voices;
            this.moving = moving;
            for (int v = 0; v < voices; v++) {
                float bend = moving ? bendAt(v, 0) : spread(v, 1) * 2f - 1f;
                engine.noteOn(v / 16, v % 16, note(v), 0.7f, 0.5f, bend, spread(v, 2));
            }
        }

        @Override
        public void block(long index) {
            if (moving) {
                for (int v = 0; v < voices; v++) {
                    engine.expression(v / 16, v % 16, 0.5f, bendAt(v, index), spread(v, 2));
                }
            }
            engine.render(out, 0, BLOCK);
        }
    }

    private static final class NaiveLoad implements Load {
        private final NaiveWaveRenderer naive;
        private final int voices;
        private final boolean moving;
        private final float[][] out = new float[Layout.TRANSDUCERS][BLOCK];

        NaiveLoad(Layout layout, int voices, boolean moving) {
            this.naive = naive(layout, voices);
            this.voices = voices;
            this.moving = moving;
            for (int v = 0; v < voices; v++) {
                float bend = moving ? bendAt(v, 0) : spread(v, 1) * 2f - 1f;
                naive.noteOn(v, note(v), 0.7f, 0.5f, bend, spread(v, 2));
            }
        }

        @Override
        public void block(long index) {
            if (moving) {
                for (int v = 0; v < voices; v++) {
                    naive.setPosition(v, bendAt(v, index), spread(v, 2));
                }
            }
            naive.render(out, BLOCK);
        }
    }
}
