package haptic.server.ipc;

import haptic.protocol.ErrorReply;
import haptic.protocol.FrameDecoder;
import haptic.protocol.FrameEncoder;
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
import haptic.protocol.ProtocolException;
import haptic.protocol.Role;
import haptic.protocol.TestPulse;
import haptic.server.ipc.EngineSide.Cmd;
import haptic.server.link.EngineCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpcRobustnessTest {
    @TempDir
    Path dir;

    @Test
    void garbageClosesOnlyThatConnection() throws IOException {
        byte[] garbage = new byte[64];
        new Random(1).nextBytes(garbage);
        garbage[0] = 0; // a plausible length so the decoder reads a payload and rejects its content
        garbage[1] = 0;
        garbage[2] = 0;
        garbage[3] = 20;
        assertBadInputIsContained(garbage, decoderVerdict(garbage));
    }

    @Test
    void oversizedLengthPrefixClosesOnlyThatConnection() throws IOException {
        byte[] prefix = ByteBuffer.allocate(4).putInt(Protocol.MAX_FRAME + 1).array();
        assertBadInputIsContained(prefix, "frame length " + (Protocol.MAX_FRAME + 1));
    }

    @Test
    void unknownMessageIdClosesOnlyThatConnection() throws IOException {
        // Payload: varint message id 99 + 2 (Kryo's offset for registered ids), then junk.
        byte[] frame = {0, 0, 0, 3, (byte) 101, 1, 2};
        assertBadInputIsContained(frame, "unknown message id 99");
    }

    @Test
    void frameWithTrailingBytesClosesOnlyThatConnection() throws IOException {
        byte[] ping = new FrameEncoder().encode(new Ping(1, 2));
        byte[] padded = Arrays.copyOf(ping, ping.length + 3);
        ByteBuffer.wrap(padded).putInt(ping.length - 4 + 3);
        assertBadInputIsContained(padded, "trailing bytes");
    }

    /** A controller sends {@code bad}; it gets an ErrorReply and is closed and released; a bystander keeps playing. */
    private void assertBadInputIsContained(byte[] bad, String reasonFragment) throws IOException {
        try (RunningServer s = RunningServer.start(dir);
             RawClient bystander = RawClient.controller(s.socket, "bystander");
             RawClient culprit = RawClient.controller(s.socket, "culprit")) {
            culprit.send(new NoteOn(1, 60, 1f, 0f, 0f, 0f));
            culprit.sendRaw(bad);
            ErrorReply error = culprit.expect(ErrorReply.class);
            assertTrue(error.reason().contains(reasonFragment), error.reason());
            assertEquals(decoderVerdict(bad), error.reason(), "the reply carries the decoder's reason");
            assertTrue(culprit.awaitClosed());

            bystander.send(new NoteOn(2, 61, 0.5f, 0f, 0f, 0f));
            List<Cmd> got = s.engine.awaitUntil(cmds -> cmds.stream().anyMatch(
                    c -> c.type() == EngineCommand.NOTE_ON && c.note() == 61), RawClient.WAIT);
            Cmd release = got.stream().filter(c -> c.type() == EngineCommand.RELEASE_INSTANCE).findFirst()
                    .orElseThrow(() -> new AssertionError("culprit's slot not released: " + got));
            assertEquals(1, release.instance());
            assertTrue(got.stream().anyMatch(c -> c.type() == EngineCommand.NOTE_ON && c.note() == 60),
                    "frames before the bad one still count");
            assertEquals(1, s.server.controllers());
            assertTrue(s.logContains("(controller 'culprit' slot 1) closed: protocol error"), s.log.toString());
        }
    }

    /** What a fresh decoder says about {@code bytes}: the reason the server should pass on. */
    private static String decoderVerdict(byte[] bytes) {
        FrameDecoder d = new FrameDecoder();
        d.feed(ByteBuffer.wrap(bytes));
        try {
            while (d.next() != null) {
                // skip valid frames before the bad one
            }
        } catch (ProtocolException e) {
            return e.getMessage();
        }
        throw new AssertionError("bytes were not malformed: " + Arrays.toString(bytes));
    }

    @Test
    void fuzzedConnectionsLeaveTheServerServingAndEverySlotReleased() throws Exception {
        int slots = 8;
        int connections = 200;
        int framesPerConnection = 110;
        try (RunningServer s = RunningServer.start(dir, 256, slots)) {
            AtomicBoolean engineRunning = new AtomicBoolean(true);
            Thread audio = new Thread(() -> {
                while (engineRunning.get()) {
                    if (s.engine.drain() == 0) {
                        Thread.onSpinWait();
                    }
                }
            }, "fuzz-engine");
            audio.start();
            Random rnd = new Random(20240601);
            FrameEncoder encoder = new FrameEncoder();
            List<RawClient> open = new ArrayList<>();
            int sent = 0;
            try {
                for (int i = 0; i < connections; i++) {
                    RawClient c = RawClient.connect(s.socket);
                    if (rnd.nextInt(10) < 7) {
                        // Mostly a valid controller Hello, so the fuzz reaches post-handshake handling.
                        Role role = rnd.nextInt(4) == 0 ? Role.OBSERVER : Role.CONTROLLER;
                        c.send(new Hello(Protocol.VERSION, role, "fuzz-" + rnd.nextInt(12), InstanceConfig.EMPTY));
                        sent++;
                    }
                    for (int f = 0; f < framesPerConnection; f++) {
                        if (!trySend(c, fuzzFrame(rnd, encoder))) {
                            break; // the server already closed this one
                        }
                        sent++;
                    }
                    if (rnd.nextBoolean()) {
                        c.close();
                    } else {
                        open.add(c);
                    }
                    if (open.size() > 20) {
                        open.remove(rnd.nextInt(open.size())).close();
                    }
                }
            } finally {
                open.forEach(RawClient::close);
            }
            assertTrue(sent > connections * framesPerConnection / 2, "fuzz reached the server: " + sent);

            try (RawClient survivor = RawClient.observer(s.socket)) {
                survivor.send(new Ping(99, 100));
                assertEquals(99, survivor.expect(Pong.class).nonce());
            }
            RunningServer.await(() -> s.server.controllers() == 0, "every controller gone");
            // A release may still sit in the IPC thread's overflow when the count drops; it must arrive soon after.
            s.engine.awaitUntil(cmds -> EngineSide.count(cmds, EngineCommand.RESET_INSTANCE)
                    == EngineSide.count(cmds, EngineCommand.RELEASE_INSTANCE), java.time.Duration.ofSeconds(5));
            engineRunning.set(false);
            audio.join();
            s.engine.drain();

            List<Cmd> got = s.engine.received();
            Map<Integer, Integer> owned = new HashMap<>();
            int resets = 0;
            for (Cmd c : got) {
                if (c.type() == EngineCommand.RESET_INSTANCE) {
                    resets++;
                    assertEquals(null, owned.put(c.instance(), 1), "slot " + c.instance() + " reset while owned");
                } else if (c.type() == EngineCommand.RELEASE_INSTANCE) {
                    assertNotEquals(null, owned.remove(c.instance()), "slot " + c.instance() + " released twice");
                } else if (c.instance() >= 0 && c.type() != EngineCommand.PANIC && c.type() != EngineCommand.TEST_PULSE
                        && c.param() != Param.MASTER_GAIN) {
                    assertTrue(owned.containsKey(c.instance()), "command for an unowned slot: " + c);
                }
            }
            System.out.printf("fuzz: %d frames over %d connections; %d engine commands, %d controllers admitted, "
                    + "%d protocol errors, %d connections closed%n", sent, connections, got.size(), resets,
                    s.logLines("closed: protocol error").size(), s.logLines("closed: ").size());
            assertTrue(resets > 10, "fuzz admitted controllers: " + resets);
            assertEquals(Map.of(), owned, "every admitted controller's slot was released");
            assertTrue(s.logContains("closed: protocol error"), "fuzz provoked protocol errors");
        }
    }

    private static boolean trySend(RawClient c, byte[] frame) {
        try {
            c.sendRaw(frame);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Mostly valid frames (so connections live long enough to matter), with each kind of damage now and then. */
    private static byte[] fuzzFrame(Random rnd, FrameEncoder encoder) {
        byte[] valid = encoder.encode(randomMessage(rnd));
        switch (rnd.nextInt(100)) {
            case 0: // truncated
                return Arrays.copyOf(valid, rnd.nextInt(valid.length));
            case 1: { // oversized length prefix
                byte[] b = valid.clone();
                ByteBuffer.wrap(b).putInt(Protocol.MAX_FRAME + 1 + rnd.nextInt(Integer.MAX_VALUE - Protocol.MAX_FRAME - 1));
                return b;
            }
            case 2: { // random bytes
                byte[] b = new byte[1 + rnd.nextInt(64)];
                rnd.nextBytes(b);
                return b;
            }
            case 3: { // flipped payload byte
                byte[] b = valid.clone();
                if (b.length > 4) {
                    b[4 + rnd.nextInt(b.length - 4)] ^= (byte) (1 + rnd.nextInt(255));
                }
                return b;
            }
            default:
                return valid;
        }
    }

    private static Object randomMessage(Random rnd) {
        int ch = rnd.nextInt(16);
        int note = rnd.nextInt(128);
        switch (rnd.nextInt(9)) {
            case 0:
                return new NoteOn(ch, note, rnd.nextFloat(), rnd.nextFloat(), rnd.nextFloat() * 2 - 1, rnd.nextFloat());
            case 1:
                return new NoteOff(ch, note, rnd.nextFloat());
            case 2:
            case 3:
                return new MpeUpdate(ch, rnd.nextFloat(), rnd.nextFloat() * 2 - 1, rnd.nextFloat());
            case 4:
                Param[] all = Param.values();
                return new ParameterChange(all[rnd.nextInt(all.length)].id(), rnd.nextFloat() * 10);
            case 5:
                return new Ping(rnd.nextLong(), rnd.nextLong());
            case 6:
                return new TestPulse(rnd.nextInt(RunningServer.TRANSDUCERS + 1), rnd.nextFloat(), rnd.nextFloat());
            case 7:
                return new Panic();
            default: {
                // Messages no client may send; rare so most connections survive a while.
                int pick = rnd.nextInt(60);
                return pick == 0 ? new HelloAccepted(1, "x", 0, "y", 1f, 1, RunningServer.LAYOUT)
                        : pick == 1 ? new HelloRejected("spoof")
                        : pick == 2 ? new Hello(Protocol.VERSION, Role.CONTROLLER, "fuzz-again", InstanceConfig.EMPTY)
                        : new MpeUpdate(ch, rnd.nextFloat(), 0f, 0f);
            }
        }
    }
}
