package haptic.engine;

/**
 * Messages for misuse of the real-time classes. They live here because HotSpot interns a class's string
 * constants on the thread that first triggers its compilation, which for the engine is the audio thread.
 */
final class SetupErrors {
    private SetupErrors() {
    }

    static IllegalArgumentException tooFewOutputs(int given) {
        return new IllegalArgumentException("need " + Layout.TRANSDUCERS + " output channels, got " + given);
    }

    static IllegalArgumentException noChannels(int given) {
        return new IllegalArgumentException("channels must be positive, got " + given);
    }
}
