package haptic.server.audio;

/** Something that calls {@link AudioCallback#process} once per period: JACK or the headless pacer. */
interface AudioSink {
    float sampleRate();

    int periodFrames();

    long xruns();

    /** Periods in which the callback threw (the period was output as silence). */
    ProcessFaults faults();

    /** Returns once process() will never be called again by this sink, with a happens-before edge to its last call. */
    void stop();
}
