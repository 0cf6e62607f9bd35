package haptic.server.link;

import haptic.protocol.Param;

/**
 * One command for the engine, filled by the IPC thread and applied by the audio thread.
 *
 * <p>Entries are preallocated and recycled through {@link CommandLink} (Disruptor-style), so neither
 * side allocates per command. Only the fields relevant to {@link #type} are meaningful.
 *
 * <p>The type is an int constant, not an enum, because the audio thread switches on it
 * ({@code AudioCycle.apply}). javac compiles a switch over an enum into a lookup in a synthetic
 * {@code $SwitchMap$} class that is loaded and initialised by the first thread to run the switch — here
 * the audio thread, at its first command: class loading (jar read, locks) and two allocations
 * ({@code values()} copies the constants, then the map array) — and every later command pays an
 * {@code ordinal()} call and an array load before the switch. Int constants are inlined into a plain
 * tableswitch. Holding an enum is fine ({@link #param} is one, only compared and indexed by ordinal); it is
 * switching on one that costs.
 */
public final class EngineCommand {
    public static final int NOTE_ON = 1;
    public static final int NOTE_OFF = 2;
    public static final int EXPRESSION = 3;
    public static final int PARAMETER = 4;
    public static final int PANIC = 5;
    /** The controller behind {@link #instance} went away: release its voices. */
    public static final int RELEASE_INSTANCE = 6;
    /** A new controller took the slot: parameters back to defaults before its config is replayed. */
    public static final int RESET_INSTANCE = 7;
    public static final int TEST_PULSE = 8;
    /** The controller behind {@link #instance} reported its host's rate ({@link #value}) and block ({@link #frames}). */
    public static final int HOST_BLOCK = 9;

    public int type;
    public int instance;
    public int channel;
    public int note;
    public float velocity;
    public float pressure;
    public float bend;
    public float timbre;
    public Param param;
    public float value;
    /** Transducer index for {@link #TEST_PULSE}. */
    public int transducer;
    public float seconds;
    /** Host block size for {@link #HOST_BLOCK}. */
    public int frames;
    /** When the sender wants it to sound (SharedClock ns), or Protocol.UNTIMED. */
    public long time;
    /** SharedClock ns when the IPC thread decoded the command; untimed commands are placed by it. */
    public long arrivalNanos;
    /** When the audio thread will apply it (SharedClock ns); set by the audio thread's scheduler. */
    public long due;
    /** Tie-break for equal {@link #due}: arrival order. Set by the audio thread's scheduler. */
    public long sequence;

    /** Called on the IPC thread. */
    public EngineCommand noteOn(int instance, int channel, int note, float velocity, float pressure, float bend, float timbre) {
        this.type = NOTE_ON;
        this.instance = instance;
        this.channel = channel;
        this.note = note;
        this.velocity = velocity;
        this.pressure = pressure;
        this.bend = bend;
        this.timbre = timbre;
        return this;
    }

    /** Called on the IPC thread. */
    public EngineCommand noteOff(int instance, int channel, int note) {
        this.type = NOTE_OFF;
        this.instance = instance;
        this.channel = channel;
        this.note = note;
        return this;
    }

    /** Called on the IPC thread. */
    public EngineCommand expression(int instance, int channel, float pressure, float bend, float timbre) {
        this.type = EXPRESSION;
        this.instance = instance;
        this.channel = channel;
        this.pressure = pressure;
        this.bend = bend;
        this.timbre = timbre;
        return this;
    }

    /** Called on the IPC thread. */
    public EngineCommand parameter(int instance, Param param, float value) {
        this.type = PARAMETER;
        this.instance = instance;
        this.param = param;
        this.value = value;
        return this;
    }

    /** Called on the IPC thread. */
    public EngineCommand panic() {
        this.type = PANIC;
        return this;
    }

    /** Called on the IPC thread. */
    public EngineCommand releaseInstance(int instance) {
        this.type = RELEASE_INSTANCE;
        this.instance = instance;
        return this;
    }

    /** Called on the IPC thread. */
    public EngineCommand resetInstance(int instance) {
        this.type = RESET_INSTANCE;
        this.instance = instance;
        return this;
    }

    /** Called on the IPC thread. */
    public EngineCommand testPulse(int transducer, float amplitude, float seconds) {
        this.type = TEST_PULSE;
        this.transducer = transducer;
        this.value = amplitude;
        this.seconds = seconds;
        return this;
    }

    /** Called on the IPC thread. */
    public EngineCommand hostBlock(int instance, float sampleRate, int blockFrames) {
        this.type = HOST_BLOCK;
        this.instance = instance;
        this.value = sampleRate;
        this.frames = blockFrames;
        return this;
    }

    /** Sets when the command should sound (SharedClock ns, or Protocol.UNTIMED); returns this. IPC thread. */
    public EngineCommand at(long time) {
        this.time = time;
        return this;
    }

    /**
     * Copies every field; used when the IPC thread parks a command it could not publish yet (IPC thread) and when
     * the audio thread moves one into its schedule (audio thread).
     */
    public void copyFrom(EngineCommand o) {
        type = o.type;
        instance = o.instance;
        channel = o.channel;
        note = o.note;
        velocity = o.velocity;
        pressure = o.pressure;
        bend = o.bend;
        timbre = o.timbre;
        param = o.param;
        value = o.value;
        transducer = o.transducer;
        seconds = o.seconds;
        frames = o.frames;
        time = o.time;
        arrivalNanos = o.arrivalNanos;
        due = o.due;
        sequence = o.sequence;
    }
}
