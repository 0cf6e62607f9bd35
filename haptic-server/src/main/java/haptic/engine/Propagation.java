package haptic.engine;

/**
 * How a Wave voice's emission travels from a moving point source to the 32 transducers: one delay line of
 * the emitted mono signal, read by one fractional tap per transducer.
 *
 * <p>For transducer i at output time t the delay τ solves |x_src(t − τ) − x_i| = c·τ: what arrives now left
 * the source where it was then. It is solved per tap at chunk boundaries by fixed-point iteration (a
 * contraction while the source is slower than c/2), and each tap's read position moves linearly across the
 * chunk. Once the source has stood still for longer than the longest delay, every τ is constant and the taps
 * take a plain two-point interpolation loop the JIT can vectorise.
 */
final class Propagation {
    private static final int MAX_ITERATIONS = 24;
    /** Convergence of the delay solution, in samples. */
    private static final double TOLERANCE = 1e-3;

    private final Rig rig;
    private final DelayLine line;
    private final PositionHistory history;
    private final double maxDelay;

    private final double[] delay = new double[Layout.TRANSDUCERS];
    private final double[] nextDelay = new double[Layout.TRANSDUCERS];
    private final double[] delayRate = new double[Layout.TRANSDUCERS];
    private final float[] tapGain = new float[Layout.TRANSDUCERS];
    private final float[] nextTapGain = new float[Layout.TRANSDUCERS];

    private Attenuation attenuation;
    private int attenuationVersion;
    private double samplesPerMetre;
    private double metresPerSample;
    /** Ring position r of engine time T is (T − base) & mask. */
    private long base;
    private float x;
    private float y;
    private long lastMove;
    /** Samples after the last movement from which every delay is constant. */
    private long stillAfter;
    private boolean delaysFixed;
    private float scale;
    private int tail;

    Propagation(Rig rig, int capacity, int maxDelaySamples) {
        this.rig = rig;
        this.line = new DelayLine(capacity);
        this.history = new PositionHistory(maxDelaySamples);
        this.maxDelay = maxDelaySamples;
    }

    /**
     * @param speed wave speed in m/s; at least the engine's minimum, so every delay fits in the line
     * @param startScale output scale (instance gain) at the start
     */
    void start(long now, float sx, float sy, float speed, Attenuation att, float startScale) {
        samplesPerMetre = rig.sampleRate / (double) speed;
        metresPerSample = speed / (double) rig.sampleRate;
        int longest = (int) Math.min(maxDelay, Math.ceil(rig.maxDistance * samplesPerMetre));
        // Linear interpolation reads one sample further back than the delay itself.
        line.ensureSilentHistory(longest + 2);
        tail = longest + 4;
        stillAfter = longest + 2L * PositionHistory.STEP + 2;
        base = now - line.head();
        history.reset(now, sx, sy);
        x = sx;
        y = sy;
        lastMove = now - stillAfter - 1;
        delaysFixed = true;
        attenuation = att;
        attenuationVersion = att.version();
        scale = startScale;
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            double dx = sx - rig.tx[i];
            double dy = sy - rig.ty[i];
            double d = Math.min(maxDelay, Math.sqrt(dx * dx + dy * dy) * samplesPerMetre);
            delay[i] = d;
            nextDelay[i] = d;
            delayRate[i] = 0.0;
            tapGain[i] = tapGain(i, d, startScale);
        }
    }

    /** Samples after the emission stops until its last energy has reached the farthest transducer. */
    int tailSamples() {
        return tail;
    }

    /** Current delay of one tap, in samples. */
    double delay(int transducer) {
        return delay[transducer];
    }

    /** The delay line itself, for tests that need to see what the taps could read. */
    DelayLine line() {
        return line;
    }

    void discard() {
        line.markDirty();
    }

    /**
     * Writes the chunk's emission, moves the source to (x1, y1) at the chunk's end, and adds every tap's
     * output to {@code mix}.
     *
     * @param emission the emitted signal for engine times [t0, t0 + n)
     * @param silent whether the emission chunk is all zeros
     * @param endScale output scale at t0 + n; the taps ramp to it from the previous chunk's
     */
    void render(float[][] mix, float[] emission, boolean silent, int n, long t0, float x1, float y1,
                float endScale) {
        line.write(emission, n, silent);
        long t1 = t0 + n;
        history.advance(t1, x1, y1);
        if (x1 != x || y1 != y) {
            x = x1;
            y = y1;
            lastMove = t1;
            delaysFixed = false;
        }
        boolean delaysChanged = false;
        if (!delaysFixed) {
            solveDelays(n);
            delaysFixed = t0 - lastMove > stillAfter;
            delaysChanged = true;
        }
        int version = attenuation.version();
        boolean gainsChanged = delaysChanged || endScale != scale || version != attenuationVersion;
        if (gainsChanged) {
            for (int i = 0; i < Layout.TRANSDUCERS; i++) {
                nextTapGain[i] = tapGain(i, nextDelay[i], endScale);
            }
            attenuationVersion = version;
            scale = endScale;
        }

        float[] buf = line.buf;
        int mask = line.mask;
        long ringT0 = t0 - base;
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            float g0 = tapGain[i];
            float g1 = gainsChanged ? nextTapGain[i] : g0;
            double d0 = delay[i];
            double d1 = nextDelay[i];
            if (g0 != 0f || g1 != 0f) {
                double r0 = ringT0 - d0;
                double floor = Math.floor(r0);
                int k = (int) (((long) floor) & mask);
                float frac = (float) (r0 - floor);
                float[] o = mix[i];
                if (d1 == d0) {
                    if (g1 == g0) {
                        steady(o, buf, k, frac, g0, n);
                    } else {
                        ramped(o, buf, k, frac, g0, (g1 - g0) / n, n);
                    }
                } else {
                    moving(o, buf, k, frac, (float) (1.0 - (d1 - d0) / n), g0, (g1 - g0) / n, n);
                }
            }
            delay[i] = d1;
            tapGain[i] = g1;
        }
    }

    private float tapGain(int i, double delaySamples, float s) {
        return rig.gain[i] * attenuation.at((float) (delaySamples * metresPerSample)) * s;
    }

    /** nextDelay[i] ← τ at the end of the chunk, warm-started by extrapolating the last chunk's slope. */
    private void solveDelays(int n) {
        PositionHistory h = history;
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            double previous = delay[i];
            double tau = previous + delayRate[i] * n;
            tau = Math.max(0.0, Math.min(maxDelay, tau));
            float px = rig.tx[i];
            float py = rig.ty[i];
            for (int it = 0; it < MAX_ITERATIONS; it++) {
                h.lookBack(tau);
                double dx = h.qx - px;
                double dy = h.qy - py;
                double next = Math.min(maxDelay, Math.sqrt(dx * dx + dy * dy) * samplesPerMetre);
                double err = next - tau;
                tau = next;
                if (Math.abs(err) < TOLERANCE) {
                    break;
                }
            }
            // The read head must keep moving forward and stay within the guard region: a source slower than
            // c/2 changes τ by at most a third of a sample per sample, so these limits only catch the absurd.
            tau = Math.max(previous - 1.5 * n, Math.min(previous + 0.75 * n, tau));
            nextDelay[i] = tau;
            delayRate[i] = (tau - previous) / n;
        }
    }

    /** Constant delay and gain: the hot path for resting sources. */
    private static void steady(float[] o, float[] b, int k, float frac, float g, int n) {
        float ga = g * (1f - frac);
        float gb = g * frac;
        for (int j = 0; j < n; j++) {
            o[j] += ga * b[k + j] + gb * b[k + j + 1];
        }
    }

    // The ramps below step by addition: an int-to-float conversion per sample costs more than the rest.
    private static void ramped(float[] o, float[] b, int k, float frac, float g0, float dg, int n) {
        float wa = 1f - frac;
        float g = g0;
        for (int j = 0; j < n; j++) {
            o[j] += g * (wa * b[k + j] + frac * b[k + j + 1]);
            g += dg;
        }
    }

    /**
     * Read position advancing by {@code step} per output sample (1 − dτ/dt, the Doppler factor). Split into
     * runs over which the integer part of the position advances exactly one per sample: within a run the
     * interpolation fraction just drifts linearly, so the inner loop has no float-to-int conversion and no
     * data-dependent index (several times faster than indexing each sample). Runs are long: at a Doppler
     * factor of 1.02 a 64-sample chunk has two.
     */
    private static void moving(float[] o, float[] b, int k, float frac, float step, float g0, float dg, int n) {
        float drift = step - 1f;
        int j = 0;
        while (j < n) {
            float p = frac + j * step;
            int whole = (int) p; // p >= 0
            float a = p - whole;
            int end = n;
            if (drift > 0f) {
                end = j + (int) Math.min(n - j, Math.max(1.0, Math.ceil((1f - a) / drift)));
            } else if (drift < 0f) {
                end = j + (int) Math.min(n - j, Math.floor(a / -drift) + 1.0);
            }
            int off = k + whole - j;
            float g = g0 + j * dg;
            for (int jj = j; jj < end; jj++) {
                float s0 = b[off + jj];
                o[jj] += g * (s0 + a * (b[off + jj + 1] - s0));
                a += drift;
                g += dg;
            }
            j = end;
        }
    }
}
