package haptic.jack;

/** Work done on JACK's real-time process thread once per period. Must not allocate, lock, block or log. */
@FunctionalInterface
public interface JackCycle {
    /** Called on JACK's process thread, once per period. */
    void run(int nframes);
}
