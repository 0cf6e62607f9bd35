package haptic.panel;

/**
 * How a level looks: decibels over a fixed floor, mapped to a colour ramp whose brightness rises
 * with level (dark slate, teal, green, amber, near-white), so loud transducers stand out at a glance
 * and the ordering survives colour-blindness and greyscale screenshots.
 */
final class LevelStyle {
    /**
     * Levels at or below this read as silence. 48 dB keeps the spatial fall-off of one source visible
     * (a far transducer is typically 20 dB down); a deeper floor paints the whole table bright.
     */
    static final float FLOOR_DB = -48f;

    /** Ramp stops from silence (0) to full scale (1), as linear RGB 0..1; each stop brighter than the last. */
    private static final float[][] RAMP = {
            {0.16f, 0.19f, 0.24f},
            {0.05f, 0.38f, 0.45f},
            {0.10f, 0.66f, 0.56f},
            {0.62f, 0.82f, 0.28f},
            {1.00f, 0.78f, 0.22f},
            {1.00f, 0.96f, 0.82f},
    };

    private LevelStyle() {
    }

    /** 20·log10 of a linear level, never below {@link #FLOOR_DB} (silence and NaN land on the floor). */
    static float decibels(float linear) {
        if (!(linear > 0f)) {
            return FLOOR_DB;
        }
        return Math.max(FLOOR_DB, (float) (20.0 * Math.log10(linear)));
    }

    /** Decibels to one decimal for display, "-inf" at the floor; never "-0.0" for a level a hair under full scale. */
    static String decibelText(float linear) {
        float db = decibels(linear);
        if (db <= FLOOR_DB) {
            return "-inf";
        }
        float tenths = Math.round(db * 10f) / 10f;
        return String.format(java.util.Locale.ROOT, "%.1f", tenths == 0f ? 0f : tenths);
    }

    /** A level's position between the floor (0) and full scale (1). */
    static float normalised(float linear) {
        return Math.min(1f, (decibels(linear) - FLOOR_DB) / -FLOOR_DB);
    }

    /** Colour for a normalised level as packed ABGR (Dear ImGui's IM_COL32 order), opaque. */
    static int colour(float norm) {
        return colour(norm, 1f);
    }

    /** Colour for a normalised level as packed ABGR with the given opacity. */
    static int colour(float norm, float alpha) {
        float t = Math.max(0f, Math.min(1f, Float.isNaN(norm) ? 0f : norm)) * (RAMP.length - 1);
        int i = Math.min(RAMP.length - 2, (int) t);
        float f = t - i;
        float r = RAMP[i][0] + (RAMP[i + 1][0] - RAMP[i][0]) * f;
        float g = RAMP[i][1] + (RAMP[i + 1][1] - RAMP[i][1]) * f;
        float b = RAMP[i][2] + (RAMP[i + 1][2] - RAMP[i][2]) * f;
        return pack(r, g, b, alpha);
    }

    /** Packs 0..1 components as ABGR. */
    static int pack(float r, float g, float b, float a) {
        return (byte255(a) << 24) | (byte255(b) << 16) | (byte255(g) << 8) | byte255(r);
    }

    /** Relative luminance (Rec. 709 weights on the 0..1 components) of a packed ABGR colour. */
    static float luminance(int abgr) {
        float r = (abgr & 0xff) / 255f;
        float g = ((abgr >>> 8) & 0xff) / 255f;
        float b = ((abgr >>> 16) & 0xff) / 255f;
        return 0.2126f * r + 0.7152f * g + 0.0722f * b;
    }

    /** Radius of a level's disc as a share of the full circle: never so small that the fill colour is lost. */
    static float radiusShare(float norm) {
        return 0.4f + 0.6f * Math.max(0f, Math.min(1f, norm));
    }

    private static int byte255(float v) {
        return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
    }
}
