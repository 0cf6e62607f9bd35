package haptic.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import haptic.protocol.Param;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A source moving at constant velocity: what reaches transducer q at time t must have left the source at
 * t − τ from where the source was then, |p(t − τ) − q| = c·τ. Checked against the closed-form solution.
 */
class MovingSourceTest {
    private static final float RATE = 48000f;
    private static final float C = 20f;
    private static final double P0X = 0.02;
    private static final double P0Y = 0.02;
    private static final double VX = 6.0;  // m/s, 0.3 c
    private static final double VY = 1.5;
    private static final int CAPACITY = 16384;
    private static final int[] PIECES = {64, 17, 64, 1, 50, 64, 33};

    private final Layout layout = Layout.defaultLayout();
    private final Rig rig = new Rig(layout, RATE);
    private final Attenuation attenuation = new Attenuation(rig.maxDistance);

    MovingSourceTest() {
        attenuation.set(0.15f, 1.5f);
    }

    private static double px(double t) {
        return P0X + VX * t / RATE;
    }

    private static double py(double t) {
        return P0Y + VY * t / RATE;
    }

    /** Closed form: (c² − v²)τ² + 2(w·v)τ − |w|² = 0, w = p(t) − q; τ in seconds, returned in samples. */
    private static double exactDelay(double t, double qx, double qy) {
        double wx = px(t) - qx;
        double wy = py(t) - qy;
        double wv = wx * VX + wy * VY;
        double a = C * (double) C - (VX * VX + VY * VY);
        double w2 = wx * wx + wy * wy;
        return (-wv + Math.sqrt(wv * wv + a * w2)) / a * RATE;
    }

    private Propagation started() {
        Propagation p = new Propagation(rig, CAPACITY, CAPACITY - Engine.CHUNK - 4);
        // Poison everything the voice has not written: a tap reading ahead of the write head would show it.
        // As if a previous voice had left it full of sound: start() must clear what the taps can reach back to.
        Arrays.fill(p.line().buf, 1e6f);
        p.line().markDirty();
        p.start(0, (float) P0X, (float) P0Y, C, attenuation, 1f);
        return p;
    }

    @Test
    void delaysSolveTheEmissionTimeEquation() {
        Propagation p = started();
        float[] silence = new float[Engine.CHUNK];
        float[][] mix = new float[Layout.TRANSDUCERS][Engine.CHUNK];
        long t = 0;
        int checked = 0;
        double worst = 0;
        for (int k = 0; t < 5000; k++) {
            int n = PIECES[k % PIECES.length];
            p.render(mix, silence, true, n, t, (float) px(t + n), (float) py(t + n), 1f);
            t += n;
            for (int i = 0; i < Layout.TRANSDUCERS; i++) {
                double expected = exactDelay(t, layout.x(i), layout.y(i));
                if (t - expected > PositionHistory.STEP) { // emitted after the motion began
                    double err = Math.abs(p.delay(i) - expected);
                    worst = Math.max(worst, err);
                    checked++;
                }
            }
        }
        assertTrue(checked > 1000, "enough delays checked: " + checked);
        assertEquals(0, worst, 5e-3, "largest delay error in samples");
    }

    @Test
    void clickArrivesWhenTheEmissionTimeEquationSays() {
        Propagation p = started();
        int samples = 5000;
        int te = 2500;
        int half = 16;
        // A short Hann click centred on te: smooth enough that sampling does not blur its centroid or its sum.
        float[] click = new float[2 * half + 1];
        double clickSum = 0;
        for (int k = 0; k < click.length; k++) {
            click[k] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * (k + 1) / (click.length + 1)));
            clickSum += click[k];
        }
        float[][] heard = new float[Layout.TRANSDUCERS][samples];
        float[] emission = new float[Engine.CHUNK];
        float[][] mix = new float[Layout.TRANSDUCERS][Engine.CHUNK];
        long t = 0;
        for (int k = 0; t < samples; k++) {
            int n = (int) Math.min(PIECES[k % PIECES.length], samples - t);
            boolean silent = true;
            for (int j = 0; j < n; j++) {
                int c = (int) (t + j - (te - half));
                emission[j] = c >= 0 && c < click.length ? click[c] : 0f;
                silent &= emission[j] == 0f;
            }
            for (float[] m : mix) {
                Arrays.fill(m, 0f);
            }
            p.render(mix, emission, silent, n, t, (float) px(t + n), (float) py(t + n), 1f);
            for (int i = 0; i < Layout.TRANSDUCERS; i++) {
                System.arraycopy(mix[i], 0, heard[i], (int) t, n);
            }
            t += n;
        }
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            double d = Math.hypot(px(te) - layout.x(i), py(te) - layout.y(i));
            double arrival = te + d / C * RATE;
            int first = te - half;
            double earliest = first + Math.hypot(px(first) - layout.x(i), py(first) - layout.y(i)) / C * RATE;
            double sum = 0;
            double moment = 0;
            for (int s = 0; s < samples; s++) {
                float v = heard[i][s];
                assertTrue(Math.abs(v) <= 1f, "T" + i + " read unwritten samples at " + s + ": " + v);
                if (s < earliest - 1.5) {
                    assertEquals(0f, v, "T" + i + " heard the click before it could arrive, at " + s);
                }
                sum += v;
                moment += v * (double) s;
            }
            double centroid = moment / sum;
            assertEquals(arrival, centroid, 0.25, "arrival at T" + i);
            double gain = Attenuation.exact(d, 0.15, 1.5);
            assertEquals(gain, sum / clickSum / readSlowness(i, arrival), gain * 0.01,
                    "click level at T" + i + " is g(distance at emission)");
            // Sample by sample: the click read at the exact emission time t − τ(t), scaled by g(c·τ(t)).
            // The engine moves each read position linearly across a chunk, so where τ(t) bends (the source
            // passing close by) its reading time may be off by up to |τ''|·n²/8 samples; the tolerance allows
            // exactly that.
            double worst = 0;
            double peak = 0;
            double curvature = 0;
            for (int s = (int) earliest - 2; s < arrival + 3 * half; s++) {
                double tau = exactDelay(s, layout.x(i), layout.y(i));
                curvature = Math.max(curvature, Math.abs(exactDelay(s + 1, layout.x(i), layout.y(i)) - 2 * tau
                        + exactDelay(s - 1, layout.x(i), layout.y(i))));
                double r = s - tau - first;
                int k = (int) Math.floor(r);
                double a = r - k;
                double c0 = k >= 0 && k < click.length ? click[k] : 0;
                double c1 = k + 1 >= 0 && k + 1 < click.length ? click[k + 1] : 0;
                double expected = Attenuation.exact(tau / RATE * C, 0.15, 1.5) * (c0 + a * (c1 - c0));
                worst = Math.max(worst, Math.abs(heard[i][s] - expected));
                peak = Math.max(peak, Math.abs(expected));
            }
            double timing = curvature * Engine.CHUNK * Engine.CHUNK / 8 + 0.02;
            double steepest = Math.PI / (click.length + 1); // of a unit Hann click, per sample
            assertEquals(0, worst, peak * steepest * timing + 1e-4,
                    "T" + i + " waveform against the exact emission-time reading");
        }
    }

    /**
     * How many output samples one emitted sample spreads over: 1 / (1 − dτ/dt). Linear interpolation of an
     * impulse read at rate s sums to 1/s.
     */
    private double readSlowness(int i, double t) {
        double h = 4;
        double rate = (exactDelay(t + h, layout.x(i), layout.y(i)) - exactDelay(t - h, layout.x(i), layout.y(i)))
                / (2 * h);
        return 1.0 / (1.0 - rate);
    }

    @Test
    void sourceSpeedStaysBelowHalfTheWaveSpeed() {
        Engine e = new Engine(layout, EngineSettings.defaults().withWaveVoices(2));
        e.setParameter(0, Param.WAVE_SPEED, 1f); // clamped up to the minimum
        float c = e.minWaveSpeed();
        e.noteOn(0, 3, 40, 1f, 0.5f, -1f, 0f);
        float[][] out = Renders.buffer(Engine.CHUNK);
        e.render(out, 0, Engine.CHUNK);
        e.expression(0, 3, 0.5f, 1f, 1f); // jump to the opposite corner
        float[] xy = new float[2];
        e.voiceSources(xy, 1);
        double lastX = xy[0];
        double lastY = xy[1];
        double fastest = 0;
        int blocks = (int) (2 * RATE / Engine.CHUNK);
        for (int b = 0; b < blocks; b++) {
            e.render(out, 0, Engine.CHUNK);
            assertEquals(1, e.voiceSources(xy, 1));
            double v = Math.hypot(xy[0] - lastX, xy[1] - lastY) / (Engine.CHUNK / (double) RATE);
            fastest = Math.max(fastest, v);
            lastX = xy[0];
            lastY = xy[1];
        }
        assertTrue(fastest < 0.5 * c, "fastest " + fastest + " m/s for c = " + c);
        assertTrue(fastest > 0.4 * c, "the limit, not the smoothing, set the pace: " + fastest);
        assertEquals(layout.maxX(), lastX, 1e-5, "arrived");
        assertEquals(layout.maxY(), lastY, 1e-5, "arrived");
        assertEquals(0, e.nonFiniteCount());
    }

    @Test
    void sweepingSourceStaysSmoothAndNeverOvertakesTheWave() {
        Engine e = new Engine(layout, EngineSettings.defaults().withWaveVoices(2));
        e.setParameter(0, Param.ATTACK, 0.05f);
        e.noteOn(0, 0, 45, 1f, 1f, 0f, 0.5f);
        int samples = 48000;
        float[][] out = Renders.buffer(samples);
        int pos = 0;
        for (int k = 0; pos < samples; k++) {
            int n = Math.min(PIECES[k % PIECES.length], samples - pos);
            e.render(out, pos, pos + n);
            pos += n;
            double phase = 2 * Math.PI * 1.5 * pos / RATE;
            e.expression(0, 0, 1f, (float) Math.sin(phase), (float) (0.5 + 0.5 * Math.cos(phase)));
        }
        double omega = 2 * Math.PI * Renders.frequency(45) / RATE;
        float peak = Renders.peak(out, 0, samples);
        assertTrue(peak > 0.1f, "audible");
        // A sine at ω changes by at most A·ω per sample; Doppler up to 1.5× and changing gains add a little.
        // A discontinuity from a wrongly read delay line would be far larger.
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            for (int t = 1; t < samples; t++) {
                float step = Math.abs(out[i][t] - out[i][t - 1]);
                assertTrue(step < peak * omega * 2.0, "T" + i + " jumps by " + step + " at " + t);
            }
        }
        assertEquals(0, e.nonFiniteCount());
        assertEquals(0, e.clampCount());
    }
}
