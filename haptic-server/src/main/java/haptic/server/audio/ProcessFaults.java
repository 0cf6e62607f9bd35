package haptic.server.audio;

/**
 * Exceptions thrown by {@link AudioCallback#process}, recorded on the audio thread without allocating or
 * logging, so that the supervisor can report them from its own thread.
 */
final class ProcessFaults {
    /** Both fields are written only on the audio thread. */
    private volatile long count;
    private volatile Throwable last;

    /** Audio thread only (single writer). */
    void record(Throwable t) {
        last = t;
        count = count + 1;
    }

    /** Called on the audio supervisor thread. */
    long count() {
        return count;
    }

    /** Called on the audio supervisor thread. */
    Throwable last() {
        return last;
    }
}
