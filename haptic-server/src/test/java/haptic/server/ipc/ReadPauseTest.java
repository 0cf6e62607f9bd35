package haptic.server.ipc;

import haptic.server.link.CommandLink;
import haptic.server.link.EngineCommand;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadPauseTest {
    private final CommandLink link = new CommandLink(1);
    private final CommandOutbox outbox = new CommandOutbox(link, 1);
    private final List<String> log = new ArrayList<>();
    private final ReadPause pause = new ReadPause(outbox, log::add);

    @Test
    void pausesWhenTheBacklogIsNearlyFullAndResumesOnlyOnceItIsHalfEmpty() {
        int capacity = outbox.backlogCapacity();
        outbox.submit(outbox.draft().panic()); // fills the link: everything after this waits
        fillBacklogTo(capacity - capacity / 8);
        assertFalse(pause.adjust(), "exactly an eighth free is not yet behind");
        outbox.submit(outbox.draft().panic());
        assertTrue(pause.adjust());
        assertTrue(pause.paused());
        assertFalse(pause.adjust(), "stays paused without logging again");

        applyUntilFree(capacity / 2);
        assertFalse(pause.adjust(), "half free is not yet caught up");
        assertTrue(pause.paused());
        applyUntilFree(capacity / 2 + 1);
        assertTrue(pause.adjust());
        assertFalse(pause.paused());
        assertEquals(2, log.size());
        assertTrue(log.get(0).endsWith("pausing client reads"), log.get(0));
        assertEquals("ipc: engine caught up; resuming client reads", log.get(1));
    }

    private void fillBacklogTo(int size) {
        while (outbox.backlogSize() < size) {
            outbox.submit(outbox.draft().panic());
        }
    }

    /** Plays the audio thread, one command at a time. */
    private void applyUntilFree(int free) {
        while (outbox.backlogFree() < free) {
            EngineCommand c = link.poll();
            if (c != null) {
                link.recycle(c);
            }
            outbox.drain();
        }
    }
}
