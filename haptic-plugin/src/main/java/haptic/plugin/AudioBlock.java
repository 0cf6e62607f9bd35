package haptic.plugin;

/**
 * What one host block does on the audio thread: start the block's clock, retry waiting notes, translate
 * the event records (each stamped with its time), send the block's last expression points, advance the
 * sample count. Shared by {@link HapticPlugin#process} and {@link RealtimeWarmup}, so the warm-up compiles
 * exactly the code the audio thread runs.
 *
 * <p>Audio thread only (and the warm-up's own private instance on the host thread).
 */
final class AudioBlock {
    /** Bits of a call's {@code batch}: the first and the last call for one host block. */
    static final int FIRST_BATCH = 1;
    static final int LAST_BATCH = 2;

    private final EventTimes times;
    private final NoteOutbox outbox;
    private final HostEvents events;
    private final int capacity;

    AudioBlock(EventTimes times, NoteOutbox outbox, HostEvents events, int capacity) {
        this.times = times;
        this.outbox = outbox;
        this.events = events;
        this.capacity = capacity;
    }

    void process(int numEvents, int numSamples, int batch, int contextState, long systemTime,
                 long projectTimeSamples) {
        if ((batch & FIRST_BATCH) != 0) {
            times.begin(contextState, systemTime, projectTimeSamples);
            outbox.retry();
        }
        events.dispatch(Math.max(0, Math.min(capacity, numEvents)));
        if ((batch & LAST_BATCH) != 0) {
            outbox.endBlock();
            times.end(numSamples);
        }
    }
}
