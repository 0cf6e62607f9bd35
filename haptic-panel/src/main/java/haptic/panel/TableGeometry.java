package haptic.panel;

import haptic.protocol.LayoutInfo;

/**
 * Where the table's transducers land on screen: the layout's bounding box scaled uniformly into a
 * canvas, y pointing up as on a plan of the table (and as timbre rises), with room around the
 * outermost transducers for their circles and names. Also maps screen positions back to the MPE
 * values the engine turns into a source position: bend -1..1 across minX..maxX, timbre 0..1 across minY..maxY.
 */
final class TableGeometry {
    /** Circle radius as a fraction of the distance between the two closest transducers. */
    private static final float RADIUS_OF_SPACING = 0.36f;
    /** Extent used for a layout with no width or height (a single row or column), metres. */
    private static final float MIN_EXTENT = 0.05f;

    private final LayoutInfo layout;
    private final float minX;
    private final float maxX;
    private final float minY;
    private final float maxY;
    private final float scale;
    private final float originX;
    private final float originY;
    private final float radius;

    private TableGeometry(LayoutInfo layout, float minX, float maxX, float minY, float maxY, float scale,
                          float originX, float originY, float radius) {
        this.layout = layout;
        this.minX = minX;
        this.maxX = maxX;
        this.minY = minY;
        this.maxY = maxY;
        this.scale = scale;
        this.originX = originX;
        this.originY = originY;
        this.radius = radius;
    }

    /**
     * Fits {@code layout} into the canvas at ({@code left}, {@code top}) of {@code width} × {@code height}
     * pixels, centred, keeping {@code labelRoom} pixels under each circle for its name.
     */
    static TableGeometry fit(LayoutInfo layout, float left, float top, float width, float height, float labelRoom) {
        int n = layout.size();
        if (n == 0) {
            return new TableGeometry(layout, 0, 0, 0, 0, 1, left + width / 2, top + height / 2, 0);
        }
        float lx = Float.POSITIVE_INFINITY;
        float hx = Float.NEGATIVE_INFINITY;
        float ly = Float.POSITIVE_INFINITY;
        float hy = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            lx = Math.min(lx, layout.x()[i]);
            hx = Math.max(hx, layout.x()[i]);
            ly = Math.min(ly, layout.y()[i]);
            hy = Math.max(hy, layout.y()[i]);
        }
        float spanX = Math.max(hx - lx, MIN_EXTENT);
        float spanY = Math.max(hy - ly, MIN_EXTENT);
        float spacing = closestSpacing(layout, Math.max(spanX, spanY));
        // The margin is a fixed share of the spacing, so solve for the scale with the margin included:
        // width = scale * (spanX + 2 * marginMetres) and the same for height, plus the label room.
        float marginMetres = spacing * 0.6f;
        float scaleX = width / (spanX + 2 * marginMetres);
        float scaleY = Math.max(1f, height - labelRoom) / (spanY + 2 * marginMetres);
        float scale = Math.max(1e-3f, Math.min(scaleX, scaleY));
        float usedW = (hx - lx) * scale;
        float usedH = (hy - ly) * scale;
        float originX = left + (width - usedW) / 2f;
        // y up: the layout's minY sits at the bottom of the used area.
        float originY = top + (height - labelRoom + usedH) / 2f;
        float radius = Math.max(3f, spacing * scale * RADIUS_OF_SPACING);
        return new TableGeometry(layout, lx, hx, ly, hy, scale, originX, originY, radius);
    }

    /** Distance between the two closest transducers, or {@code fallback} if all coincide or there is only one. */
    private static float closestSpacing(LayoutInfo layout, float fallback) {
        float best = Float.POSITIVE_INFINITY;
        for (int i = 0; i < layout.size(); i++) {
            for (int j = i + 1; j < layout.size(); j++) {
                float dx = layout.x()[i] - layout.x()[j];
                float dy = layout.y()[i] - layout.y()[j];
                float d = (float) Math.sqrt(dx * dx + dy * dy);
                if (d > 1e-6f && d < best) {
                    best = d;
                }
            }
        }
        return Float.isFinite(best) ? best : fallback / 4f;
    }

    int size() {
        return layout.size();
    }

    String name(int i) {
        return layout.names()[i];
    }

    /** Pixels per metre. */
    float scale() {
        return scale;
    }

    /** Radius of a transducer's circle at full level, pixels. */
    float radius() {
        return radius;
    }

    float x(int transducer) {
        return toScreenX(layout.x()[transducer]);
    }

    float y(int transducer) {
        return toScreenY(layout.y()[transducer]);
    }

    float toScreenX(float metresX) {
        return originX + (metresX - minX) * scale;
    }

    float toScreenY(float metresY) {
        return originY - (metresY - minY) * scale;
    }

    /** The transducer whose circle contains the point, the nearest if circles overlap; -1 if none. */
    int transducerAt(float sx, float sy) {
        int best = -1;
        float bestD2 = radius * radius;
        for (int i = 0; i < layout.size(); i++) {
            float dx = sx - x(i);
            float dy = sy - y(i);
            float d2 = dx * dx + dy * dy;
            if (d2 <= bestD2) {
                bestD2 = d2;
                best = i;
            }
        }
        return best;
    }

    /** Pitch bend that puts a source at screen x, clamped to -1..1 (the layout's x extent). */
    float bendAt(float sx) {
        if (maxX <= minX) {
            return 0f;
        }
        float metres = minX + (sx - originX) / scale;
        return clamp(2f * (metres - minX) / (maxX - minX) - 1f, -1f, 1f);
    }

    /** Timbre that puts a source at screen y, clamped to 0..1 (the layout's y extent). */
    float timbreAt(float sy) {
        if (maxY <= minY) {
            return 0f;
        }
        float metres = minY + (originY - sy) / scale;
        return clamp((metres - minY) / (maxY - minY), 0f, 1f);
    }

    /** Screen x of a source played with {@code bend}: the inverse of {@link #bendAt}. */
    float xOfBend(float bend) {
        return toScreenX(minX + (bend + 1f) * 0.5f * (maxX - minX));
    }

    /** Screen y of a source played with {@code timbre}: the inverse of {@link #timbreAt}. */
    float yOfTimbre(float timbre) {
        return toScreenY(minY + timbre * (maxY - minY));
    }

    private static float clamp(float v, float lo, float hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
