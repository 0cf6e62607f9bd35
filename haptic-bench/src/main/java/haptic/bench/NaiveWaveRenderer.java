package haptic.bench;

import haptic.engine.Layout;

/**
 * The straightforward design the engine is measured against: every Wave voice keeps one delay line per
 * transducer (32 lines), and every sample computes the source-to-transducer distance with a square root
 * and reads each line at that distance's delay (linear interpolation, like the engine). Same oscillator,
 * envelope, position smoothing and attenuation law as the engine, so only the propagation design differs.
 * Sustained notes only: this exists to be timed, not played.
 */
public final class NaiveWaveRenderer {
    private static final int N = Layout.TRANSDUCERS;
    // Evenly spaced in d and fine enough to be at least as accurate as the engine's √d-indexed table.
    private static final int ATTENUATION_STEPS = 4096;

    private final float sampleRate;
    private final float[] tx = new float[N];
    private final float[] ty = new float[N];
    private final float[] trGain = new float[N];
    private final float minX;
    private final float maxX;
    private final float minY;
    private final float maxY;
    private final float samplesPerMetre;
    private final float maxStep;
    private final float positionCoef;
    private final float attack;
    private final float[] attenuation = new float[ATTENUATION_STEPS + 2];
    private final float attenuationStepsPerMetre;
    private final int lineLength;
    private final int lineMask;

    private final boolean[] on;
    private final float[][][] lines;
    private final int[] head;
    private final double[] oscCos;
    private final double[] oscSin;
    private final double[] rotCos;
    private final double[] rotSin;
    private final double[] envelope;
    private final float[] amplitude;
    private final float[] x;
    private final float[] y;
    private final float[] targetX;
    private final float[] targetY;

    /**
     * @param waveSpeed m/s; the lines are sized for exactly the delays this speed needs on this layout
     */
    public NaiveWaveRenderer(Layout layout, float sampleRate, int voices, float waveSpeed, float knee,
                             float exponent, float attackSeconds) {
        this.sampleRate = sampleRate;
        for (int i = 0; i < N; i++) {
            tx[i] = layout.x(i);
            ty[i] = layout.y(i);
            trGain[i] = layout.gain(i);
        }
        minX = layout.minX();
        maxX = layout.maxX();
        minY = layout.minY();
        maxY = layout.maxY();
        samplesPerMetre = sampleRate / waveSpeed;
        maxStep = 0.45f * waveSpeed / sampleRate;
        positionCoef = (float) (1.0 - Math.exp(-1.0 / (0.020 * sampleRate)));
        attack = 1f / Math.max(1f, attackSeconds * sampleRate);
        float range = 1.5f * Math.max(layout.maxDistance(), 0.01f);
        attenuationStepsPerMetre = ATTENUATION_STEPS / range;
        for (int i = 0; i < attenuation.length; i++) {
            double d = i / (double) attenuationStepsPerMetre;
            attenuation[i] = (float) (1.0 / (1.0 + Math.pow(d / knee, exponent)));
        }
        lineLength = lineLength(layout, sampleRate, waveSpeed);
        lineMask = lineLength - 1;
        on = new boolean[voices];
        lines = new float[voices][N][lineLength];
        head = new int[voices];
        oscCos = new double[voices];
        oscSin = new double[voices];
        rotCos = new double[voices];
        rotSin = new double[voices];
        envelope = new double[voices];
        amplitude = new float[voices];
        x = new float[voices];
        y = new float[voices];
        targetX = new float[voices];
        targetY = new float[voices];
    }

    /** Bytes of delay line per voice: the memory cost of one line per transducer. */
    public static long lineBytesPerVoice(Layout layout, float sampleRate, float waveSpeed) {
        return (long) N * lineLength(layout, sampleRate, waveSpeed) * Float.BYTES;
    }

    /** Power of two holding the longest delay this speed needs on this layout. */
    private static int lineLength(Layout layout, float sampleRate, float waveSpeed) {
        int longest = (int) Math.ceil(Math.max(layout.maxDistance(), 0.01f) * sampleRate / waveSpeed) + 4;
        return Integer.highestOneBit(longest) << 1;
    }

    public void noteOn(int voice, int note, float velocity, float pressure, float bend, float timbre) {
        double f = Math.max(20.0, Math.min(200.0, 440.0 * Math.pow(2.0, (note - 69) / 12.0)));
        double w = 2.0 * Math.PI * f / sampleRate;
        on[voice] = true;
        rotCos[voice] = Math.cos(w);
        rotSin[voice] = Math.sin(w);
        oscCos[voice] = 1.0;
        oscSin[voice] = 0.0;
        envelope[voice] = 0.0;
        amplitude[voice] = velocity * (0.5f + 0.5f * pressure);
        x[voice] = sourceX(bend);
        y[voice] = sourceY(timbre);
        targetX[voice] = x[voice];
        targetY[voice] = y[voice];
        for (float[] line : lines[voice]) {
            java.util.Arrays.fill(line, 0f);
        }
    }

    public void setPosition(int voice, float bend, float timbre) {
        targetX[voice] = sourceX(bend);
        targetY[voice] = sourceY(timbre);
    }

    /** Adds nothing: writes frames [0, frames) of out[0..31]. */
    public void render(float[][] out, int frames) {
        for (int i = 0; i < N; i++) {
            java.util.Arrays.fill(out[i], 0, frames, 0f);
        }
        for (int v = 0; v < on.length; v++) {
            if (on[v]) {
                renderVoice(v, out, frames);
            }
        }
    }

    private void renderVoice(int v, float[][] out, int frames) {
        float[][] vl = lines[v];
        int h = head[v];
        double c = oscCos[v];
        double s = oscSin[v];
        double rc = rotCos[v];
        double rs = rotSin[v];
        double env = envelope[v];
        float amp = amplitude[v];
        float px = x[v];
        float py = y[v];
        float gx = targetX[v];
        float gy = targetY[v];
        for (int j = 0; j < frames; j++) {
            env = Math.min(1.0, env + attack);
            float e = (float) (env * amp * s);
            double nc = c * rc - s * rs;
            s = c * rs + s * rc;
            c = nc;
            float dx = (gx - px) * positionCoef;
            float dy = (gy - py) * positionCoef;
            float step = (float) Math.sqrt(dx * dx + dy * dy);
            if (step > maxStep) {
                dx *= maxStep / step;
                dy *= maxStep / step;
            }
            px += dx;
            py += dy;
            for (int i = 0; i < N; i++) {
                float[] line = vl[i];
                line[h] = e;
                float ex = px - tx[i];
                float ey = py - ty[i];
                float d = (float) Math.sqrt(ex * ex + ey * ey);
                float r = h - d * samplesPerMetre;
                float fl = (float) Math.floor(r);
                float a = r - fl;
                int k = ((int) fl) & lineMask;
                float s0 = line[k];
                float s1 = line[(k + 1) & lineMask];
                float u = d * attenuationStepsPerMetre;
                float g;
                if (u >= ATTENUATION_STEPS) {
                    g = attenuation[ATTENUATION_STEPS];
                } else {
                    int ui = (int) u;
                    g = attenuation[ui] + (u - ui) * (attenuation[ui + 1] - attenuation[ui]);
                }
                out[i][j] += trGain[i] * g * (s0 + a * (s1 - s0));
            }
            h = (h + 1) & lineMask;
        }
        double m = 1.5 - 0.5 * (c * c + s * s);
        oscCos[v] = c * m;
        oscSin[v] = s * m;
        envelope[v] = env;
        head[v] = h;
        x[v] = px;
        y[v] = py;
    }

    private float sourceX(float bend) {
        return minX + (bend + 1f) * 0.5f * (maxX - minX);
    }

    private float sourceY(float timbre) {
        return minY + timbre * (maxY - minY);
    }
}
