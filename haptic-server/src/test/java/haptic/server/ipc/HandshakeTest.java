package haptic.server.ipc;

import haptic.protocol.Hello;
import haptic.protocol.HelloAccepted;
import haptic.protocol.HelloRejected;
import haptic.protocol.InstanceConfig;
import haptic.protocol.Param;
import haptic.protocol.Protocol;
import haptic.protocol.Role;
import haptic.server.link.CommandLink;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Rejections the wire decoder already prevents, checked here against records built directly. */
class HandshakeTest {
    private final CommandLink link = new CommandLink(64);
    private final InstanceSlots slots = new InstanceSlots(2);
    private final List<Object> replies = new ArrayList<>();
    private final Handshake handshake = new Handshake(slots, new CommandOutbox(link, 2), RunningServer.INFO,
            (c, m) -> replies.add(m), line -> { });

    @Test
    void unknownParameterIdInConfigIsRejectedWithoutTouchingTheEngine() {
        ClientConnection c = connection();
        InstanceConfig config = new InstanceConfig("x", new int[] {Param.GAIN.id(), 99}, new float[] {1f, 1f});
        String reason = handshake.admit(c, new Hello(Protocol.VERSION, Role.CONTROLLER, "a", config));
        assertEquals("rejected: instance config names unknown parameter id 99", reason);
        assertEquals(new HelloRejected("instance config names unknown parameter id 99"), replies.get(0));
        assertEquals(0, link.pending());
        assertEquals(0, slots.inUse());
    }

    @Test
    void mismatchedConfigArraysAreRejected() {
        InstanceConfig config = new InstanceConfig("x", new int[] {Param.GAIN.id()}, new float[0]);
        String reason = handshake.admit(connection(), new Hello(Protocol.VERSION, Role.CONTROLLER, "a", config));
        assertEquals("rejected: instance config has 1 parameter ids but 0 values", reason);
        assertEquals(0, link.pending());
    }

    @Test
    void anonymousControllersNeverCollide() {
        for (int i = 0; i < 2; i++) {
            assertNull(handshake.admit(connection(), new Hello(Protocol.VERSION, Role.CONTROLLER, "", InstanceConfig.EMPTY)));
            assertEquals(i, assertInstanceOf(HelloAccepted.class, replies.get(i)).slot());
        }
    }

    @Test
    void overlongReasonsAreShortenedToAProtocolString() {
        String id = "x".repeat(Protocol.MAX_STRING_CHARS);
        handshake.admit(connection(), new Hello(Protocol.VERSION, Role.CONTROLLER, id, InstanceConfig.EMPTY));
        String reason = handshake.admit(connection(), new Hello(Protocol.VERSION, Role.CONTROLLER, id, InstanceConfig.EMPTY));
        assertEquals("rejected: instance id " + id + " is already connected", reason);
        String sent = assertInstanceOf(HelloRejected.class, replies.get(1)).reason();
        assertEquals(Protocol.MAX_STRING_CHARS, sent.length());
        assertEquals(("instance id " + id).substring(0, Protocol.MAX_STRING_CHARS - 3) + "...", sent);
    }

    private static ClientConnection connection() {
        return new ClientConnection(1, null, null, 16, 1024);
    }
}
