package haptic.panel;

import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class NoteTimingTest {
    private final NoteTiming timing = new NoteTiming();

    @Test
    void onAnOpenConnectionTimesAreSentAsStamped() {
        NoteOn on = new NoteOn(1, 60, 1f, 0f, 0f, 0.5f, 1000);
        timing.noteStarts();
        assertSame(on, timing.stamp(on));
        MpeUpdate drag = new MpeUpdate(1, 0f, 0.5f, 0.5f, 2000);
        assertSame(drag, timing.stamp(drag));
        NoteOff off = new NoteOff(1, 60, 0.5f, 3000);
        assertSame(off, timing.stamp(off));
    }

    @Test
    void aNoteThatWaitedForTheConnectionIsShiftedByTheWaitAsAWhole() {
        timing.noteStarts();
        timing.waitedForConnection(1000, 41_000);
        assertEquals(new NoteOn(1, 60, 1f, 0f, 0f, 0.5f, 41_000),
                timing.stamp(new NoteOn(1, 60, 1f, 0f, 0f, 0.5f, 1000)));
        assertEquals(new MpeUpdate(1, 0f, 0.5f, 0.5f, 42_000),
                timing.stamp(new MpeUpdate(1, 0f, 0.5f, 0.5f, 2000)));
        assertEquals(new NoteOff(1, 60, 0.5f, 60_000), timing.stamp(new NoteOff(1, 60, 0.5f, 20_000)));

        // The next note, on the open connection, is on time again, but not before the last release.
        timing.noteStarts();
        assertEquals(new NoteOn(1, 62, 1f, 0f, 0f, 0.5f, 60_000),
                timing.stamp(new NoteOn(1, 62, 1f, 0f, 0f, 0.5f, 30_000)));
        NoteOn later = new NoteOn(1, 64, 1f, 0f, 0f, 0.5f, 90_000);
        timing.noteStarts();
        assertSame(later, timing.stamp(later));
    }

    @Test
    void untimedMessagesStayUntimed() {
        timing.waitedForConnection(1000, 41_000);
        NoteOff untimed = new NoteOff(1, 60, 0.5f);
        assertSame(untimed, timing.stamp(untimed));
    }
}
