package haptic.server.reliability;

import haptic.engine.Layout;
import haptic.protocol.Param;
import java.util.SplittableRandom;

/**
 * A seeded random performance: notes (including bursts past a thousand voices), MPE, every parameter at
 * and beyond its extremes, master gain, stimulus types, wave speeds, test pulses, panic and instance
 * lifecycle, interleaved with render spans of random length. The same seed always plays the same script,
 * so a failure names the seed that reproduces it.
 */
final class CeilingScript {
    /** Where the script plays: the engine itself, or the audio callback through its command link. */
    interface Stage {
        void noteOn(int instance, int channel, int note, float velocity, float pressure, float bend, float timbre);

        void noteOff(int instance, int channel, int note);

        void expression(int instance, int channel, float pressure, float bend, float timbre);

        void parameter(int instance, Param p, float value);

        void masterGain(float gain);

        void testPulse(int transducer, float amplitude, float seconds);

        void panic();

        void releaseInstance(int instance);

        void resetInstance(int instance);

        /** Renders this many frames and checks them. */
        void render(int frames);
    }

    static final int INSTANCES = 4;
    private static final Param[] PARAMS = Param.values();

    private final SplittableRandom random;

    CeilingScript(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A layout with every gain drawn up to {@link Layout#MAX_GAIN}, on a table of random size (possibly a point). */
    Layout layout() {
        double[] scales = {0.0, 0.02, 0.1, 0.5, 3.0};
        double scale = scales[random.nextInt(scales.length)];
        String[] names = new String[Layout.TRANSDUCERS];
        float[] x = new float[Layout.TRANSDUCERS];
        float[] y = new float[Layout.TRANSDUCERS];
        float[] gain = new float[Layout.TRANSDUCERS];
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            names[i] = "T" + (i + 1);
            x[i] = (float) (random.nextDouble() * scale);
            y[i] = (float) (random.nextDouble() * scale);
            gain[i] = random.nextInt(3) == 0 ? Layout.MAX_GAIN : (float) (random.nextDouble() * Layout.MAX_GAIN);
        }
        return new Layout("random-" + scale, names, x, y, gain);
    }

    /** Plays {@code steps} rounds of commands, each followed by a render span; ends with a long tail. */
    void play(Stage stage, int steps) {
        // Start loud: every instance at the top of its gain range, so the ceiling has work from the first note.
        for (int i = 0; i < INSTANCES; i++) {
            stage.parameter(i, Param.GAIN, Param.GAIN.max());
        }
        stage.masterGain(Param.MASTER_GAIN.max());
        for (int step = 0; step < steps; step++) {
            int commands = 1 + random.nextInt(12);
            for (int c = 0; c < commands; c++) {
                command(stage);
            }
            if (step == steps / 3 || random.nextInt(40) == 0) {
                burst(stage);
            }
            stage.render(1 + random.nextInt(400));
        }
        stage.render(24000);
    }

    /** A thousand NoteOns at once, spread over instances and channels: more than both voice pools hold. */
    private void burst(Stage stage) {
        for (int k = 0; k < 1000; k++) {
            stage.noteOn(k % INSTANCES, (k / INSTANCES) % 16, (k / 64) % 128, unit(), unit(), bend(), unit());
        }
    }

    private void command(Stage stage) {
        int instance = random.nextInt(INSTANCES);
        int channel = random.nextInt(16);
        int note = random.nextInt(128);
        switch (random.nextInt(20)) {
            case 0, 1, 2, 3, 4, 5 -> stage.noteOn(instance, channel, note, unit(), unit(), bend(), unit());
            case 6, 7 -> stage.noteOff(instance, channel, note);
            case 8, 9, 10 -> stage.expression(instance, channel, unit(), bend(), unit());
            case 11, 12, 13 -> {
                Param p = PARAMS[random.nextInt(PARAMS.length)];
                stage.parameter(instance, p, value(p));
            }
            case 14 -> stage.parameter(instance, Param.STIMULUS_TYPE, random.nextInt(3));
            case 15 -> stage.masterGain(value(Param.MASTER_GAIN));
            case 16 -> stage.testPulse(random.nextInt(Layout.TRANSDUCERS), unit(), (float) random.nextDouble(0, 0.5));
            case 17 -> {
                if (random.nextInt(8) == 0) {
                    stage.panic();
                } else {
                    stage.parameter(instance, Param.WAVE_SPEED, value(Param.WAVE_SPEED));
                }
            }
            case 18 -> stage.releaseInstance(instance);
            default -> stage.resetInstance(instance);
        }
    }

    /** Mostly the extremes of the range (that is where limits break), sometimes far outside it. */
    private float value(Param p) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> p.max();
            case 2 -> p.min();
            case 3 -> random.nextBoolean() ? 1e6f : -Float.MAX_VALUE;
            default -> (float) (p.min() + random.nextDouble() * (p.max() - p.min()));
        };
    }

    /** Usually 0..1; sometimes beyond it, as a sloppy client would send (receivers clamp). */
    private float unit() {
        int r = random.nextInt(10);
        if (r == 0) {
            return random.nextBoolean() ? 1f : 0f;
        }
        if (r == 1) {
            return (float) random.nextDouble(-100, 100);
        }
        return (float) random.nextDouble();
    }

    private float bend() {
        return random.nextInt(10) == 0 ? (float) random.nextDouble(-50, 50) : (float) random.nextDouble(-1, 1);
    }
}
