package haptic.engine;

/**
 * One sounding note: identity, envelope, oscillator, amplitude and source position. Subclasses decide how
 * the emitted signal reaches the transducers. Slots are preallocated and reused; nothing here allocates.
 */
abstract class Voice {
    static final int FREE = 0;
    static final int PLAYING = 1;
    /** Being cut off within {@link Engine#FADE_SAMPLES} (stolen, replaced or panic). */
    static final int FADING = 2;

    final Rig rig;
    final int slot;
    final Envelope envelope = new Envelope();
    final SourceMotion motion = new SourceMotion();
    /** The note that takes this slot once the fade ends. */
    final NoteRequest pending = new NoteRequest();

    int state = FREE;
    boolean hasPending;
    /** Identity this slot answers to in the {@link VoiceIndex}: the sounding note, or the pending one; -1 if none. */
    int key = -1;
    Voice nextOnChannel;
    Voice prevOnChannel;

    int note;
    int stimulusType;
    float waveSpeed;
    InstanceState params;
    boolean released;
    long fadeEnd;
    /** Event order (not sample time, which ties within a block) of the start, release and fade. */
    long startOrder;
    long releaseOrder;
    long fadeOrder;

    private double oscCos;
    private double oscSin;
    private double rotCos;
    private double rotSin;
    /** Rotation by four samples: the oscillator runs as four interleaved phasors (see {@link #emit}). */
    private double rot4Cos;
    private double rot4Sin;
    private double amplitude;
    private double amplitudeTarget;
    private float velocity;
    private float smoothedGain;

    Voice(Rig rig, int slot) {
        this.rig = rig;
        this.slot = slot;
    }

    /** Starts the note in this slot at engine time {@code now}. */
    final void start(NoteRequest r, InstanceState instanceParams, long now) {
        state = PLAYING;
        hasPending = false;
        note = r.note;
        stimulusType = r.stimulusType;
        waveSpeed = r.waveSpeed;
        params = instanceParams;
        startOrder = r.order;
        released = false;
        double w = 2.0 * Math.PI * Rig.frequency(r.note) / rig.sampleRate;
        rotCos = Math.cos(w);
        rotSin = Math.sin(w);
        rot4Cos = Math.cos(4.0 * w);
        rot4Sin = Math.sin(4.0 * w);
        oscCos = 1.0;
        oscSin = 0.0;
        velocity = r.velocity;
        amplitudeTarget = r.velocity * (0.5 + 0.5 * r.pressure);
        amplitude = amplitudeTarget;
        smoothedGain = instanceParams.gain();
        envelope.clear();
        envelope.attack(r.attackSamples);
        float x = rig.sourceX(r.bend);
        float y = rig.sourceY(r.timbre);
        motion.reset(x, y);
        begin(now, x, y, smoothedGain);
    }

    /** Same identity again while still sounding: new velocity and position, attack from the current level. */
    final void retrigger(NoteRequest r) {
        startOrder = r.order;
        released = false;
        velocity = r.velocity;
        amplitudeTarget = r.velocity * (0.5 + 0.5 * r.pressure);
        envelope.attack(r.attackSamples);
        motion.target(rig.sourceX(r.bend), rig.sourceY(r.timbre));
        restarted();
    }

    final void release(long order, double releaseSamples) {
        if (released) {
            return;
        }
        released = true;
        releaseOrder = order;
        envelope.release(releaseSamples);
    }

    final void expression(float pressure, float bend, float timbre) {
        amplitudeTarget = velocity * (0.5 + 0.5 * pressure);
        motion.target(rig.sourceX(bend), rig.sourceY(timbre));
    }

    /** Begins the short fade that ends this voice; an earlier fade keeps its deadline. */
    final void fade(long now, long order) {
        if (state == FADING) {
            return;
        }
        state = FADING;
        fadeOrder = order;
        fadeEnd = now + Engine.FADE_SAMPLES;
    }

    /**
     * Fills {@code rig.sin} (and {@code rig.cos} when asked) with this chunk's emission:
     * envelope × velocity × (0.5 + 0.5 × smoothed pressure) × the oscillator.
     *
     * @return true if the whole chunk is silent
     */
    final boolean emit(int n, boolean withCos) {
        float[] sin = rig.sin;
        float[] cos = rig.cos;
        if (envelope.done()) {
            java.util.Arrays.fill(sin, 0, n, 0f);
            if (withCos) {
                java.util.Arrays.fill(cos, 0, n, 0f);
            }
            return true;
        }
        double[] level = rig.level;
        envelope.fill(level, n);
        // Pressure smoothing in closed form, a_j = target + (a − target)·(1 − k)^(j+1), and the oscillator as
        // four phasors each rotated by 4ω: stepping one smoother and one phasor sample by sample makes every
        // sample wait for the previous one (two multiply-add latencies), which cost more than all the rest
        // of a resting voice's emission. The results agree with the stepped forms to rounding.
        double target = amplitudeTarget;
        double offset = amplitude - target;
        double[] decay = rig.pressureSmoothing.decay;
        double rc = rotCos;
        double rs = rotSin;
        double rc4 = rot4Cos;
        double rs4 = rot4Sin;
        double c0 = oscCos;
        double s0 = oscSin;
        double c1 = c0 * rc - s0 * rs;
        double s1 = c0 * rs + s0 * rc;
        double c2 = c1 * rc - s1 * rs;
        double s2 = c1 * rs + s1 * rc;
        double c3 = c2 * rc - s2 * rs;
        double s3 = c2 * rs + s2 * rc;
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            double v0 = level[j] * (target + offset * decay[j + 1]);
            double v1 = level[j + 1] * (target + offset * decay[j + 2]);
            double v2 = level[j + 2] * (target + offset * decay[j + 3]);
            double v3 = level[j + 3] * (target + offset * decay[j + 4]);
            sin[j] = (float) (v0 * s0);
            sin[j + 1] = (float) (v1 * s1);
            sin[j + 2] = (float) (v2 * s2);
            sin[j + 3] = (float) (v3 * s3);
            if (withCos) {
                cos[j] = (float) (v0 * c0);
                cos[j + 1] = (float) (v1 * c1);
                cos[j + 2] = (float) (v2 * c2);
                cos[j + 3] = (float) (v3 * c3);
            }
            double t = c0 * rc4 - s0 * rs4;
            s0 = c0 * rs4 + s0 * rc4;
            c0 = t;
            t = c1 * rc4 - s1 * rs4;
            s1 = c1 * rs4 + s1 * rc4;
            c1 = t;
            t = c2 * rc4 - s2 * rs4;
            s2 = c2 * rs4 + s2 * rc4;
            c2 = t;
            t = c3 * rc4 - s3 * rs4;
            s3 = c3 * rs4 + s3 * rc4;
            c3 = t;
        }
        // A chunk that is not a multiple of four finishes on the first phasor, one sample at a time.
        double c = c0;
        double s = s0;
        for (; j < n; j++) {
            double v = level[j] * (target + offset * decay[j + 1]);
            sin[j] = (float) (v * s);
            if (withCos) {
                cos[j] = (float) (v * c);
            }
            double t = c * rc - s * rs;
            s = c * rs + s * rc;
            c = t;
        }
        // The rotation is exact only in real numbers; pull the phasor back onto the unit circle.
        double m = 1.5 - 0.5 * (c * c + s * s);
        oscCos = c * m;
        oscSin = s * m;
        amplitude = target + offset * decay[n];
        return false;
    }

    /**
     * Output scale at the end of the coming chunk: the instance gain (smoothed, so gain changes never step)
     * times the cut-off fade, which reaches zero exactly at {@link #fadeEnd}.
     */
    final float scaleAfter(int n, long chunkEnd) {
        float target = params.gain();
        float g = (float) (target + (smoothedGain - target) * rig.gainSmoothing.remaining(n));
        if (Math.abs(g - target) < 1e-6f) {
            g = target;
        }
        smoothedGain = g;
        if (state == FADING) {
            float f = (fadeEnd - chunkEnd) / (float) Engine.FADE_SAMPLES;
            return g * Math.max(0f, Math.min(1f, f));
        }
        return g;
    }

    /** Type-specific setup when the voice starts at (x, y); {@code scale} is the output scale at that moment. */
    abstract void begin(long now, float x, float y, float scale);

    /** A retrigger; Wave voices must not free themselves in the middle of their tail any more. */
    abstract void restarted();

    /** Adds this chunk's output for all transducers to {@code mix[transducer][0..n)}. */
    abstract void render(float[][] mix, int n, long t0);

    /** Whether a playing voice has nothing more to contribute at time {@code now} and can be freed. */
    abstract boolean finished(long now);

    /** The slot is being given up while possibly still holding sound; a later owner must not hear it. */
    abstract void discard();
}
