package haptic.engine;

/**
 * How a Wave voice's emission travels from a moving point source to the 32 transducers: one delay line of
 * the emitted mono signal, read by one fractional tap per transducer.
 *
 * <p>For transducer i at output time t the delay τ solves |x_src(t − τ) − x_i| = c·τ: what arrives now left
 * the source where it was then. It is solved per tap at chunk boundaries by fixed-point iteration (a
 * contraction while the source is slower than c/2), and each tap's read position moves linearly across the
 * chunk. Once the source has stood still for longer than the longest delay, every τ is constant and the taps
 * take a plain two-point interpolation loop with precomputed ring offsets: the hot path for resting sources.
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
    /** Change of delayRate per sample (τ''), from the last two solutions: sharpens the warm start. */
    private final double[] delayCurve = new double[Layout.TRANSDUCERS];
    private final float[] tapGain = new float[Layout.TRANSDUCERS];
    private final float[] nextTapGain = new float[Layout.TRANSDUCERS];

    /** Whole part of −delay for each tap: the tap reads ring position (t − base + lag) & mask ... */
    private final int[] lag = new int[Layout.TRANSDUCERS];
    /** ... interpolated towards the next sample by this fraction. */
    private final float[] lagFraction = new float[Layout.TRANSDUCERS];
    /** Tap indices by decreasing delay (see {@link #sortTaps}). */
    private final int[] order = new int[Layout.TRANSDUCERS];

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
    /** Length of the chunk the last delay solution covered. */
    private int solvedSpan = Engine.CHUNK;

    Propagation(Rig rig, int capacity, int maxDelaySamples) {
        this.rig = rig;
        this.line = new DelayLine(capacity);
        this.history = new PositionHistory(maxDelaySamples);
        this.maxDelay = maxDelaySamples;
        for (int q = 0; q < Layout.TRANSDUCERS; q++) {
            order[q] = q;
        }
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
            setDelay(i, d);
            nextDelay[i] = d;
            delayRate[i] = 0.0;
            delayCurve[i] = 0.0;
            tapGain[i] = tapGain(i, d, startScale);
        }
        sortTaps();
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
        // Ring position of t0, wrapped to int: only its value modulo the (power-of-two) capacity matters.
        int ring = (int) (t0 - base);
        if (!gainsChanged) {
            // Resting source, steady level: nothing but the interpolation loops.
            for (int q = 0; q < Layout.TRANSDUCERS; q++) {
                int i = order[q];
                float g = tapGain[i];
                if (g != 0f) {
                    steady(mix[i], buf, (ring + lag[i]) & mask, lagFraction[i], g, n);
                }
            }
            return;
        }
        // Slopes per sample: multiplying by 1/n keeps a division per tap off this loop.
        double perSample = 1.0 / n;
        float perSampleF = (float) perSample;
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            float g0 = tapGain[i];
            float g1 = nextTapGain[i];
            double d0 = delay[i];
            double d1 = nextDelay[i];
            if (g0 != 0f || g1 != 0f) {
                int k = (ring + lag[i]) & mask;
                float frac = lagFraction[i];
                float[] o = mix[i];
                if (d1 == d0) {
                    if (g1 == g0) {
                        steady(o, buf, k, frac, g0, n);
                    } else {
                        ramped(o, buf, k, frac, g0, (g1 - g0) * perSampleF, n);
                    }
                } else {
                    moving(o, buf, k, frac, (float) ((d0 - d1) * perSample), g0, (g1 - g0) * perSampleF, n);
                }
            }
            tapGain[i] = g1;
        }
        if (delaysChanged) {
            for (int i = 0; i < Layout.TRANSDUCERS; i++) {
                setDelay(i, nextDelay[i]);
            }
            if (delaysFixed) {
                // The source has come to rest: from now on only the steady loop runs, in this order.
                sortTaps();
            }
        }
    }

    /**
     * Orders the taps by decreasing delay, i.e. by increasing address in the delay line. Read in that order,
     * the 32 windows form one ascending sweep that the hardware prefetcher follows from tap to tap; with
     * hundreds of voices every window comes from beyond L2, and this measured about 5 % off a resting voice
     * at 512 to 1024 voices. Only the resting path uses the order: re-sorting a moving source's taps every
     * chunk cost more than it saved.
     */
    private void sortTaps() {
        for (int q = 1; q < Layout.TRANSDUCERS; q++) {
            int i = order[q];
            double d = delay[i];
            int p = q - 1;
            while (p >= 0 && delay[order[p]] < d) {
                order[p + 1] = order[p];
                p--;
            }
            order[p + 1] = i;
        }
    }

    /** Delay of tap i from now on, with its split into whole ring offset and interpolation fraction. */
    private void setDelay(int i, double d) {
        delay[i] = d;
        double back = Math.floor(-d);
        lag[i] = (int) back;
        lagFraction[i] = (float) (-d - back);
    }

    private float tapGain(int i, double delaySamples, float s) {
        return rig.gain[i] * attenuation.at((float) (delaySamples * metresPerSample)) * s;
    }

    /**
     * nextDelay[i] ← τ at the end of the chunk. Warm-started from the last two solutions by a quadratic
     * extrapolation, τ + n·τ' + n²/2·τ'', so that the first evaluation usually lands within tolerance: a
     * linear warm start (slope only) left about half the taps needing a second look-up and square root.
     *
     * <p>Clamps are written as comparisons, not Math.min/max: for doubles those compile to a NaN-exact blend
     * sequence that sits on every iteration's dependency chain (no NaN can arise here).
     */
    private void solveDelays(int n) {
        PositionHistory h = history;
        double longest = maxDelay;
        double perMetre = samplesPerMetre;
        int m = solvedSpan;
        // τ' at the start of this chunk is the last chunk's mean slope carried forward by half that chunk.
        double ahead = n * (m + n) * 0.5;
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            double previous = delay[i];
            double rate = delayRate[i];
            double curve = delayCurve[i];
            double tau = previous + rate * n + curve * ahead;
            tau = tau > longest ? longest : tau < 0.0 ? 0.0 : tau;
            float px = rig.tx[i];
            float py = rig.ty[i];
            for (int it = 0; it < MAX_ITERATIONS; it++) {
                h.lookBack(tau);
                double dx = h.qx - px;
                double dy = h.qy - py;
                double next = Math.sqrt(dx * dx + dy * dy) * perMetre;
                next = next > longest ? longest : next;
                double err = next - tau;
                tau = next;
                if (err < TOLERANCE && err > -TOLERANCE) {
                    break;
                }
            }
            // The read head must keep moving forward and stay within the guard region: a source slower than
            // c/2 changes τ by at most a third of a sample per sample, so these limits only catch the absurd.
            double low = previous - 1.5 * n;
            double high = previous + 0.75 * n;
            tau = tau > high ? high : tau < low ? low : tau;
            nextDelay[i] = tau;
            double newRate = (tau - previous) / n;
            delayRate[i] = newRate;
            // Mean slopes of consecutive chunks are (m + n) / 2 samples apart.
            delayCurve[i] = (newRate - rate) / ((m + n) * 0.5);
        }
        solvedSpan = n;
    }

    /*
     * The three loops below are scalar on purpose. C2's SuperWord (JDK 17) vectorises none of them: a loop
     * reading the delay line at b[k + j] and writing o[j] has two different loop-invariant offsets, which
     * SuperWord cannot tell apart from an overlap of the same array, and the interpolation's b[k + j] and
     * b[k + j + 1] are misaligned against each other, which it refuses for accesses of one type. Copying the
     * window into aligned scratch arrays first does vectorise, but the two copies cost as much as they save
     * (measured). What does pay is keeping every sample independent of the previous one and using
     * Math.fma: C2 never fuses a * b + c by itself (Java rounds twice), and the fused form is one
     * instruction and slightly more accurate. The loops are then bound by the multiply-add units (two per
     * sample for a resting tap, four for a moving one), not by latency (figures: docs/learnings.md,
     * `bench engine`).
     */

    /** Constant delay and gain: the hot path for resting sources. */
    private static void steady(float[] o, float[] b, int k, float frac, float g, int n) {
        float ga = g * (1f - frac);
        float gb = g * frac;
        for (int j = 0; j < n; j++) {
            o[j] = Math.fma(ga, b[k + j], Math.fma(gb, b[k + j + 1], o[j]));
        }
    }

    /**
     * RAMP[j] = j. The ramps below compute gains and fractions as base + RAMP[j] × slope: stepping them by
     * repeated addition makes each sample wait for the previous one (a float-add latency per sample, about
     * as much as the rest of the loop), and converting j to float costs more than this L1-resident load.
     */
    private static final float[] RAMP = new float[Engine.CHUNK + 1];

    static {
        for (int j = 0; j < RAMP.length; j++) {
            RAMP[j] = j;
        }
    }

    /** Constant delay, gain ramping by {@code dg} per sample. */
    private static void ramped(float[] o, float[] b, int k, float frac, float g0, float dg, int n) {
        float[] r = RAMP;
        for (int j = 0; j < n; j++) {
            float s0 = b[k + j];
            o[j] = Math.fma(Math.fma(r[j], dg, g0), Math.fma(frac, b[k + j + 1] - s0, s0), o[j]);
        }
    }

    /** Below this drift per sample the read position is taken to move in lockstep with the output. */
    private static final float NO_DRIFT = 1e-9f;

    /**
     * Read position at output sample j is k + frac + j + j × drift, where drift = −dτ/dt (the Doppler factor
     * less one). The chunk is split into runs over which the whole part of frac + j × drift stays the same,
     * so that within a run the read index advances exactly one per sample and the interpolation fraction is
     * an affine function of j: the inner loop has no float-to-int conversion and no data-dependent index
     * (several times faster than indexing each sample). Runs are long: at a Doppler factor of 1.02 a
     * 64-sample chunk has two. Each run's end is found from its own whole part (one multiply by 1/|drift|),
     * not from the previous run's end, so the runs do not form a chain of divisions and roundings.
     *
     * <p>Rounding may let a run keep one sample whose fraction is a hair outside [0, 1]: that sample then
     * interpolates (extrapolates by less than 1e-6) between the same two samples the next run would use.
     */
    private static void moving(float[] o, float[] b, int k, float frac, float drift, float g0, float dg, int n) {
        float[] r = RAMP;
        boolean drifting = Math.abs(drift) > NO_DRIFT;
        float perWhole = drifting ? 1f / Math.abs(drift) : 0f;
        int direction = drift > 0f ? 1 : -1;
        int whole = 0;
        int j = 0;
        while (j < n) {
            int end = n;
            if (drifting) {
                // Samples from j = 0 until frac + j × drift leaves [whole, whole + 1).
                float last = (drift > 0f ? whole + 1 - frac : frac - whole) * perWhole;
                if (last < n) {
                    end = Math.min(n, (int) last + 1);
                }
            }
            int off = k + whole;
            float a0 = frac - whole;
            for (int jj = j; jj < end; jj++) {
                float s0 = b[off + jj];
                float u = r[jj];
                o[jj] = Math.fma(Math.fma(u, dg, g0), Math.fma(Math.fma(u, drift, a0), b[off + jj + 1] - s0, s0),
                        o[jj]);
            }
            j = Math.max(j, end);
            whole += direction;
        }
    }
}
