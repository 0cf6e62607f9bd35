package haptic.engine;

/**
 * One Wave voice's emitted signal: a power-of-two ring with a mirrored guard region after its end, so a
 * reader can take any run of up to {@link #GUARD} consecutive samples starting inside the ring without
 * masking each index. The render loops depend on this to stay branch-free.
 */
final class DelayLine {
    /** Longest contiguous read: a 64-sample chunk read at up to twice real time, plus interpolation. */
    static final int GUARD = 256;

    final float[] buf;
    final int mask;
    private final int capacity;
    /** Ring index of the next sample to write. */
    private int head;
    /** How many samples just before {@link #head} are known to be zero (capped at capacity). */
    private int cleanRun;

    DelayLine(int capacity) {
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.buf = new float[capacity + GUARD];
        this.cleanRun = capacity;
    }

    int head() {
        return head;
    }

    /**
     * Makes sure the {@code samples} before the head read as silence, so a new voice never hears what the
     * previous owner of the slot emitted. A slot freed after its tail is usually clean already.
     */
    void ensureSilentHistory(int samples) {
        int need = Math.min(samples, capacity);
        if (cleanRun >= need) {
            return;
        }
        zero((head - need) & mask, need);
        cleanRun = need;
    }

    /** The contents can no longer be trusted to be silent (the voice was cut off mid-sound). */
    void markDirty() {
        cleanRun = 0;
    }

    void write(float[] src, int n, boolean silent) {
        int first = Math.min(n, capacity - head);
        System.arraycopy(src, 0, buf, head, first);
        if (head < GUARD) {
            System.arraycopy(src, 0, buf, capacity + head, Math.min(first, GUARD - head));
        }
        if (first < n) {
            int rest = n - first;
            System.arraycopy(src, first, buf, 0, rest);
            System.arraycopy(src, first, buf, capacity, Math.min(rest, GUARD));
        }
        head = (head + n) & mask;
        cleanRun = silent ? Math.min(capacity, cleanRun + n) : 0;
    }

    private void zero(int from, int len) {
        int first = Math.min(len, capacity - from);
        java.util.Arrays.fill(buf, from, from + first, 0f);
        if (from < GUARD) {
            java.util.Arrays.fill(buf, capacity + from, capacity + Math.min(from + first, GUARD), 0f);
        }
        if (first < len) {
            int rest = len - first;
            java.util.Arrays.fill(buf, 0, rest, 0f);
            java.util.Arrays.fill(buf, capacity, capacity + Math.min(rest, GUARD), 0f);
        }
    }
}
