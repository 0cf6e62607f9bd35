package haptic.engine;

/**
 * Standing (STIMULUS_TYPE 1) and travelling (2) wave fields: no propagation history, the whole table
 * vibrates at once with a phase set by each transducer's distance d from the source.
 * <pre>
 *   travelling: s_i = A·g(d)·sin(ωt − ωd/c) = A·g(d)·(cos φ · sin ωt − sin φ · cos ωt)
 *   standing:   s_i = A·g(d)·cos(ωd/c)·sin ωt
 * </pre>
 * so each tap is two coefficients on the voice's sine/cosine phasor, recomputed per chunk (only when the
 * source, gain or attenuation changed) and ramped across it.
 */
final class FieldTaps {
    private final Rig rig;
    private final float[] sinCoef = new float[Layout.TRANSDUCERS];
    private final float[] cosCoef = new float[Layout.TRANSDUCERS];
    private final float[] nextSinCoef = new float[Layout.TRANSDUCERS];
    private final float[] nextCosCoef = new float[Layout.TRANSDUCERS];
    private Attenuation attenuation;
    private int attenuationVersion;
    private boolean travelling;
    /** ω / c: phase lag per metre of distance. */
    private double radiansPerMetre;
    private float x;
    private float y;
    private float scale;

    FieldTaps(Rig rig) {
        this.rig = rig;
    }

    void start(float sx, float sy, boolean travellingField, double frequency, float speed, Attenuation att,
               float startScale) {
        travelling = travellingField;
        radiansPerMetre = 2.0 * Math.PI * frequency / speed;
        attenuation = att;
        attenuationVersion = att.version();
        x = sx;
        y = sy;
        scale = startScale;
        coefficients(sinCoef, cosCoef);
    }

    boolean travelling() {
        return travelling;
    }

    /**
     * @param sin  A(t)·sin ωt for the chunk
     * @param cos  A(t)·cos ωt for the chunk (travelling only)
     */
    void render(float[][] mix, float[] sin, float[] cos, int n, float x1, float y1, float endScale) {
        int version = attenuation.version();
        boolean changed = x1 != x || y1 != y || endScale != scale || version != attenuationVersion;
        if (changed) {
            x = x1;
            y = y1;
            scale = endScale;
            attenuationVersion = version;
            coefficients(nextSinCoef, nextCosCoef);
        }
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            float s0 = sinCoef[i];
            float c0 = cosCoef[i];
            float s1 = changed ? nextSinCoef[i] : s0;
            float c1 = changed ? nextCosCoef[i] : c0;
            float[] o = mix[i];
            if (!travelling) {
                if (s0 == s1) {
                    for (int j = 0; j < n; j++) {
                        o[j] += s0 * sin[j];
                    }
                } else {
                    float ds = (s1 - s0) / n;
                    float s = s0;
                    for (int j = 0; j < n; j++) {
                        o[j] += s * sin[j];
                        s += ds;
                    }
                }
            } else if (s0 == s1 && c0 == c1) {
                for (int j = 0; j < n; j++) {
                    o[j] += s0 * sin[j] + c0 * cos[j];
                }
            } else {
                float ds = (s1 - s0) / n;
                float dc = (c1 - c0) / n;
                float s = s0;
                float c = c0;
                for (int j = 0; j < n; j++) {
                    o[j] += s * sin[j] + c * cos[j];
                    s += ds;
                    c += dc;
                }
            }
            sinCoef[i] = s1;
            cosCoef[i] = c1;
        }
    }

    private void coefficients(float[] s, float[] c) {
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            double dx = x - rig.tx[i];
            double dy = y - rig.ty[i];
            double d = Math.sqrt(dx * dx + dy * dy);
            double g = rig.gain[i] * attenuation.at((float) d) * scale;
            double phase = d * radiansPerMetre;
            s[i] = (float) (g * Math.cos(phase));
            c[i] = travelling ? (float) (-g * Math.sin(phase)) : 0f;
        }
    }
}
