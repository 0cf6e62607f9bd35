package haptic.server.reliability;

import haptic.server.ipc.RawClient;
import haptic.client.HapticClient;
import haptic.protocol.ErrorReply;
import haptic.protocol.InstanceConfig;
import haptic.protocol.Ping;
import haptic.protocol.Pong;
import haptic.protocol.Role;
import haptic.server.ipc.IpcServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Connections that never say anything cannot crowd out the instrument: past a fixed number the server turns
 * new ones away at once, and one that has not said Hello in time is closed, so the room comes back.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileConnectionFloodTest {
    @TempDir
    Path dir;

    @Test
    void silentConnectionsAreCappedThenTimedOut() throws Exception {
        List<RawClient> silent = new ArrayList<>();
        try (StuckServer s = StuckServer.start(dir);
             // A controller: it gets no telemetry, so it may go unread while the test watches the others.
             HapticClient witness = HapticClient.connect(s.socket(), Role.CONTROLLER, "witness",
                     InstanceConfig.EMPTY, RawClient.WAIT)) {
            long floodStart = System.nanoTime();
            for (int i = 1; i < IpcServer.MAX_CLIENTS; i++) {
                silent.add(RawClient.connect(s.socket()));
            }
            s.awaitLine("client#" + IpcServer.MAX_CLIENTS + " connected", Duration.ofSeconds(30));

            try (RawClient oneTooMany = RawClient.connect(s.socket())) {
                ErrorReply refusal = oneTooMany.expect(ErrorReply.class);
                assertEquals("too many connections (" + IpcServer.MAX_CLIENTS + " open)", refusal.reason());
                assertTrue(oneTooMany.awaitClosed(RawClient.WAIT), "turned away at once");
            }
            assertEquals(1, s.server.ipc().refusedConnections());
            assertTrue(s.lines("client#" + (IpcServer.MAX_CLIENTS + 1) + " ").isEmpty(),
                    "the refused one never became a client");
            assertServing(witness);

            // No Hello in time: each silent connection is told so and closed; the witness, which said Hello, stays.
            String timeout = "no Hello within " + TimeUnit.NANOSECONDS.toMillis(IpcServer.HELLO_TIMEOUT_NANOS) + " ms";
            for (RawClient c : silent) {
                assertEquals(timeout, c.expect(ErrorReply.class).reason());
                assertTrue(c.awaitClosed(RawClient.WAIT));
            }
            long closedAll = System.nanoTime();
            assertTrue(closedAll - floodStart >= IpcServer.HELLO_TIMEOUT_NANOS, "not before the timeout");
            assertEquals(IpcServer.MAX_CLIENTS - 1, s.lines("closed: " + timeout).size(), s.text());
            assertServing(witness);
            assertEquals(1, s.server.ipc().controllers());

            try (HapticClient player = HapticClient.connect(s.socket(), Role.CONTROLLER, "after-the-flood",
                    InstanceConfig.EMPTY, RawClient.WAIT)) {
                assertEquals(1, player.accepted().slot(), "room again once the silent ones are gone");
                assertServing(player);
            }
            System.out.printf("flood: %d silent connections held the server full; the next was turned away; all "
                    + "were closed %.1f s after the flood began (Hello timeout %d ms)%n", IpcServer.MAX_CLIENTS - 1,
                    (closedAll - floodStart) / 1e9, TimeUnit.NANOSECONDS.toMillis(IpcServer.HELLO_TIMEOUT_NANOS));
        } finally {
            for (RawClient c : silent) {
                c.close();
            }
        }
    }

    private static void assertServing(HapticClient c) throws IOException {
        long nonce = System.nanoTime();
        c.send(new Ping(nonce, nonce));
        Pong pong = c.receive(Pong.class, RawClient.WAIT);
        assertTrue(pong != null && pong.nonce() == nonce, "Pong for the Ping");
    }
}
