package haptic.engine;

/** Per-channel peak and RMS of rendered output over a window the caller chooses. Pure; never allocates. */
public final class LevelMeter {
    private final int channels;
    private final float[] peak;
    private final double[] sumSquares;
    private int frames;

    public LevelMeter(int channels) {
        if (channels < 1) {
            throw SetupErrors.noChannels(channels);
        }
        this.channels = channels;
        this.peak = new float[channels];
        this.sumSquares = new double[channels];
    }

    /** Adds frames [0, frames) of {@code out[0..channels)}. */
    public void accumulate(float[][] out, int frames) {
        for (int ch = 0; ch < channels; ch++) {
            float[] s = out[ch];
            float p = peak[ch];
            double sum = 0.0;
            for (int j = 0; j < frames; j++) {
                float v = s[j];
                float a = Math.abs(v);
                if (a > p) {
                    p = a;
                }
                sum += (double) v * v;
            }
            peak[ch] = p;
            sumSquares[ch] += sum;
        }
        this.frames += frames;
    }

    /** Frames accumulated since the last {@link #takeInto}. */
    public int frames() {
        return frames;
    }

    /**
     * Copies the window's peak and RMS per channel into the arrays (at least {@code channels} long) and starts
     * a new window. With no frames accumulated both are zero.
     */
    public void takeInto(float[] peakOut, float[] rmsOut) {
        for (int ch = 0; ch < channels; ch++) {
            float p = peak[ch];
            float r = frames == 0 ? 0f : (float) Math.sqrt(sumSquares[ch] / frames);
            peakOut[ch] = p;
            rmsOut[ch] = r;
            peak[ch] = 0f;
            sumSquares[ch] = 0.0;
        }
        frames = 0;
    }
}
