package haptic.engine;

/**
 * Everything a note-on fixes about a voice, captured when the note arrives. Held by a voice slot while its
 * stolen predecessor fades out, and then used to start it.
 */
final class NoteRequest {
    int instance;
    int channel;
    int note;
    float velocity;
    float pressure;
    float bend;
    float timbre;
    int stimulusType;
    float waveSpeed;
    double attackSamples;
    /** Arrival order among all engine events; breaks ties between notes of the same sample. */
    long order;

    void copyFrom(NoteRequest r) {
        instance = r.instance;
        channel = r.channel;
        note = r.note;
        velocity = r.velocity;
        pressure = r.pressure;
        bend = r.bend;
        timbre = r.timbre;
        stimulusType = r.stimulusType;
        waveSpeed = r.waveSpeed;
        attackSamples = r.attackSamples;
        order = r.order;
    }
}
