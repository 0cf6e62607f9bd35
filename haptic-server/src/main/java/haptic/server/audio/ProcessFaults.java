package haptic.server.audio;

/**
 * Exceptions thrown by {@link AudioCallback#process}, recorded on the audio thread without allocating or
 * logging, so that the supervisor can report them from its own thread.
 */
final class ProcessFaults {
    private volatile long count;
    private volatile Throwable last;

    /** Audio thread only (single writer). */
    void record(Throwable t) {
        last = t;
        count = count + 1;
    }

    long count() {
        return count;
    }

    Throwable last() {
        return last;
    }
}
