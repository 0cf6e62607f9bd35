package haptic.plugin;

/** One note on its way from the audio thread to the IPC thread; preallocated and recycled by {@link NoteLink}. */
final class NoteEvent {
    static final int ON = 1;
    static final int OFF = 2;
    /** A channel's expression point: pressure, bend and timbre at {@link #nanos}. */
    static final int EXPRESSION = 3;

    int kind;
    int channel;
    int note;
    float velocity;
    float pressure;
    float bend;
    float timbre;
    /** When it is meant to sound (SharedClock ns); also lets the IPC thread recognise stale notes. */
    long nanos;

    void set(int kind, int channel, int note, float velocity, float pressure, float bend, float timbre, long nanos) {
        this.kind = kind;
        this.channel = channel;
        this.note = note;
        this.velocity = velocity;
        this.pressure = pressure;
        this.bend = bend;
        this.timbre = timbre;
        this.nanos = nanos;
    }
}
