package haptic.shim;

import haptic.engine.Layout;

/**
 * Where a note's source sits on the table for the normalized pitch-bend and CC74 values the test host sent:
 * bend spans x from the layout's left to right edge, timbre spans y from front to back (the engine's Rig).
 */
record TableCorner(float x, float y) {

    static TableCorner of(Layout layout, double bendNormalized, double timbreNormalized) {
        float x = (float) (layout.minX() + bendNormalized * (layout.maxX() - layout.minX()));
        float y = (float) (layout.minY() + timbreNormalized * (layout.maxY() - layout.minY()));
        return new TableCorner(x, y);
    }

    /** The transducer nearest to this point. */
    int nearestTransducer(Layout layout) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            double d = Math.hypot(layout.x(i) - x, layout.y(i) - y);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }
}
