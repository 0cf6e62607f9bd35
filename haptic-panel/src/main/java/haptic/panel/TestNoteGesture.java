package haptic.panel;

import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.SharedClock;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The test note played by pressing on the table: press starts a note whose source sits under the
 * pointer, dragging moves it with MPE bend (x) and timbre (y), release ends it. Moves smaller than
 * {@link #EPSILON} are not sent, so a still pointer sends nothing. Every message is stamped with the
 * {@link SharedClock} time of the pointer event that caused it, so the server keeps the gesture's timing
 * however long the messages wait on their way.
 */
final class TestNoteGesture {
    /** MPE member channel of the test note (channel 0 is the MPE lower zone's master channel). */
    static final int CHANNEL = 1;
    private static final float EPSILON = 1e-3f;

    private final Consumer<Object> out;
    private final LongSupplier clock;
    private boolean sounding;
    private int note;
    private float pressure;
    private float bend;
    private float timbre;

    TestNoteGesture(Consumer<Object> out) {
        this(out, SharedClock::now);
    }

    /** @param clock the time of the pointer event being handled (SharedClock ns); tests pass their own */
    TestNoteGesture(Consumer<Object> out, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
    }

    /** Starts the note at (bend, timbre); a note still sounding is released first. */
    void press(int note, float velocity, float pressure, float bend, float timbre) {
        if (sounding) {
            release();
        }
        this.note = note;
        this.pressure = pressure;
        this.bend = bend;
        this.timbre = timbre;
        sounding = true;
        out.accept(new NoteOn(CHANNEL, note, velocity, pressure, bend, timbre, clock.getAsLong()));
    }

    /** Moves the sounding note's source; nothing happens without a sounding note or without a real move. */
    void drag(float bend, float timbre) {
        if (!sounding || (Math.abs(bend - this.bend) < EPSILON && Math.abs(timbre - this.timbre) < EPSILON)) {
            return;
        }
        this.bend = bend;
        this.timbre = timbre;
        out.accept(new MpeUpdate(CHANNEL, pressure, bend, timbre, clock.getAsLong()));
    }

    /** Ends the sounding note, if any. */
    void release() {
        if (!sounding) {
            return;
        }
        sounding = false;
        out.accept(new NoteOff(CHANNEL, note, 0.5f, clock.getAsLong()));
    }

    boolean sounding() {
        return sounding;
    }

    int note() {
        return note;
    }

    float bend() {
        return bend;
    }

    float timbre() {
        return timbre;
    }
}
