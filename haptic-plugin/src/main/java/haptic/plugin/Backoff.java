package haptic.plugin;

/** Reconnect delays: the first after {@code first}, each later one twice as long, never above {@code max}. */
final class Backoff {
    private final long firstNanos;
    private final long maxNanos;
    private long nextNanos;

    Backoff(long firstNanos, long maxNanos) {
        this.firstNanos = firstNanos;
        this.maxNanos = maxNanos;
        this.nextNanos = firstNanos;
    }

    /** @return how long to wait before the next attempt */
    long next() {
        long d = nextNanos;
        nextNanos = Math.min(maxNanos, nextNanos * 2);
        return d;
    }

    /** After a success the next failure starts from the first delay again. */
    void reset() {
        nextNanos = firstNanos;
    }
}
