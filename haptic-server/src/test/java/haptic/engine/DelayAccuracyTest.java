package haptic.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import haptic.protocol.Param;
import org.junit.jupiter.api.Test;

/** A resting Wave source: every transducer must hear the emission exactly d/c later, attenuated by g(d). */
class DelayAccuracyTest {
    private static final float RATE = 48000f;
    private static final int NOTE = 50;
    private static final float BEND = -0.37f;
    private static final float TIMBRE = 0.41f;
    private static final float VELOCITY = 0.8f;
    private static final float PRESSURE = 0.3f;

    private static void check(float speed, float knee, float exponent) {
        Layout layout = Layout.defaultLayout();
        Engine e = new Engine(layout, EngineSettings.defaults().withWaveVoices(4));
        e.setParameter(0, Param.WAVE_SPEED, speed);
        e.setParameter(0, Param.ATTACK, 0.001f);
        e.setParameter(0, Param.DECAY_KNEE, knee);
        e.setParameter(0, Param.DECAY_EXPONENT, exponent);
        e.noteOn(0, 0, NOTE, VELOCITY, PRESSURE, BEND, TIMBRE);

        double sx = Renders.sourceX(layout, BEND);
        double sy = Renders.sourceY(layout, TIMBRE);
        double omega = 2 * Math.PI * Renders.frequency(NOTE) / RATE;
        double amplitude = VELOCITY * (0.5 + 0.5 * PRESSURE);
        double longest = 0;
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            longest = Math.max(longest, Math.hypot(layout.x(i) - sx, layout.y(i) - sy) / speed * RATE);
        }
        // Fit only the steady state: after the farthest arrival plus the 48-sample attack.
        int steady = (int) longest + 100;
        int samples = steady + 6000;
        float[][] out = Renders.render(e, samples);
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            double d = Math.hypot(layout.x(i) - sx, layout.y(i) - sy);
            double delay = d / speed * RATE;
            // The emission is A·env·sin(ω·n) from sample 0, so its first non-zero sample is n = 1 and linear
            // interpolation first sees it in the output sample after t = delay.
            int onset = Renders.firstNonZero(out[i]);
            assertTrue(Math.abs(onset - (delay + 1)) <= 1.0, "T" + i + " onset " + onset + " vs delay " + delay);
            for (int t = 0; t < Math.floor(delay); t++) {
                assertEquals(0f, out[i][t], "nothing arrives before the delay at T" + i);
            }
            SineFit fit = new SineFit(out[i], steady, samples, omega);
            double err = SineFit.delayError(fit.delay, delay, omega);
            assertEquals(0, err, 1e-3, "phase delay at T" + i + " (expected " + delay + " samples)");
            double expectedAmp = amplitude * Attenuation.exact(d, knee, exponent);
            assertEquals(expectedAmp, fit.amplitude, expectedAmp * 1e-3 + 1e-5, "amplitude at T" + i);
        }
        assertTrue(longest > 100, "the test must exercise long delays");
    }

    @Test
    void defaultSpeed() {
        check(20f, 0.15f, 1.5f);
    }

    @Test
    void slowWaveUsesMostOfTheDelayLine() {
        check(3f, 0.3f, 2f);
    }

    @Test
    void fastWaveWithSubSampleDelays() {
        check(200f, 0.05f, 4f);
    }

    @Test
    void speedsBelowTheMinimumAreClampedUp() {
        Layout layout = Layout.defaultLayout();
        EngineSettings s = EngineSettings.defaults();
        Engine e = new Engine(layout, s);
        double expectedMin = layout.maxDistance() * 48000.0 / (s.delayCapacity - Engine.CHUNK - 4);
        assertEquals(expectedMin, e.minWaveSpeed(), 1e-4);
        assertTrue(e.minWaveSpeed() > Param.WAVE_SPEED.min(), "the default layout needs clamping below this");
        e.setParameter(0, Param.WAVE_SPEED, Param.WAVE_SPEED.min());
        e.noteOn(0, 0, NOTE, 1f, 1f, -1f, 0f);
        assertEquals(e.minWaveSpeed(), e.voice(0, 0, NOTE).waveSpeed);
        // The far corner is maxDistance away: its delay must still fit the line.
        float[][] out = Renders.render(e, s.delayCapacity);
        int onset = Renders.firstNonZero(out[31]);
        double delay = layout.maxDistance() / e.minWaveSpeed() * 48000.0;
        assertTrue(onset > 0 && Math.abs(onset - (delay + 1)) <= 1.0, "onset " + onset + " vs " + delay);
    }
}
