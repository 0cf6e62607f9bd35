package haptic.engine;

/**
 * The physical setup every voice renders for: transducer geometry, sample rate, smoothing constants, and
 * the chunk-sized scratch signals voices fill before spreading them over the transducers. Shared by all
 * voices of one engine; only ever touched from the rendering thread.
 */
final class Rig {
    static final double PRESSURE_SMOOTHING_SECONDS = 0.005;
    static final double POSITION_SMOOTHING_SECONDS = 0.020;
    static final double GAIN_SMOOTHING_SECONDS = 0.005;
    /** Source speed limit as a fraction of the voice's wave speed; below 0.5 keeps the delay solution unique. */
    static final double MAX_SOURCE_SPEED_RATIO = 0.45;

    final Layout layout;
    final float sampleRate;
    final float[] tx = new float[Layout.TRANSDUCERS];
    final float[] ty = new float[Layout.TRANSDUCERS];
    final float[] gain = new float[Layout.TRANSDUCERS];
    /** Longest source-to-transducer distance, never zero (a degenerate layout still gets a small box). */
    final float maxDistance;
    final OnePole pressureSmoothing;
    final OnePole positionSmoothing;
    final OnePole gainSmoothing;
    /** Emitted signal of the voice being rendered (sine phase), then its cosine-phase twin for field voices. */
    final float[] sin = new float[Engine.CHUNK];
    final float[] cos = new float[Engine.CHUNK];
    /** Envelope levels of the voice being rendered, one chunk's worth. */
    final double[] level = new double[Engine.CHUNK];

    Rig(Layout layout, float sampleRate) {
        this.layout = layout;
        this.sampleRate = sampleRate;
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            tx[i] = layout.x(i);
            ty[i] = layout.y(i);
            gain[i] = layout.gain(i);
        }
        maxDistance = Math.max(layout.maxDistance(), Engine.MIN_EXTENT);
        pressureSmoothing = new OnePole(sampleRate, PRESSURE_SMOOTHING_SECONDS);
        positionSmoothing = new OnePole(sampleRate, POSITION_SMOOTHING_SECONDS);
        gainSmoothing = new OnePole(sampleRate, GAIN_SMOOTHING_SECONDS);
    }

    /** Normalised pitch bend [-1, 1] spans the table from left to right. */
    float sourceX(float bend) {
        return layout.minX() + (bend + 1f) * 0.5f * (layout.maxX() - layout.minX());
    }

    /** Timbre [0, 1] spans the table from front to back. */
    float sourceY(float timbre) {
        return layout.minY() + timbre * (layout.maxY() - layout.minY());
    }

    /** Emission frequency: the note's pitch, folded into the range a transducer can render as touch. */
    static double frequency(int note) {
        double f = 440.0 * Math.pow(2.0, (note - 69) / 12.0);
        return Math.max(20.0, Math.min(200.0, f));
    }
}
