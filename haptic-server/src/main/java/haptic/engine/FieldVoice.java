package haptic.engine;

import haptic.protocol.Param;

/** A standing or travelling wave field voice; it ends as soon as its envelope does (nothing is in flight). */
final class FieldVoice extends Voice {
    final FieldTaps taps;
    private double maxStep;

    FieldVoice(Rig rig, int slot) {
        super(rig, slot);
        taps = new FieldTaps(rig);
    }

    @Override
    void begin(long now, float x, float y, float scale) {
        maxStep = Rig.MAX_SOURCE_SPEED_RATIO * waveSpeed / rig.sampleRate;
        taps.start(x, y, stimulusType == Param.STIMULUS_TRAVELLING, Rig.frequency(note), waveSpeed,
                params.attenuation, scale);
    }

    @Override
    void restarted() {
    }

    @Override
    void render(float[][] mix, int n, long t0) {
        boolean travelling = taps.travelling();
        emit(n, travelling);
        motion.advance(n, rig.positionSmoothing, maxStep);
        taps.render(mix, rig.sin, rig.cos, n, motion.x(), motion.y(), scaleAfter(n, t0 + n));
    }

    @Override
    boolean finished(long now) {
        return envelope.done();
    }

    @Override
    void discard() {
    }
}
