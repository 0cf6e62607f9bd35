package haptic.engine;

import haptic.protocol.Param;

/**
 * Parameter slots of one plugin instance or controller, and the attenuation table derived from its
 * knee and exponent.
 */
final class InstanceState {
    private static final Param[] PARAMS = Param.values();

    private final float[] values = new float[PARAMS.length];
    final Attenuation attenuation;
    /** Knee or exponent changed; the table is rebuilt at the start of the next render, once per burst of changes. */
    private boolean attenuationStale;

    InstanceState(float maxDistance) {
        attenuation = new Attenuation(maxDistance);
        reset();
        refreshAttenuation();
    }

    void reset() {
        for (Param p : PARAMS) {
            values[p.ordinal()] = p.defaultValue();
        }
        attenuationStale = true;
    }

    /** @return whether the attenuation table must be rebuilt before the next render */
    boolean set(Param p, float clampedValue) {
        values[p.ordinal()] = clampedValue;
        if (p == Param.DECAY_KNEE || p == Param.DECAY_EXPONENT) {
            attenuationStale = true;
        }
        return attenuationStale;
    }

    float get(Param p) {
        return values[p.ordinal()];
    }

    boolean attenuationStale() {
        return attenuationStale;
    }

    void refreshAttenuation() {
        attenuation.set(get(Param.DECAY_KNEE), get(Param.DECAY_EXPONENT));
        attenuationStale = false;
    }

    float gain() {
        return values[Param.GAIN.ordinal()];
    }

    int stimulusType() {
        return (int) values[Param.STIMULUS_TYPE.ordinal()];
    }
}
