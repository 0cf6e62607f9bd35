package haptic.plugin;

/** One note on its way from the audio thread to the IPC thread; preallocated and recycled by {@link NoteLink}. */
final class NoteEvent {
    static final int ON = 1;
    static final int OFF = 2;

    int kind;
    int channel;
    int note;
    float velocity;
    float pressure;
    float bend;
    float timbre;
    /** System.nanoTime() when the audio thread produced it; lets the IPC thread recognise stale notes. */
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
