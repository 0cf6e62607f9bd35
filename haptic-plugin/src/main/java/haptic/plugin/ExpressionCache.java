package haptic.plugin;

/**
 * The last known value of each expression dimension on each channel, so that a change in one dimension
 * leaves the others alone. Pitch comes from two independent sources that add up: the MIDI pitch wheel
 * (normalised -1..1, scaled by the channel's bend range) and VST3 tuning note expression (semitones).
 */
final class ExpressionCache {
    static final float DEFAULT_PRESSURE = 0f;
    static final float DEFAULT_TIMBRE = 0.5f;

    final float[] pressure = new float[ZoneLayout.CHANNELS];
    final float[] timbre = new float[ZoneLayout.CHANNELS];
    /** Pitch wheel, -1..1 of the channel's range. */
    final float[] wheel = new float[ZoneLayout.CHANNELS];
    /** Note-expression tuning, semitones. */
    final float[] tuning = new float[ZoneLayout.CHANNELS];

    ExpressionCache() {
        java.util.Arrays.fill(timbre, DEFAULT_TIMBRE);
    }
}
