package haptic.engine;

/**
 * Sizing of an {@link Engine}: everything it preallocates follows from these numbers. Immutable; the
 * {@code with…} methods return modified copies.
 */
public final class EngineSettings {
    /** Samples of delay-line history the default capacity buys per second of sample rate (16384 at 48 kHz). */
    private static final double DEFAULT_DELAY_SECONDS = 16384.0 / 48000.0;

    public final float sampleRate;
    /** Pool of propagating point-source voices; each owns one delay line of {@link #delayCapacity} samples. */
    public final int waveVoices;
    /** Pool of standing/travelling field voices (no delay line, cheap). */
    public final int fieldVoices;
    /** Parameter slots: one per connected plugin instance or controller. */
    public final int instances;
    /** Absolute output limit, applied after everything else. */
    public final float ceiling;
    /** Ring-buffer length of each Wave voice, a power of two. Together with the layout it fixes the slowest wave. */
    public final int delayCapacity;

    private EngineSettings(float sampleRate, int waveVoices, int fieldVoices, int instances, float ceiling,
                           int delayCapacity) {
        if (!(sampleRate >= 8000f && sampleRate <= 384000f)) {
            throw new IllegalArgumentException("sample rate must be within [8000, 384000] Hz, got " + sampleRate);
        }
        if (waveVoices < 1 || fieldVoices < 1 || instances < 1) {
            throw new IllegalArgumentException("voice pools and instances need at least one slot");
        }
        if (!(ceiling > 0f && ceiling <= 1f)) {
            throw new IllegalArgumentException("ceiling must be within (0, 1], got " + ceiling);
        }
        if (delayCapacity < 1024 || delayCapacity > (1 << 22) || Integer.bitCount(delayCapacity) != 1) {
            throw new IllegalArgumentException("delay capacity must be a power of two within [1024, 4194304], got "
                    + delayCapacity);
        }
        this.sampleRate = sampleRate;
        this.waveVoices = waveVoices;
        this.fieldVoices = fieldVoices;
        this.instances = instances;
        this.ceiling = ceiling;
        this.delayCapacity = delayCapacity;
    }

    /** 48 kHz, 512 Wave voices, 128 field voices, 64 instances, ceiling 1, 16384-sample delay lines. */
    public static EngineSettings defaults() {
        return new EngineSettings(48000f, 512, 128, 64, 1.0f, defaultCapacity(48000f));
    }

    /** Also rescales the delay capacity so the slowest wave speed stays the same at the new rate. */
    public EngineSettings withSampleRate(float rate) {
        return new EngineSettings(rate, waveVoices, fieldVoices, instances, ceiling,
                rate >= 8000f && rate <= 384000f ? defaultCapacity(rate) : delayCapacity);
    }

    public EngineSettings withWaveVoices(int n) {
        return new EngineSettings(sampleRate, n, fieldVoices, instances, ceiling, delayCapacity);
    }

    public EngineSettings withFieldVoices(int n) {
        return new EngineSettings(sampleRate, waveVoices, n, instances, ceiling, delayCapacity);
    }

    public EngineSettings withInstances(int n) {
        return new EngineSettings(sampleRate, waveVoices, fieldVoices, n, ceiling, delayCapacity);
    }

    public EngineSettings withCeiling(float c) {
        return new EngineSettings(sampleRate, waveVoices, fieldVoices, instances, c, delayCapacity);
    }

    public EngineSettings withDelayCapacity(int samples) {
        return new EngineSettings(sampleRate, waveVoices, fieldVoices, instances, ceiling, samples);
    }

    /** Longest delay a Wave voice can represent, in samples: capacity less one render chunk and interpolation room. */
    public int maxDelaySamples() {
        return delayCapacity - Engine.CHUNK - 4;
    }

    /**
     * Slowest wave that still reaches the farthest transducer within the delay line:
     * {@code layout.maxDistance() / (maxDelaySamples() / sampleRate)}. Wave voices clamp slower speeds up to this.
     */
    public float minWaveSpeed(Layout layout) {
        return (float) ((double) Math.max(layout.maxDistance(), Engine.MIN_EXTENT) * sampleRate / maxDelaySamples());
    }

    private static int defaultCapacity(float rate) {
        int need = (int) Math.ceil(rate * DEFAULT_DELAY_SECONDS);
        return Integer.highestOneBit(need - 1) << 1;
    }

    @Override
    public String toString() {
        return "EngineSettings[" + sampleRate + " Hz, wave " + waveVoices + ", field " + fieldVoices + ", instances "
                + instances + ", ceiling " + ceiling + ", delay " + delayCapacity + "]";
    }
}
