package haptic.server.ipc;

import haptic.server.link.CommandLink;
import haptic.server.link.EngineCommand;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetirementTest {
    private final CommandLink link = new CommandLink(8);
    private final InstanceSlots slots = new InstanceSlots(2);
    private final List<String> log = new ArrayList<>();
    private final Retirement retirement = new Retirement(new CommandOutbox(link, 2), slots, log::add);

    @Test
    void controllerReleasesItsVoicesAndSlotOnceAndKeepsItsFirstReason() {
        ClientConnection c = new ClientConnection(3, null, null, 16, 1024);
        int slot = slots.claim("a");
        c.admitController(slot, "a");
        retirement.retire(c, "disconnected");
        retirement.retire(c, "write failed: later");
        assertTrue(c.retired());
        assertEquals(0, slots.inUse());
        EngineCommand release = link.poll();
        assertEquals(EngineCommand.RELEASE_INSTANCE, release.type);
        assertEquals(slot, release.instance);
        link.recycle(release);
        assertNull(link.poll(), "released once");
        assertEquals(List.of("client#3 (controller 'a' slot 0) closed: disconnected"), log);
        assertFalse(c.closed(), "the socket closes only once the final output is out");
    }

    @Test
    void observerSaysHowMuchTelemetryItMissed() {
        ClientConnection c = new ClientConnection(4, null, null, 16, 1024);
        c.admitObserver();
        c.skipTelemetry();
        c.skipTelemetry();
        retirement.retire(c, "disconnected");
        assertEquals(List.of("client#4 (observer) closed: disconnected; 2 telemetry snapshots skipped"), log);
        assertEquals(0, link.pending());
    }
}
