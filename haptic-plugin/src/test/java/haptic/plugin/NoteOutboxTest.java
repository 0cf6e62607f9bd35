package haptic.plugin;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NoteOutboxTest {
    private static List<Integer> drain(NoteLink link) {
        List<Integer> notes = new ArrayList<>();
        NoteEvent e;
        while ((e = link.poll()) != null) {
            notes.add(e.kind == NoteEvent.ON ? e.note : -e.note);
            link.recycle(e);
        }
        return notes;
    }

    @Test
    void aFullLinkParksNotesInOrderAndRetryMovesThemOn() {
        NoteLink link = new NoteLink(4);
        NoteOutbox outbox = new NoteOutbox(link, new NoteOverflow(16));
        for (int n = 1; n <= 10; n++) {
            outbox.noteOn(0, n, 1f, 0f, 0f, 0.5f);
        }
        outbox.noteOff(0, 1, 0f);
        assertEquals(7, outbox.waiting());
        assertEquals(List.of(1, 2, 3, 4), drain(link));
        outbox.noteOn(0, 11, 1f, 0f, 0f, 0.5f);
        assertEquals(8, outbox.waiting(), "new notes queue behind waiting ones");
        outbox.retry();
        assertEquals(List.of(5, 6, 7, 8), drain(link));
        outbox.retry();
        assertEquals(List.of(9, 10, -1, 11), drain(link));
        assertEquals(0, outbox.waiting());
        assertEquals(0, outbox.lost());
    }

    @Test
    void onlyWhenLinkAndOverflowAreFullIsANoteLost() {
        NoteLink link = new NoteLink(2);
        NoteOutbox outbox = new NoteOutbox(link, new NoteOverflow(3));
        for (int n = 0; n < 7; n++) {
            outbox.noteOff(1, n, 0f);
        }
        assertEquals(2, outbox.lost());
        assertEquals(3, outbox.waiting());
    }
}
