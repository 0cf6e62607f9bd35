package haptic.panel;

import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.Protocol;
import haptic.protocol.Timed;

/**
 * The times of the test note as they go out on the controller connection. The gesture stamps each message with
 * the moment of its pointer event; normally that is what is sent. But the first note's messages wait for the
 * connection to open, and a NoteOn arriving after its time makes the server grow that controller's latency for
 * good, so a note whose NoteOn had to wait for a connection is shifted, NoteOn, drags and NoteOff alike, to start
 * when the connection is there. The next note starts unshifted, though never before what was already sent: times
 * on the connection never run backwards. Untimed messages stay untimed.
 *
 * <p>Confined to the sender thread.
 */
final class NoteTiming {
    /** Added to the current note's times. */
    private long shift;
    /** The latest time sent. */
    private long latest = Protocol.UNTIMED;

    /** A new note starts: unshifted unless {@link #waitedForConnection} says otherwise. */
    void noteStarts() {
        shift = 0;
    }

    /** The NoteOn stamped {@code stamped} only goes out at {@code now}, on a connection opened for it. */
    void waitedForConnection(long stamped, long now) {
        shift = stamped == Protocol.UNTIMED ? 0 : Math.max(0, now - stamped);
    }

    /** {@code msg} (a test-note message) with the time it is sent with. */
    Object stamp(Object msg) {
        long time = Timed.of(msg);
        if (time == Protocol.UNTIMED) {
            return msg;
        }
        long t = Math.max(time + shift, latest);
        latest = t;
        if (t == time) {
            return msg;
        }
        if (msg instanceof NoteOn m) {
            return new NoteOn(m.channel(), m.note(), m.velocity(), m.pressure(), m.bend(), m.timbre(), t);
        }
        if (msg instanceof NoteOff m) {
            return new NoteOff(m.channel(), m.note(), m.velocity(), t);
        }
        MpeUpdate m = (MpeUpdate) msg;
        return new MpeUpdate(m.channel(), m.pressure(), m.bend(), m.timbre(), t);
    }

}
