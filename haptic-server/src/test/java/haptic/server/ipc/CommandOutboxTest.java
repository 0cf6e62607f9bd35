package haptic.server.ipc;

import haptic.server.link.CommandLink;
import haptic.server.link.EngineCommand;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandOutboxTest {
    @Test
    void commandsWaitingInTheBacklogAreNeverOvertaken() {
        CommandLink link = new CommandLink(2);
        CommandOutbox outbox = new CommandOutbox(link, 2);
        for (int note = 0; note < 3; note++) {
            outbox.submit(outbox.draft().noteOn(0, 0, note, 1f, 0f, 0f, 0f));
        }
        assertTrue(outbox.hasBacklog());
        List<Integer> applied = new ArrayList<>();
        applyOne(link, applied); // the link now has room, but note 2 still waits in the backlog
        outbox.submit(outbox.draft().noteOff(0, 0, 3));
        applyAll(link, applied);
        assertEquals(List.of(0, 1), applied, "note 3 did not jump ahead into the free link entry");
        outbox.drain();
        applyAll(link, applied);
        outbox.drain();
        applyAll(link, applied);
        assertEquals(List.of(0, 1, 2, 3), applied);
        assertFalse(outbox.hasBacklog());
    }

    @Test
    void frameAdmissionKeepsRoomForEveryPossibleRelease() {
        int slots = 3;
        CommandLink link = new CommandLink(1);
        CommandOutbox outbox = new CommandOutbox(link, slots);
        outbox.submit(outbox.draft().panic()); // fills the link; everything else waits
        int frames = 0;
        while (outbox.canTakeFrame()) {
            // Worst case: every admitted frame is a Hello producing the most commands a frame can.
            for (int i = 0; i < CommandOutbox.MAX_COMMANDS_PER_FRAME; i++) {
                outbox.submit(outbox.draft().noteOn(0, 0, 0, 1f, 0f, 0f, 0f));
            }
            frames++;
        }
        assertTrue(frames > 0);
        assertTrue(outbox.backlogFree() >= slots, "a release per slot still fits: " + outbox.backlogFree());
        for (int s = 0; s < slots; s++) {
            outbox.submit(outbox.draft().releaseInstance(s));
        }
    }

    @Test
    void draftIsStampedWithArrivalTime() {
        CommandOutbox outbox = new CommandOutbox(new CommandLink(4), 1);
        long before = System.nanoTime();
        EngineCommand d = outbox.draft();
        assertTrue(d.arrivalNanos >= before && d.arrivalNanos <= System.nanoTime());
    }

    private static void applyOne(CommandLink link, List<Integer> applied) {
        EngineCommand c = link.poll();
        applied.add(c.note);
        link.recycle(c);
    }

    private static void applyAll(CommandLink link, List<Integer> applied) {
        EngineCommand c;
        while ((c = link.poll()) != null) {
            applied.add(c.note);
            link.recycle(c);
        }
    }
}
