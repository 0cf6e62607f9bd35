package haptic.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import haptic.protocol.Param;
import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/** Levels, the stimulus fields, parameter ranges, and the output stage's guarantees. */
class OutputAndParameterTest {
    private static final float RATE = 48000f;
    private final Layout layout = Layout.defaultLayout();

    private Engine engine() {
        return new Engine(layout, EngineSettings.defaults().withWaveVoices(8).withFieldVoices(8).withInstances(4));
    }

    private void levelsFall(int type) {
        Engine e = engine();
        e.setParameter(0, Param.STIMULUS_TYPE, type);
        float knee = 0.2f;
        float exponent = 2f;
        e.setParameter(0, Param.DECAY_KNEE, knee);
        e.setParameter(0, Param.DECAY_EXPONENT, exponent);
        e.noteOn(0, 0, 57, 1f, 0.6f, -0.6f, 0.2f);
        float[][] out = Renders.render(e, 8000);
        double sx = Renders.sourceX(layout, -0.6);
        double sy = Renders.sourceY(layout, 0.2);
        Integer[] order = new Integer[Layout.TRANSDUCERS];
        double[] d = new double[Layout.TRANSDUCERS];
        double[] level = new double[Layout.TRANSDUCERS];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            d[i] = Math.hypot(layout.x(i) - sx, layout.y(i) - sy);
            level[i] = Renders.rms(out[i], 3000, 8000);
            double expected = 0.8 * Attenuation.exact(d[i], knee, exponent) / Math.sqrt(2);
            assertEquals(expected, level[i], expected * 0.01, "type " + type + " level at T" + i);
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> d[i]));
        for (int k = 1; k < order.length; k++) {
            assertTrue(level[order[k]] <= level[order[k - 1]] * 1.001, "farther is not louder");
        }
        assertTrue(level[order[0]] > 3 * level[order[31]], "and clearly quieter at the far end");
    }

    @Test
    void levelsFallWithDistanceForWaves() {
        levelsFall(Param.STIMULUS_WAVE);
    }

    @Test
    void levelsFallWithDistanceForTravellingFields() {
        levelsFall(Param.STIMULUS_TRAVELLING);
    }

    private void fieldMatchesFormula(int type) {
        Engine e = engine();
        float speed = 7f;
        e.setParameter(1, Param.STIMULUS_TYPE, type);
        e.setParameter(1, Param.WAVE_SPEED, speed);
        e.noteOn(1, 4, 52, 0.9f, 0.2f, 0.3f, 0.7f);
        float[][] out = Renders.render(e, 6000);
        double sx = Renders.sourceX(layout, 0.3);
        double sy = Renders.sourceY(layout, 0.7);
        double f = Renders.frequency(52);
        double omega = 2 * Math.PI * f / RATE;
        double amp = 0.9 * (0.5 + 0.5 * 0.2);
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            double d = Math.hypot(layout.x(i) - sx, layout.y(i) - sy);
            double g = amp * Attenuation.exact(d, Param.DECAY_KNEE.defaultValue(), Param.DECAY_EXPONENT.defaultValue());
            double phi = 2 * Math.PI * f * d / speed;
            SineFit fit = new SineFit(out[i], 1000, 6000, omega);
            // sin(ωt − φ) = cos φ·sin ωt − sin φ·cos ωt; the standing field keeps only the first term.
            double expectedSin = g * Math.cos(phi);
            double expectedCos = type == Param.STIMULUS_TRAVELLING ? -g * Math.sin(phi) : 0.0;
            assertEquals(expectedSin, fit.a, g * 2e-3 + 1e-6, "type " + type + " sin part at T" + i);
            assertEquals(expectedCos, fit.b, g * 2e-3 + 1e-6, "type " + type + " cos part at T" + i);
        }
    }

    @Test
    void standingFieldIsInPhaseWithNodesByDistance() {
        fieldMatchesFormula(Param.STIMULUS_STANDING);
    }

    @Test
    void travellingFieldLagsByDistanceOverSpeed() {
        fieldMatchesFormula(Param.STIMULUS_TRAVELLING);
    }

    @Test
    void fieldVoiceFreesWhenItsEnvelopeEnds() {
        Engine e = engine();
        e.setParameter(0, Param.STIMULUS_TYPE, Param.STIMULUS_STANDING);
        e.setParameter(0, Param.RELEASE, 0.01f);
        e.noteOn(0, 0, 60, 1f, 1f, 0f, 0f);
        Renders.render(e, 1000);
        e.noteOff(0, 0, 60);
        Renders.render(e, 480 + Engine.CHUNK);
        assertEquals(0, e.activeVoices());
    }

    @Test
    void parametersAreClampedToTheirRanges() {
        Engine e = engine();
        e.setParameter(0, Param.WAVE_SPEED, 1000f);
        e.noteOn(0, 0, 60, 1f, 1f, 0f, 0f);
        assertEquals(Param.WAVE_SPEED.max(), e.voice(0, 0, 60).waveSpeed);

        e.setParameter(0, Param.STIMULUS_TYPE, 1.6f);
        e.noteOn(0, 0, 61, 1f, 1f, 0f, 0f);
        Voice v = e.voice(0, 0, 61);
        assertTrue(v instanceof FieldVoice && ((FieldVoice) v).taps.travelling(), "1.6 rounds to travelling");
        e.setParameter(0, Param.STIMULUS_TYPE, -3f);
        e.noteOn(0, 0, 62, 1f, 1f, 0f, 0f);
        assertTrue(e.voice(0, 0, 62) instanceof WaveVoice);

        e.setParameter(0, Param.WAVE_SPEED, Float.NaN);
        e.noteOn(0, 0, 63, 1f, 1f, 0f, 0f);
        assertEquals(Param.WAVE_SPEED.max(), e.voice(0, 0, 63).waveSpeed, "NaN is ignored");
        e.setParameter(0, Param.WAVE_SPEED, -5f);
        e.noteOn(0, 0, 64, 1f, 1f, 0f, 0f);
        assertEquals(e.minWaveSpeed(), e.voice(0, 0, 64).waveSpeed, "up to the range, then to the line's minimum");

        e.noteOn(0, 99, 300, 5f, -1f, 3f, -2f);
        assertNotNull(e.voice(0, 15, 127), "channel and note clamped");
        e.noteOn(7, 0, 60, 1f, 1f, 0f, 0f);
        e.noteOn(-1, 0, 60, 1f, 1f, 0f, 0f);
        assertEquals(6, e.activeVoices(), "unknown instances are ignored");
        e.setParameter(99, Param.GAIN, 1f);
        e.releaseInstance(99);
        e.resetInstance(-4);
        e.expression(12, 0, 1f, 1f, 1f);
        e.noteOff(12, 0, 60);
    }

    @Test
    void velocityBendAndTimbreAreClamped() {
        Engine e = engine();
        e.setParameter(0, Param.STIMULUS_TYPE, Param.STIMULUS_TRAVELLING);
        e.noteOn(0, 0, 60, 5f, 2f, 3f, -2f);
        float[] xy = new float[8];
        assertEquals(1, e.voiceSources(xy, 4));
        assertEquals(layout.maxX(), xy[0]);
        assertEquals(layout.minY(), xy[1]);
        float[][] loud = Renders.render(e, 4800);
        Engine ref = engine();
        ref.setParameter(0, Param.STIMULUS_TYPE, Param.STIMULUS_TRAVELLING);
        ref.noteOn(0, 0, 60, 1f, 1f, 1f, 0f);
        float[][] unit = Renders.render(ref, 4800);
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            assertEquals(Renders.rms(unit[i], 1000, 4800), Renders.rms(loud[i], 1000, 4800), 1e-6);
        }
        e.expression(0, 0, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY);
        Renders.render(e, 48000);
        e.voiceSources(xy, 4);
        assertEquals(layout.maxX(), xy[0], 1e-6f);
        assertEquals(layout.minY(), xy[1], 1e-6f);
    }

    @Test
    void instanceGainAndMasterGainScaleTheOutput() {
        Engine e = engine();
        e.setParameter(0, Param.STIMULUS_TYPE, Param.STIMULUS_STANDING);
        e.noteOn(0, 0, 60, 0.3f, 0f, -0.2f, 0.4f);
        float[][] a = Renders.render(e, 4800);
        e.setParameter(0, Param.MASTER_GAIN, 10f); // global, clamped to 2
        e.setParameter(0, Param.GAIN, 5f);         // clamped to 2
        Renders.render(e, 4800);
        float[][] b = Renders.render(e, 4800);
        double ra = Renders.rms(a[9], 2400, 4800);
        double rb = Renders.rms(b[9], 2400, 4800);
        assertEquals(4.0, rb / ra, 1e-3);
        e.setParameter(0, Param.GAIN, -1f);
        Renders.render(e, 4800);
        float[][] c = Renders.render(e, 4800);
        assertEquals(0f, Renders.peak(c, 0, 4800), "gain clamped to 0 silences the instance");
        assertEquals(0, e.clampCount());
    }

    @Test
    void gainChangesAreSmoothed() {
        Engine e = engine();
        e.setParameter(0, Param.STIMULUS_TYPE, Param.STIMULUS_STANDING);
        e.noteOn(0, 0, 40, 1f, 1f, -1f, 0f);
        float[][] out = Renders.buffer(9600);
        Renders.render(e, out, 0, 4800);
        e.setParameter(0, Param.GAIN, 0f);
        e.setMasterGain(2f);
        Renders.render(e, out, 4800, 9600);
        double omega = 2 * Math.PI * Renders.frequency(40) / RATE;
        float amp = Renders.peak(out, 4000, 4800);
        for (int t = 4000; t < 9600; t++) {
            assertTrue(Math.abs(out[0][t] - out[0][t - 1]) < 1.2 * amp * omega + 1e-4, "no step at " + t);
        }
        assertTrue(Renders.peak(out, 9000, 9600) < 1e-4f);
    }

    @Test
    void ceilingHoldsWithAbsurdGainsAndAThousandVoices() {
        float[] gains = new float[Layout.TRANSDUCERS];
        String[] names = new String[Layout.TRANSDUCERS];
        float[] x = new float[Layout.TRANSDUCERS];
        float[] y = new float[Layout.TRANSDUCERS];
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            names[i] = layout.name(i);
            x[i] = layout.x(i);
            y[i] = layout.y(i);
            gains[i] = Layout.MAX_GAIN;
        }
        Layout hot = new Layout("hot", names, x, y, gains);
        float ceiling = 0.25f;
        EngineSettings s = EngineSettings.defaults().withCeiling(ceiling).withInstances(4);
        Engine e = new Engine(hot, s);
        e.setMasterGain(100f);
        for (int inst = 0; inst < 4; inst++) {
            e.setParameter(inst, Param.GAIN, 50f);
            e.setParameter(inst, Param.DECAY_EXPONENT, 0f);
            e.setParameter(inst, Param.STIMULUS_TYPE, inst == 3 ? Param.STIMULUS_TRAVELLING : Param.STIMULUS_WAVE);
        }
        int notes = 0;
        for (int inst = 0; inst < 4; inst++) {
            for (int k = 0; k < 250; k++) {
                e.noteOn(inst, k % 16, 20 + k / 16, 1f, 1f, (k % 7) / 3f - 1f, (k % 5) / 4f);
                notes++;
            }
        }
        assertEquals(1000, notes);
        assertEquals((750 - s.waveVoices) + (250 - s.fieldVoices), e.stolenCount());
        float[][] out = Renders.buffer(24000);
        Renders.render(e, out, 0, out[0].length);
        for (float[] ch : out) {
            for (float v : ch) {
                assertTrue(Math.abs(v) <= ceiling, "beyond the ceiling: " + v);
            }
        }
        assertTrue(e.clampCount() > 1000, "the ceiling was doing the work");
        assertEquals(0, e.nonFiniteCount());
    }

    @Test
    void nanNeverReachesTheOutput() {
        Engine e = engine();
        float nan = Float.NaN;
        float inf = Float.POSITIVE_INFINITY;
        e.noteOn(0, 0, 60, nan, nan, nan, nan);
        e.noteOn(0, 1, 61, inf, -inf, inf, -inf);
        e.noteOn(0, 2, 62, 1f, 1f, 0f, 0f);
        e.expression(0, 2, nan, nan, inf);
        e.setParameter(1, Param.DECAY_KNEE, nan);
        e.setParameter(1, Param.DECAY_EXPONENT, inf);
        e.setParameter(1, Param.STIMULUS_TYPE, 1f);
        e.noteOn(1, 0, 60, 1f, nan, -inf, nan);
        e.setMasterGain(nan);
        e.testPulse(3, nan, nan);
        e.testPulse(4, inf, inf);
        float[][] out = Renders.render(e, 20000);
        for (float[] ch : out) {
            for (float v : ch) {
                assertTrue(Float.isFinite(v));
            }
        }
        assertEquals(0, e.nonFiniteCount(), "nothing inside produced a non-finite sample either");
        assertTrue(Renders.peak(out, 0, 20000) > 0.1f);
    }

    @Test
    void testPulseIsAShortBurstOnOneTransducer() {
        Engine e = engine();
        e.testPulse(5, 0.5f, 0.1f);
        e.testPulse(32, 1f, 1f);
        e.testPulse(-1, 1f, 1f);
        float[][] out = Renders.render(e, 9600);
        int length = 4800;
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            float p = 0;
            for (float v : out[i]) {
                p = Math.max(p, Math.abs(v));
            }
            if (i == 5) {
                assertTrue(p > 0.45f && p <= 0.5f, "peak " + p);
            } else {
                assertEquals(0f, p, "only T06 pulses");
            }
        }
        int crossings = 0;
        for (int t = 1; t < 9600; t++) {
            if (t >= length) {
                assertEquals(0f, out[5][t], "over after 0.1 s");
            } else if ((out[5][t - 1] < 0) != (out[5][t] < 0)) {
                crossings++;
            }
        }
        assertEquals(2 * 80 * 0.1, crossings, 2, "80 Hz");
        // A smooth window: it starts and ends near zero.
        assertTrue(Math.abs(out[5][10]) < 1e-3f && Math.abs(out[5][length - 10]) < 1e-3f);
        assertEquals(0, e.activeVoices(), "pulses are not voices");
    }

    @Test
    void voiceSourcesReportPositions() {
        Engine e = engine();
        e.noteOn(0, 0, 60, 1f, 1f, -1f, 0f);
        e.noteOn(0, 1, 60, 1f, 1f, 1f, 1f);
        e.setParameter(2, Param.STIMULUS_TYPE, Param.STIMULUS_STANDING);
        e.noteOn(2, 0, 60, 1f, 1f, 0f, 0.5f);
        float[] xy = new float[6];
        assertEquals(3, e.voiceSources(xy, 10), "bounded by the array");
        assertEquals(0f, xy[0]);
        assertEquals(0f, xy[1]);
        assertEquals(0.7f, xy[2], 1e-6f);
        assertEquals(0.3f, xy[3], 1e-6f);
        assertEquals(0.35f, xy[4], 1e-6f);
        assertEquals(0.15f, xy[5], 1e-6f);
        assertEquals(2, e.voiceSources(new float[100], 2), "bounded by max");
        e.setParameter(0, Param.RELEASE, 0.005f);
        e.noteOff(0, 0, 60);
        Renders.render(e, 4800);
        assertEquals(2, e.voiceSources(xy, 10), "a finished voice is no longer a source");
        assertEquals(0.7f, xy[0], 1e-6f);
    }

    @Test
    void settingsDeriveTheDelayLineAndSlowestWave() {
        EngineSettings d = EngineSettings.defaults();
        assertEquals(16384, d.delayCapacity);
        assertEquals(32768, d.withSampleRate(96000f).delayCapacity);
        assertEquals(16384, d.withSampleRate(44100f).delayCapacity);
        assertEquals(d.minWaveSpeed(layout), d.withSampleRate(96000f).minWaveSpeed(layout), 0.01f,
                "twice the rate, twice the line: the same slowest wave");
        assertThrows(IllegalArgumentException.class, () -> d.withCeiling(1.5f));
        assertThrows(IllegalArgumentException.class, () -> d.withWaveVoices(0));
        assertThrows(IllegalArgumentException.class, () -> d.withDelayCapacity(10000));
        assertThrows(IllegalArgumentException.class, () -> d.withSampleRate(Float.NaN));
    }
}
