package haptic.plugin;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoteOutboxTest {
    private static List<Integer> drain(NoteLink link) {
        List<Integer> notes = new ArrayList<>();
        NoteEvent e;
        while ((e = link.poll()) != null) {
            if (e.kind != NoteEvent.EXPRESSION) {
                notes.add(e.kind == NoteEvent.ON ? e.note : -e.note);
            }
            link.recycle(e);
        }
        return notes;
    }

    @Test
    void aFullLinkParksNotesInOrderAndRetryMovesThemOn() {
        NoteLink link = new NoteLink(4);
        NoteOutbox outbox = new NoteOutbox(link, new NoteOverflow(16), new EventTimes(), new ExpressionSlots());
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
        NoteOutbox outbox = new NoteOutbox(link, new NoteOverflow(3), new EventTimes(), new ExpressionSlots());
        for (int n = 0; n < 7; n++) {
            outbox.noteOff(1, n, 0f);
        }
        assertEquals(2, outbox.lost());
        assertEquals(3, outbox.waiting());
    }

    @Test
    void aBendRampInsideOneLongBlockArrivesAsOnePointPerMillisecond() {
        NoteLink link = new NoteLink(256);
        EventTimes times = new EventTimes();
        ExpressionSlots slots = new ExpressionSlots();
        NoteOutbox outbox = new NoteOutbox(link, new NoteOverflow(16), times, slots);
        times.restart(48000);
        long blockStart = 1_000_000_000L;
        times.begin(0, 0L, 0L);
        // A 2048-frame block (42.7 ms) with a bend point on every 8th frame: 256 host points.
        for (int f = 0; f < 2048; f += 8) {
            times.stamp(f);
            outbox.expression(3, 0f, f / 2048f, 0.5f);
        }
        outbox.endBlock();
        times.end(2048);
        List<long[]> points = new ArrayList<>();
        NoteEvent e;
        while ((e = link.poll()) != null) {
            assertEquals(NoteEvent.EXPRESSION, e.kind);
            points.add(new long[] {e.nanos, Float.floatToIntBits(e.bend)});
            link.recycle(e);
        }
        // One point per millisecond bucket the block touches (43 or 44), each the last value of its bucket.
        assertTrue(points.size() >= 43 && points.size() <= 44, "points: " + points.size());
        for (int i = 1; i < points.size(); i++) {
            long gap = points.get(i)[0] - points.get(i - 1)[0];
            assertTrue(gap > 0 && gap <= 1_200_000L, "points at most a millisecond apart: " + gap + " ns");
            float step = Float.intBitsToFloat((int) points.get(i)[1]) - Float.intBitsToFloat((int) points.get(i - 1)[1]);
            assertTrue(step > 0f && step < 0.03f, "a ramp, not a step: " + step);
        }
        assertEquals(2040f / 2048f, Float.intBitsToFloat((int) points.get(points.size() - 1)[1]), 1e-6f,
                "the block's last value goes out at its end");
        assertEquals(0L, slots.drops(3));
    }

    @Test
    void pointsThatFindTheLinkFullMarkTheSlotInsteadOfDisplacingNotes() {
        NoteLink link = new NoteLink(2);
        EventTimes times = new EventTimes();
        ExpressionSlots slots = new ExpressionSlots();
        NoteOutbox outbox = new NoteOutbox(link, new NoteOverflow(4), times, slots);
        times.begin(0, 0L, 0L);
        outbox.noteOn(0, 60, 1f, 0f, 0f, 0.5f);
        outbox.noteOn(0, 61, 1f, 0f, 0f, 0.5f);
        outbox.expression(0, 0.5f, 0.25f, 0.5f);
        outbox.endBlock();
        assertEquals(1L, slots.drops(0), "the point was coalesced into the slot");
        assertEquals(0, outbox.waiting(), "and did not take an overflow entry");
    }

    @Test
    void eventsAreStampedWithTheirSampleOffset() {
        NoteLink link = new NoteLink(8);
        EventTimes times = new EventTimes();
        NoteOutbox outbox = new NoteOutbox(link, new NoteOverflow(4), times, new ExpressionSlots());
        times.restart(48000);
        times.begin(0, 0L, 0L);
        times.stamp(0);
        outbox.noteOn(0, 60, 1f, 0f, 0f, 0.5f);
        times.stamp(480);
        outbox.noteOff(0, 60, 0f);
        NoteEvent on = link.poll();
        NoteEvent off = link.poll();
        assertEquals(10_000_000L, off.nanos - on.nanos, 1, "480 frames at 48 kHz = 10 ms");
    }
}
