package haptic.server.ipc;

import haptic.protocol.ErrorReply;
import haptic.protocol.Hello;
import haptic.protocol.HelloAccepted;
import haptic.protocol.HelloRejected;
import haptic.protocol.InstanceConfig;
import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.Panic;
import haptic.protocol.Param;
import haptic.protocol.ParameterChange;
import haptic.protocol.Ping;
import haptic.protocol.Pong;
import haptic.protocol.Protocol;
import haptic.protocol.Role;
import haptic.protocol.TestPulse;
import haptic.server.ipc.EngineSide.Cmd;
import haptic.server.link.EngineCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpcHandshakeTest {
    @TempDir
    Path dir;
    RunningServer s;

    @BeforeEach
    void start() throws IOException {
        s = RunningServer.start(dir, 1024, 2);
    }

    @AfterEach
    void stop() {
        s.close();
    }

    @Test
    void commandBeforeHelloIsRefusedAndClosed() throws IOException {
        try (RawClient c = RawClient.connect(s.socket)) {
            c.send(new NoteOn(0, 60, 1f, 0f, 0f, 0f));
            assertEquals("expected Hello before NoteOn", c.expect(ErrorReply.class).reason());
            assertTrue(c.awaitClosed());
        }
        s.engine.drain();
        assertEquals(List.of(), s.engine.received());
        s.awaitLog("client#1 closed: expected Hello before NoteOn");
    }

    @Test
    void versionMismatchIsRejected() throws IOException {
        int other = Protocol.VERSION + 1;
        try (RawClient c = RawClient.connect(s.socket)) {
            c.send(new Hello(other, Role.CONTROLLER, "plug-a", InstanceConfig.EMPTY));
            assertEquals("protocol version " + other + " not supported; server speaks " + Protocol.VERSION,
                    c.expect(HelloRejected.class).reason());
            assertTrue(c.awaitClosed());
        }
        s.engine.drain();
        assertEquals(List.of(), s.engine.received());
        assertEquals(0, s.server.controllers());
    }

    @Test
    void controllerIsResetThenGetsItsConfigReplayedBeforeAcceptance() throws IOException {
        float farTooFast = Param.WAVE_SPEED.max() * 3;
        InstanceConfig config = new InstanceConfig("left hand",
                new int[] {Param.GAIN.id(), Param.WAVE_SPEED.id(), Param.MASTER_GAIN.id(), Param.GAIN.id()},
                new float[] {0.5f, farTooFast, 0.1f, 0.7f});
        try (RawClient c = RawClient.connect(s.socket)) {
            c.send(new Hello(Protocol.VERSION, Role.CONTROLLER, "plug-a", config));
            HelloAccepted a = c.expect(HelloAccepted.class);
            assertEquals(new HelloAccepted(Protocol.VERSION, "test-0.1", 0, "headless", 48000f, 256,
                    RunningServer.LAYOUT), a);
            s.engine.drain();
            List<Cmd> got = s.engine.received();
            // MASTER_GAIN is server-wide: one instance's saved state must not change it.
            assertEquals(3, got.size(), got.toString());
            assertEquals(EngineCommand.RESET_INSTANCE, got.get(0).type());
            assertEquals(0, got.get(0).instance());
            // Last value wins per parameter; values are clamped into the parameter's range.
            assertTrue(got.contains(paramCmd(got, Param.GAIN)));
            assertEquals(0.7f, paramCmd(got, Param.GAIN).value());
            assertEquals(Param.WAVE_SPEED.max(), paramCmd(got, Param.WAVE_SPEED).value());
            for (Cmd p : got.subList(1, 3)) {
                assertEquals(EngineCommand.PARAMETER, p.type());
                assertEquals(0, p.instance());
            }
            RunningServer.await(() -> s.server.controllers() == 1, "one controller");
        }
    }

    @Test
    void observerGetsNoSlotAndNoEngineCommands() throws IOException {
        try (RawClient o = RawClient.connect(s.socket)) {
            o.send(new Hello(Protocol.VERSION, Role.OBSERVER, "", InstanceConfig.EMPTY));
            assertEquals(-1, o.expect(HelloAccepted.class).slot());
            RunningServer.await(() -> s.server.observers() == 1, "one observer");
            assertEquals(0, s.server.controllers());
        }
        RunningServer.await(() -> s.server.observers() == 0, "observer gone");
        s.engine.drain();
        assertEquals(List.of(), s.engine.received());
    }

    @Test
    void duplicateLiveInstanceIdIsRejectedUntilTheFirstDisconnects() throws IOException {
        RawClient first = RawClient.controller(s.socket, "plug-a");
        try (RawClient twin = RawClient.connect(s.socket)) {
            twin.send(new Hello(Protocol.VERSION, Role.CONTROLLER, "plug-a", InstanceConfig.EMPTY));
            assertEquals("instance id plug-a is already connected", twin.expect(HelloRejected.class).reason());
            assertTrue(twin.awaitClosed());
        }
        first.close();
        s.engine.awaitUntil(cmds -> EngineSide.count(cmds, EngineCommand.RELEASE_INSTANCE) == 1, RawClient.WAIT);
        try (RawClient again = RawClient.connect(s.socket)) {
            again.send(new Hello(Protocol.VERSION, Role.CONTROLLER, "plug-a", InstanceConfig.EMPTY));
            assertEquals(0, again.expect(HelloAccepted.class).slot());
        }
        assertEquals(1, s.logLines("rejected: instance id plug-a is already connected").size());
    }

    @Test
    void disconnectingControllerReleasesItsSlot() throws IOException {
        RawClient a = RawClient.controller(s.socket, "plug-a");
        RawClient b = RawClient.controller(s.socket, "plug-b");
        b.close();
        List<Cmd> got = s.engine.awaitUntil(
                cmds -> EngineSide.count(cmds, EngineCommand.RELEASE_INSTANCE) == 1, RawClient.WAIT);
        Cmd release = got.stream().filter(c -> c.type() == EngineCommand.RELEASE_INSTANCE).findFirst().orElseThrow();
        assertEquals(1, release.instance());
        s.awaitLog("(controller 'plug-b' slot 1) closed: disconnected");
        RunningServer.await(() -> s.server.controllers() == 1, "one controller left");
        a.close();
    }

    @Test
    void noFreeSlotIsRejected() throws IOException {
        try (RawClient a = RawClient.controller(s.socket, "a");
             RawClient b = RawClient.controller(s.socket, "b");
             RawClient c = RawClient.connect(s.socket)) {
            c.send(new Hello(Protocol.VERSION, Role.CONTROLLER, "c", InstanceConfig.EMPTY));
            assertTrue(c.expect(HelloRejected.class).reason().startsWith("no free instance slot"));
            assertTrue(c.awaitClosed());
            a.send(new Ping(1, 2));
            assertEquals(1, a.expect(Pong.class).nonce());
            b.send(new Ping(3, 4));
            assertEquals(3, b.expect(Pong.class).nonce());
        }
    }

    @Test
    void controllerMessagesBecomeEngineCommandsForItsSlot() throws IOException {
        try (RawClient other = RawClient.controller(s.socket, "first");
             RawClient c = RawClient.controller(s.socket, "second")) {
            other.send(new Ping(0, 0));
            other.expect(Pong.class);
            s.engine.drain();
            int before = s.engine.received().size();
            long t0 = System.nanoTime();
            c.send(new NoteOn(3, 64, 0.8f, 0.1f, -0.5f, 0.25f));
            c.send(new MpeUpdate(3, 0.4f, 0.2f, 0.3f));
            c.send(new NoteOff(3, 64, 0.6f));
            c.send(new ParameterChange(Param.GAIN.id(), 7f));
            c.send(new TestPulse(5, 0.5f, 0.1f));
            c.send(new Panic());
            c.send(new Ping(42, 1234));
            Pong pong = c.expect(Pong.class);
            long t1 = System.nanoTime();
            assertEquals(42, pong.nonce());
            assertEquals(1234, pong.clientNanos());
            assertTrue(pong.serverNanos() >= t0 && pong.serverNanos() <= t1);

            s.engine.drain();
            List<Cmd> got = s.engine.received().subList(before, s.engine.received().size());
            assertEquals(6, got.size(), got.toString());
            Cmd on = got.get(0);
            assertEquals(List.of(EngineCommand.NOTE_ON, 1, 3, 64), List.of(on.type(), on.instance(), on.channel(), on.note()));
            assertEquals(List.of(0.8f, 0.1f, -0.5f, 0.25f), List.of(on.velocity(), on.pressure(), on.bend(), on.timbre()));
            Cmd mpe = got.get(1);
            assertEquals(List.of(EngineCommand.EXPRESSION, 1, 3), List.of(mpe.type(), mpe.instance(), mpe.channel()));
            assertEquals(List.of(0.4f, 0.2f, 0.3f), List.of(mpe.pressure(), mpe.bend(), mpe.timbre()));
            Cmd off = got.get(2);
            assertEquals(List.of(EngineCommand.NOTE_OFF, 1, 3, 64), List.of(off.type(), off.instance(), off.channel(), off.note()));
            assertEquals(0.6f, off.velocity());
            Cmd gain = got.get(3);
            assertEquals(EngineCommand.PARAMETER, gain.type());
            assertEquals(Param.GAIN, gain.param());
            assertEquals(Param.GAIN.clamp(7f), gain.value());
            assertEquals(1, gain.instance());
            Cmd pulse = got.get(4);
            assertEquals(List.of(EngineCommand.TEST_PULSE, 5), List.of(pulse.type(), pulse.transducer()));
            assertEquals(List.of(0.5f, 0.1f), List.of(pulse.value(), pulse.seconds()));
            assertEquals(EngineCommand.PANIC, got.get(5).type());
            for (Cmd cmd : got) {
                assertTrue(cmd.arrivalNanos() >= t0 && cmd.arrivalNanos() <= t1, "arrival stamped on receipt");
            }
        }
    }

    @Test
    void observerMayPingPanicPulseAndSetMasterGainOnly() throws IOException {
        try (RawClient o = RawClient.observer(s.socket)) {
            o.send(new ParameterChange(Param.MASTER_GAIN.id(), 0.5f));
            o.send(new Panic());
            o.send(new TestPulse(31, 0.2f, 0.5f));
            o.send(new Ping(7, 8));
            assertEquals(7, o.expect(Pong.class).nonce());
            s.engine.drain();
            List<Cmd> got = s.engine.received();
            // MASTER_GAIN is server-wide: one instance's saved state must not change it.
            assertEquals(3, got.size(), got.toString());
            assertEquals(List.of(EngineCommand.PARAMETER, -1), List.of(got.get(0).type(), got.get(0).instance()));
            assertEquals(Param.MASTER_GAIN, got.get(0).param());
            assertEquals(0.5f, got.get(0).value());
            assertEquals(EngineCommand.PANIC, got.get(1).type());
            assertEquals(List.of(EngineCommand.TEST_PULSE, 31), List.of(got.get(2).type(), got.get(2).transducer()));

            o.send(new ParameterChange(Param.GAIN.id(), 0.5f));
            assertEquals("an observer may only change MASTER_GAIN, not GAIN", o.expect(ErrorReply.class).reason());
            assertTrue(o.awaitClosed());
        }
        try (RawClient o = RawClient.observer(s.socket)) {
            o.send(new NoteOn(0, 60, 1f, 0f, 0f, 0f));
            assertEquals("an observer may not send NoteOn", o.expect(ErrorReply.class).reason());
            assertTrue(o.awaitClosed());
        }
        s.engine.drain();
        assertEquals(3, s.engine.received().size(), "refused requests reach no engine");
    }

    @Test
    void secondHelloClosesAndReleases() throws IOException {
        try (RawClient c = RawClient.controller(s.socket, "plug-a")) {
            c.send(new Hello(Protocol.VERSION, Role.CONTROLLER, "plug-a", InstanceConfig.EMPTY));
            assertEquals("unexpected second Hello", c.expect(ErrorReply.class).reason());
            assertTrue(c.awaitClosed());
        }
        s.engine.awaitUntil(cmds -> EngineSide.count(cmds, EngineCommand.RELEASE_INSTANCE) == 1, RawClient.WAIT);
    }

    @Test
    void testPulseOutsideTheLayoutIsRefused() throws IOException {
        try (RawClient c = RawClient.controller(s.socket, "plug-a")) {
            c.send(new TestPulse(RunningServer.TRANSDUCERS, 0.5f, 0.1f));
            assertEquals("TestPulse transducer " + RunningServer.TRANSDUCERS + " is outside 0.."
                    + (RunningServer.TRANSDUCERS - 1), c.expect(ErrorReply.class).reason());
            assertTrue(c.awaitClosed());
        }
        s.engine.awaitUntil(cmds -> EngineSide.count(cmds, EngineCommand.RELEASE_INSTANCE) == 1, RawClient.WAIT);
        assertEquals(0, EngineSide.count(s.engine.received(), EngineCommand.TEST_PULSE));
    }

    private static Cmd paramCmd(List<Cmd> cmds, Param p) {
        return cmds.stream().filter(c -> c.type() == EngineCommand.PARAMETER && c.param() == p).findFirst()
                .orElseThrow(() -> new AssertionError("no PARAMETER for " + p + " in " + cmds));
    }
}
