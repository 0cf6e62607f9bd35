package haptic.panel;

import java.util.Arrays;

/**
 * How long frames take to build and render (the pacing sleep excluded): every frame is kept for the
 * summary at exit (a run lasts minutes, not days, and 8 bytes a frame is nothing), and the last
 * second's mean is shown in the status strip.
 */
final class FrameTimer {
    private static final int RECENT = 60;

    private long[] nanos = new long[1024];
    private int count;

    void add(long frameNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, nanos.length * 2);
        }
        nanos[count++] = frameNanos;
    }

    int count() {
        return count;
    }

    /** Mean of the last second's frames (60 at the panel's pace), in milliseconds; 0 before the first. */
    double recentMeanMillis() {
        int n = Math.min(RECENT, count);
        if (n == 0) {
            return 0;
        }
        long sum = 0;
        for (int i = count - n; i < count; i++) {
            sum += nanos[i];
        }
        return sum / (n * 1e6);
    }

    /** Summary of all frames so far: mean, median, 95th percentile and max in milliseconds. */
    Summary summary() {
        if (count == 0) {
            return new Summary(0, 0, 0, 0, 0);
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        long sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return new Summary(count, sum / (count * 1e6), sorted[(count - 1) / 2] / 1e6,
                sorted[(int) Math.ceil(0.95 * count) - 1] / 1e6, sorted[count - 1] / 1e6);
    }

    record Summary(int frames, double meanMillis, double medianMillis, double p95Millis, double maxMillis) {
    }
}
