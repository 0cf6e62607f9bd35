package haptic.client;

import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.ParameterChange;
import haptic.protocol.Protocol;
import haptic.protocol.TestPulse;
import haptic.protocol.Timed;

/** Separates a timed message's time from the rest, so tests can compare each on its own. */
final class Untimed {
    private Untimed() {
    }

    /** {@code msg} with its time set to {@link Protocol#UNTIMED}; other messages unchanged. */
    static Object of(Object msg) {
        if (msg instanceof NoteOn m) {
            return new NoteOn(m.channel(), m.note(), m.velocity(), m.pressure(), m.bend(), m.timbre());
        }
        if (msg instanceof NoteOff m) {
            return new NoteOff(m.channel(), m.note(), m.velocity());
        }
        if (msg instanceof MpeUpdate m) {
            return new MpeUpdate(m.channel(), m.pressure(), m.bend(), m.timbre());
        }
        if (msg instanceof ParameterChange m) {
            return new ParameterChange(m.paramId(), m.value());
        }
        if (msg instanceof TestPulse m) {
            return new TestPulse(m.transducer(), m.amplitude(), m.seconds());
        }
        return msg;
    }

    /** The time a timed message carries. */
    static long timeOf(Object msg) {
        return Timed.of(msg);
    }
}
