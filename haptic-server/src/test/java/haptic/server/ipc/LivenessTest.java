package haptic.server.ipc;

import haptic.protocol.FrameEncoder;
import haptic.server.link.CommandLink;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LivenessTest {
    private static final long HELLO_TIMEOUT = 1_000;
    private static final long WRITE_TIMEOUT = 500;

    private final List<String> log = new ArrayList<>();
    private final Retirement retirement = new Retirement(new CommandOutbox(new CommandLink(8), 2), new InstanceSlots(2),
            log::add);
    private final Liveness liveness = new Liveness(HELLO_TIMEOUT, WRITE_TIMEOUT,
            new Outgoing(new FrameEncoder(), retirement), retirement);

    @Test
    void silentConnectionIsToldAndRetiredOnlyAfterTheHelloTimeout() {
        ClientConnection c = connection();
        liveness.checkHello(c, c.connectedNanos() + HELLO_TIMEOUT, false);
        assertFalse(c.retired(), "not at the timeout itself");
        liveness.checkHello(c, c.connectedNanos() + HELLO_TIMEOUT + 1, false);
        assertTrue(c.retired());
        assertTrue(c.hasOutput(), "the ErrorReply waits to be flushed");
        assertEquals(List.of("client#1 closed: no Hello within 0 ms"), log);
    }

    @Test
    void noHelloTimeoutWhileReadsArePausedOrAfterTheHandshake() {
        ClientConnection paused = connection();
        liveness.checkHello(paused, paused.connectedNanos() + 10 * HELLO_TIMEOUT, true);
        assertFalse(paused.retired(), "its Hello may be waiting in the socket");
        ClientConnection observer = connection();
        observer.admitObserver();
        liveness.checkHello(observer, observer.connectedNanos() + 10 * HELLO_TIMEOUT, false);
        assertFalse(observer.retired());
    }

    @Test
    void outputNotTakenForTheWriteTimeoutIsDroppedWithTheClient() {
        ClientConnection c = connection();
        c.admitObserver();
        c.enqueue(new byte[10], 5);
        liveness.checkWriteProgress(c, 5 + WRITE_TIMEOUT);
        assertFalse(c.retired());
        liveness.checkWriteProgress(c, 5 + WRITE_TIMEOUT + 1);
        assertTrue(c.retired());
        assertFalse(c.hasOutput());
        assertEquals(List.of("client#1 (observer) closed: write timeout (10 bytes not taken for 0 ms)"), log);
    }

    @Test
    void noWriteTimeoutWithoutPendingOutput() {
        ClientConnection c = connection();
        liveness.checkWriteProgress(c, Long.MAX_VALUE / 2);
        assertFalse(c.retired());
    }

    private static ClientConnection connection() {
        return new ClientConnection(1, null, null, 16, 1024);
    }
}
