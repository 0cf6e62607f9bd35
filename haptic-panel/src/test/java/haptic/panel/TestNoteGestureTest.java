package haptic.panel;

import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestNoteGestureTest {
    private final List<Object> sent = new ArrayList<>();
    private final TestNoteGesture gesture = new TestNoteGesture(sent::add);

    @Test
    void pressDragReleaseIsNoteOnUpdatesNoteOff() {
        gesture.press(45, 0.8f, 0.7f, -1f, 0f);
        gesture.drag(-0.5f, 0.25f);
        gesture.drag(0.5f, 1f);
        gesture.release();
        assertEquals(List.of(
                new NoteOn(TestNoteGesture.CHANNEL, 45, 0.8f, 0.7f, -1f, 0f),
                new MpeUpdate(TestNoteGesture.CHANNEL, 0.7f, -0.5f, 0.25f),
                new MpeUpdate(TestNoteGesture.CHANNEL, 0.7f, 0.5f, 1f),
                new NoteOff(TestNoteGesture.CHANNEL, 45, 0.5f)), sent);
        assertFalse(gesture.sounding());
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
        gesture.press(50, 1f, 1f, 0f, 0f);
        assertEquals(new NoteOff(TestNoteGesture.CHANNEL, 40, 0.5f), sent.get(1));
        assertEquals(50, ((NoteOn) sent.get(2)).note());
        assertEquals(50, gesture.note());
    }
}
