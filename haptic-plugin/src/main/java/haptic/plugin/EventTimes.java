package haptic.plugin;

import haptic.protocol.SharedClock;

/**
 * Gives every host event the time it is meant to sound: its block's smoothed start ({@link BlockClock}) plus
 * {@code sampleOffset / sampleRate}. {@link HostEvents} sets the current event's time before translating it;
 * whatever the translation sends ({@link NoteOutbox}) reads {@link #current()}.
 *
 * <p>The block's observation is the host's ProcessContext.systemTime when it is valid and on our clock —
 * hosts differ (some send the wall clock, some microseconds), so it is used only while it stays within
 * {@link #SAME_CLOCK_NANOS} of our own reading — and otherwise our own reading at process() entry. The
 * filter restarts when the rate changes, processing starts or stops, and when the transport jumps (the
 * project position moved by other than the last block's length while playing).
 *
 * <p>Audio thread only, except {@link #restart}, which the host thread calls while the audio thread is not
 * processing (setupProcessing, setActive).
 */
final class EventTimes {
    /** VST3 ProcessContext state bits. */
    static final int PLAYING = 1 << 1;
    static final int SYSTEM_TIME_VALID = 1 << 8;
    /** systemTime further from our clock than this is on another clock. */
    static final long SAME_CLOCK_NANOS = 100_000_000L;

    private final BlockClock clock = new BlockClock();
    private double sampleRate = 48000.0;
    private long current = SharedClock.now();
    private long hostTimeBlocks;
    private boolean expectPosition;
    private long nextPosition;
    /** Written on the audio thread, read by the IPC thread for the log. */
    private volatile int restarts;

    void restart(double rate) {
        if (rate > 0) {
            sampleRate = rate;
        }
        clock.restart(sampleRate);
        expectPosition = false;
        restarts = restarts + 1;
    }

    /** A block begins. Audio thread. */
    void begin(int contextState, long systemTime, long projectTimeSamples) {
        long now = SharedClock.now();
        boolean playing = (contextState & PLAYING) != 0;
        if (playing && expectPosition && projectTimeSamples != nextPosition) {
            restart(sampleRate);
        }
        long observed = now;
        if ((contextState & SYSTEM_TIME_VALID) != 0 && Math.abs(systemTime - now) < SAME_CLOCK_NANOS) {
            observed = systemTime;
            hostTimeBlocks++;
        }
        current = clock.begin(observed);
        expectPosition = playing;
        nextPosition = projectTimeSamples;
    }

    /** The block that began has {@code samples} frames. Audio thread. */
    void end(int samples) {
        clock.end(samples);
        nextPosition += samples;
    }

    /** The event at {@code sampleOffset} in the current block is next. Audio thread. */
    void stamp(int sampleOffset) {
        current = clock.at(Math.max(0, sampleOffset));
    }

    /** The current event's time (SharedClock ns). Audio thread. */
    long current() {
        return current;
    }

    /** The block clock, for its counters. */
    BlockClock clock() {
        return clock;
    }

    /** Blocks timed by the host's systemTime. Any thread (approximate). */
    long hostTimeBlocks() {
        return hostTimeBlocks;
    }

    /** Filter restarts so far. Any thread. */
    int restarts() {
        return restarts;
    }
}
