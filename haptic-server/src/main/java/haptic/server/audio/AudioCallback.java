package haptic.server.audio;

/** The engine side of an audio backend. Implemented by the engine glue. */
public interface AudioCallback {
    /**
     * Off the real-time thread, before the first process() of a (re)started backend. May allocate. Called on
     * the thread starting the backend: the server's starting thread or the audio supervisor.
     */
    void prepare(float sampleRate, int maxFrames);

    /**
     * Real-time thread, once per period. out[ch] (ch 0..channels-1) has length >= maxFrames; fill [0, frames).
     * {@code firstFrameNanos} is when the period's first frame is due on the shared clock (SharedClock ns): JACK's
     * filtered cycle start, the pacer's deadline; 0 if the backend has no clock of its own. Never allocates or
     * blocks. Never called by two threads at once. Called on the audio thread: JACK's process thread or the
     * headless pacer's.
     */
    void process(float[][] out, int frames, long firstFrameNanos);
}
