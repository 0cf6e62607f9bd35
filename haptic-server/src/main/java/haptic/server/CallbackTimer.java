package haptic.server;

/**
 * Histogram of audio-callback durations in microseconds, written by the audio thread only.
 *
 * <p>Readers on other threads see a slightly racy but never torn-per-bucket view; that is fine for
 * reporting percentiles and costs the audio thread nothing but an array increment.
 */
public final class CallbackTimer {
    private static final int MAX_MICROS = 20_000;
    private final long[] buckets = new long[MAX_MICROS + 1];
    private volatile long count;
    private volatile long maxNanos;

    /** Audio thread. */
    public void record(long nanos) {
        int us = (int) Math.min(MAX_MICROS, nanos / 1000);
        buckets[us]++;
        if (nanos > maxNanos) {
            maxNanos = nanos;
        }
        count = count + 1;
    }

    /** Any thread: clears the histogram (call while the audio thread is quiet enough not to matter). */
    public void reset() {
        java.util.Arrays.fill(buckets, 0);
        maxNanos = 0;
        count = 0;
    }

    /** Any thread. */
    public long count() {
        return count;
    }

    /** Any thread. */
    public double maxMicros() {
        return maxNanos / 1000.0;
    }

    /** Percentile in microseconds (bucket resolution, 1 µs). Any thread. */
    public double percentileMicros(double p) {
        long[] copy = buckets.clone();
        long total = 0;
        for (long c : copy) {
            total += c;
        }
        if (total == 0) {
            return 0;
        }
        long target = (long) Math.ceil(p / 100.0 * total);
        long seen = 0;
        for (int i = 0; i < copy.length; i++) {
            seen += copy[i];
            if (seen >= target) {
                return i;
            }
        }
        return MAX_MICROS;
    }
}
