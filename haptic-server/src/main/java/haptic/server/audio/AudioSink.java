package haptic.server.audio;

/** Something that calls {@link AudioCallback#process} once per period: JACK or the headless pacer. */
interface AudioSink {
    /** Any thread. */
    float sampleRate();

    /** Any thread. */
    int periodFrames();

    /** Any thread, the audio thread included. */
    long xruns();

    /** Periods in which the callback threw (the period was output as silence). Called on the audio supervisor. */
    ProcessFaults faults();

    /**
     * Returns once process() will never be called again by this sink, with a happens-before edge to its last call.
     * Called on the starting, supervisor or closing thread, never on the sink's own audio thread.
     */
    void stop();
}
