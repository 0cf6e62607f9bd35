package haptic.engine;

/**
 * Where a Wave voice's source has been: one entry every {@link #STEP} samples since the voice started, plus
 * the current position, linearly interpolated between. Long enough to look back over the whole delay line.
 * Before the voice started the source is taken to have been at its initial position (nothing was emitted
 * then, so it only matters for keeping the delay solution continuous).
 */
final class PositionHistory {
    static final int STEP = 16;

    private final float[] hx;
    private final float[] hy;
    private final int mask;
    private long startTime;
    /** Index of the newest grid entry; entry k holds the position at startTime + k × STEP. */
    private long newest;
    private long nowTime;
    private float nowX;
    private float nowY;
    /** Result of {@link #lookBack}, in fields so that looking up allocates nothing. */
    float qx;
    float qy;

    PositionHistory(int maxDelaySamples) {
        int entries = Integer.highestOneBit(maxDelaySamples / STEP + 8) << 1;
        hx = new float[entries];
        hy = new float[entries];
        mask = entries - 1;
    }

    void reset(long time, float x, float y) {
        startTime = time;
        newest = 0;
        hx[0] = x;
        hy[0] = y;
        nowTime = time;
        nowX = x;
        nowY = y;
    }

    /** The source moved linearly from its last recorded position to (x, y) at {@code time}. */
    void advance(long time, float x, float y) {
        long first = newest + 1;
        long gridTime = startTime + first * STEP;
        if (gridTime <= time) {
            // One division per chunk rather than per entry: this runs for every voice, moving or not.
            double perSample = 1.0 / (time - nowTime);
            float x0 = nowX;
            float y0 = nowY;
            for (long k = first; gridTime <= time; k++, gridTime += STEP) {
                float u = (float) ((gridTime - nowTime) * perSample);
                int i = (int) (k & mask);
                hx[i] = x0 + u * (x - x0);
                hy[i] = y0 + u * (y - y0);
                newest = k;
            }
        }
        nowTime = time;
        nowX = x;
        nowY = y;
    }

    /** Sets {@link #qx}, {@link #qy} to the position {@code back} samples before the current time. */
    void lookBack(double back) {
        long lastGrid = startTime + newest * STEP;
        double t = (nowTime - lastGrid) - back; // relative to the newest grid entry
        if (t >= 0.0) {
            double span = nowTime - lastGrid;
            int i = (int) (newest & mask);
            float u = span > 0.0 ? (float) (t / span) : 1f;
            qx = hx[i] + u * (nowX - hx[i]);
            qy = hy[i] + u * (nowY - hy[i]);
            return;
        }
        double g = newest + t / STEP;
        if (g <= 0.0) {
            qx = hx[0];
            qy = hy[0];
            return;
        }
        long k = (long) g; // g > 0, so truncation is floor
        float u = (float) (g - k);
        int a = (int) (k & mask);
        int b = (int) ((k + 1) & mask);
        qx = hx[a] + u * (hx[b] - hx[a]);
        qy = hy[a] + u * (hy[b] - hy[a]);
    }
}
