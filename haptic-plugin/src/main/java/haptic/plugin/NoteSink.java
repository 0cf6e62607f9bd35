package haptic.plugin;

/** Where translated notes go: the audio-side outbox in the plugin, a recorder in tests. */
interface NoteSink {
    /** A note starts with its channel's current expression (pressure/timbre 0..1, bend -1..1). */
    void noteOn(int channel, int note, float velocity, float pressure, float bend, float timbre);

    void noteOff(int channel, int note, float velocity);

    /** The channel's expression changed (pressure/timbre 0..1, bend -1..1); sinks that only record notes ignore it. */
    default void expression(int channel, float pressure, float bend, float timbre) {
    }
}
