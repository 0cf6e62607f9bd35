package haptic.panel;

import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.SharedClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestNoteGestureTest {
    private final List<Object> sent = new ArrayList<>();
    /** The time of the pointer event being handled; each test moves it on. */
    private long now = 1_000_000L;
    private final TestNoteGesture gesture = new TestNoteGesture(sent::add, () -> now);

    @Test
    void pressDragReleaseIsNoteOnUpdatesNoteOffStampedWhenTheyHappened() {
        gesture.press(45, 0.8f, 0.7f, -1f, 0f);
        now += 16_000_000L;
        gesture.drag(-0.5f, 0.25f);
        now += 17_000_000L;
        gesture.drag(0.5f, 1f);
        now += 500_000_000L;
        gesture.release();
        assertEquals(List.of(
                new NoteOn(TestNoteGesture.CHANNEL, 45, 0.8f, 0.7f, -1f, 0f, 1_000_000L),
                new MpeUpdate(TestNoteGesture.CHANNEL, 0.7f, -0.5f, 0.25f, 17_000_000L),
                new MpeUpdate(TestNoteGesture.CHANNEL, 0.7f, 0.5f, 1f, 34_000_000L),
                new NoteOff(TestNoteGesture.CHANNEL, 45, 0.5f, 534_000_000L)), sent);
        assertFalse(gesture.sounding());
    }

    @Test
    void theDefaultClockIsTheSharedClock() {
        List<Object> out = new ArrayList<>();
        long before = SharedClock.now();
        new TestNoteGesture(out::add).press(45, 1f, 1f, 0f, 0f);
        long t = ((NoteOn) out.get(0)).time();
        assertTrue(t >= before && t <= SharedClock.now(), "stamped " + t);
    }

    @Test
    void aStillPointerSendsNothing() {
        gesture.press(45, 0.8f, 0.7f, 0.2f, 0.3f);
        gesture.drag(0.2f, 0.3f);
        gesture.drag(0.2f + 1e-5f, 0.3f);
        assertEquals(1, sent.size());
    }

    @Test
    void nothingToMoveOrReleaseWithoutANote() {
        gesture.drag(0.1f, 0.1f);
        gesture.release();
        assertTrue(sent.isEmpty());
    }

    @Test
    void aSecondPressReleasesTheFirstNote() {
        gesture.press(40, 1f, 1f, 0f, 0f);
        now += 5;
        gesture.press(50, 1f, 1f, 0f, 0f);
        assertEquals(new NoteOff(TestNoteGesture.CHANNEL, 40, 0.5f, now), sent.get(1));
        assertEquals(now, ((NoteOn) sent.get(2)).time());
        assertEquals(50, ((NoteOn) sent.get(2)).note());
        assertEquals(50, gesture.note());
    }
}
