package haptic.engine;

/**
 * Time constant of a one-pole smoother, as the per-sample coefficient and as the decay over any chunk
 * length up to {@link Engine#CHUNK}. The chunk form lets slow parameters (position, gain) be advanced once per
 * chunk and interpolated linearly across it, at the same rate whatever the chunk length.
 */
final class OnePole {
    /** Fraction of the remaining distance covered per sample. */
    final double perSample;
    /**
     * decay[n] = (1 - perSample)^n: fraction of the distance still remaining after n samples. Read directly
     * by per-sample loops that use the closed form instead of stepping the smoother.
     */
    final double[] decay = new double[Engine.CHUNK + 1];

    OnePole(float sampleRate, double seconds) {
        double r = Math.exp(-1.0 / (seconds * sampleRate));
        perSample = 1.0 - r;
        for (int n = 0; n <= Engine.CHUNK; n++) {
            decay[n] = Math.pow(r, n);
        }
    }

    double remaining(int samples) {
        return decay[samples];
    }
}
