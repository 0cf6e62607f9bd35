package haptic.server.ipc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientConnectionTest {
    @Test
    void outputGrowsOnDemandButNeverPastItsLimit() {
        int limit = 100_000;
        ClientConnection c = new ClientConnection(1, null, null, 16, limit);
        byte[] frame = new byte[7_000];
        int queued = 0;
        while (c.enqueue(frame, 0)) {
            queued += frame.length;
        }
        assertEquals(limit / frame.length * frame.length, queued);
        assertEquals(queued, c.pendingOutput());
        assertTrue(c.enqueue(new byte[limit - queued], 0), "exactly up to the limit fits");
        assertFalse(c.enqueue(new byte[1], 0));
        assertEquals(limit, c.pendingOutput());
    }

    @Test
    void writeClockStartsWhenOutputBecomesPending() {
        ClientConnection c = new ClientConnection(1, null, null, 16, 1024);
        c.enqueue(new byte[10], 5);
        c.enqueue(new byte[10], 9);
        assertEquals(5, c.lastWriteProgressNanos(), "only the first pending byte starts the clock");
        c.discardOutput();
        assertFalse(c.hasOutput());
    }
}
