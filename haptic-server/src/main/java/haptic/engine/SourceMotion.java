package haptic.engine;

/**
 * Where a voice's source is: follows the MPE target (bend → x, timbre → y) through a one-pole smoother, with
 * the speed capped below half the voice's wave speed so the emission-time equation keeps a unique solution.
 * Advanced once per chunk; callers interpolate linearly between the chunk's start and end positions.
 */
final class SourceMotion {
    /** Snap to the target when this close (metres): lets a settled source count as still. */
    private static final float SETTLED = 1e-6f;

    private float x;
    private float y;
    private float targetX;
    private float targetY;

    void reset(float px, float py) {
        x = px;
        y = py;
        targetX = px;
        targetY = py;
    }

    void target(float px, float py) {
        targetX = px;
        targetY = py;
    }

    /**
     * @param maxStep largest distance per sample (metres)
     * @return whether the position changed
     */
    boolean advance(int samples, OnePole smoothing, double maxStep) {
        if (x == targetX && y == targetY) {
            return false;
        }
        double keep = smoothing.remaining(samples);
        double dx = (targetX - x) * (1.0 - keep);
        double dy = (targetY - y) * (1.0 - keep);
        double limit = maxStep * samples;
        double dist2 = dx * dx + dy * dy;
        if (dist2 > limit * limit) {
            double s = limit / Math.sqrt(dist2);
            dx *= s;
            dy *= s;
        }
        float nx = (float) (x + dx);
        float ny = (float) (y + dy);
        if (Math.abs(targetX - nx) < SETTLED && Math.abs(targetY - ny) < SETTLED) {
            nx = targetX;
            ny = targetY;
        }
        boolean moved = nx != x || ny != y;
        x = nx;
        y = ny;
        return moved;
    }

    float x() { return x; }
    float y() { return y; }
}
