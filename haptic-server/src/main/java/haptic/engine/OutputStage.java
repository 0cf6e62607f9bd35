package haptic.engine;

/**
 * The last thing before the transducers: master gain (smoothed), then the absolute ceiling. Non-finite
 * samples become silence. Both events are counted, never hidden.
 */
final class OutputStage {
    private final float ceiling;
    private final OnePole smoothing;
    private float master;
    private float masterTarget;
    long clamped;
    long nonFinite;

    OutputStage(float ceiling, OnePole smoothing, float master) {
        this.ceiling = ceiling;
        this.smoothing = smoothing;
        this.master = master;
        this.masterTarget = master;
    }

    void setMaster(float g) {
        masterTarget = g;
    }

    void write(float[][] mix, float[][] out, int pos, int n) {
        float m0 = master;
        float m1 = (float) (masterTarget + (m0 - masterTarget) * smoothing.remaining(n));
        if (Math.abs(m1 - masterTarget) < 1e-6f) {
            m1 = masterTarget;
        }
        master = m1;
        float dm = (m1 - m0) / n;
        float limit = ceiling;
        for (int ch = 0; ch < Layout.TRANSDUCERS; ch++) {
            float[] src = mix[ch];
            float[] dst = out[ch];
            float m = m0;
            for (int j = 0; j < n; j++) {
                float v = src[j] * m;
                m += dm;
                if (!(Math.abs(v) <= limit)) {
                    if (Float.isNaN(v) || Float.isInfinite(v)) {
                        nonFinite++;
                        v = 0f;
                    } else {
                        clamped++;
                        v = v > 0f ? limit : -limit;
                    }
                }
                dst[pos + j] = v;
            }
        }
    }
}
