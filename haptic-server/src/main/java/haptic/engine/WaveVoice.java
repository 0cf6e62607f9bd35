package haptic.engine;

/** A propagating point source (STIMULUS_TYPE 0): the note's emission travels across the table at its wave speed. */
final class WaveVoice extends Voice {
    private static final long NOT_YET = Long.MIN_VALUE;

    final Propagation propagation;
    private double maxStep;
    /** When the envelope fell silent; the voice lives on until that last emission has arrived everywhere. */
    private long silentSince = NOT_YET;

    WaveVoice(Rig rig, int slot, int capacity, int maxDelaySamples) {
        super(rig, slot);
        propagation = new Propagation(rig, capacity, maxDelaySamples);
    }

    @Override
    void begin(long now, float x, float y, float scale) {
        maxStep = Rig.MAX_SOURCE_SPEED_RATIO * waveSpeed / rig.sampleRate;
        silentSince = NOT_YET;
        propagation.start(now, x, y, waveSpeed, params.attenuation, scale);
    }

    @Override
    void restarted() {
        silentSince = NOT_YET;
    }

    @Override
    void render(float[][] mix, int n, long t0) {
        boolean silent = emit(n, false);
        long t1 = t0 + n;
        if (silent && silentSince == NOT_YET) {
            silentSince = t0;
        }
        motion.advance(n, rig.positionSmoothing, maxStep);
        propagation.render(mix, rig.sin, silent, n, t0, motion.x(), motion.y(), scaleAfter(n, t1));
    }

    @Override
    boolean finished(long now) {
        return silentSince != NOT_YET && now - silentSince >= propagation.tailSamples();
    }

    @Override
    void discard() {
        propagation.discard();
    }
}
