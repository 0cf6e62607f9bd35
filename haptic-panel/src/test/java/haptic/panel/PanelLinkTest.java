package haptic.panel;

import haptic.protocol.EngineStatus;
import haptic.protocol.Panic;
import haptic.protocol.Param;
import haptic.protocol.ParameterChange;
import haptic.protocol.TestPulse;
import haptic.protocol.TransducerLevels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the panel's controls send, end to end without a window: the link and the sender against a real
 * headless server, checked through the levels and status the server reports back.
 */
class PanelLinkTest {
    @TempDir
    static Path dir;
    private static JavaChild server;
    private static Path socket;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private ServerLink link;
    private CommandSender sender;

    @BeforeAll
    static void startServer() throws Exception {
        socket = dir.resolve("link.sock");
        server = TestServer.start(socket, "--backend", "headless");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void connect() {
        Notices notices = new Notices(new PrintStream(log, true));
        link = new ServerLink(socket, null, notices);
        sender = new CommandSender(link, notices);
        link.start();
        sender.start();
        await("connected with telemetry", () -> link.state().connected() && link.status() != null
                && link.levels() != null);
        sender.submit(new Panic());
        await("silence before the test", () -> link.status().activeVoices() == 0 && loudest(link.levels()) < 1e-4f);
    }

    @AfterEach
    void disconnect() {
        sender.submit(new ParameterChange(Param.MASTER_GAIN, Param.MASTER_GAIN.defaultValue()));
        sender.submit(new Panic());
        sender.close();
        link.close();
    }

    @Test
    void attachesWithoutOwningTheServer() {
        LinkState s = link.state();
        assertEquals(32, s.server().layout().size());
        assertEquals(-1, s.managedPid(), "a server found running is not the panel's");
        assertTrue(log.toString().contains("attached"), log.toString());
    }

    @Test
    void aTestPulseDrivesOnlyItsTransducer() {
        sender.submit(new TestPulse(5, 0.5f, 1f));
        TransducerLevels l = await("pulse on transducer 6", () -> link.levels().peak()[5] > 0.2f,
                () -> link.levels());
        for (int i = 0; i < l.peak().length; i++) {
            if (i != 5) {
                assertTrue(l.peak()[i] < 1e-4f, "transducer " + (i + 1) + " must stay silent: " + l.peak()[i]);
            }
        }
    }

    @Test
    void theTestNoteFollowsTheDragAndEndsOnRelease() {
        List<Object> sent = new ArrayList<>();
        TestNoteGesture note = new TestNoteGesture(m -> {
            sent.add(m);
            sender.submit(m);
        });
        note.press(45, 1f, 1f, -1f, 0f);
        EngineStatus at = await("a voice at T01's corner", () -> voiceNear(link.status(), 0f, 0f),
                () -> link.status());
        assertEquals(1, at.controllers(), "the note needs the panel's controller connection");
        TransducerLevels corner = link.levels();
        assertTrue(corner.rms()[0] > corner.rms()[31], "T01 louder than T32 with the source at T01");

        note.drag(1f, 1f);
        await("the voice moved to the far corner", () -> voiceNear(link.status(), 0.7f, 0.3f));
        await("T32 now louder than T01", () -> link.levels().rms()[31] > link.levels().rms()[0]);

        note.release();
        await("the voice ended", () -> link.status().activeVoices() == 0);
        assertEquals(3, sent.size(), "NoteOn, one MpeUpdate, NoteOff: " + sent);
    }

    @Test
    void masterGainScalesTheWholeTable() {
        TestNoteGesture note = new TestNoteGesture(sender::submit);
        note.press(45, 1f, 1f, 0f, 0.5f);
        await("the note sounds", () -> loudest(link.levels()) > 0.05f);
        sender.submit(new ParameterChange(Param.MASTER_GAIN, 0f));
        await("master gain 0 silences every output", () -> loudest(link.levels()) < 1e-4f);
        sender.submit(new ParameterChange(Param.MASTER_GAIN, 1f));
        await("master gain 1 brings it back", () -> loudest(link.levels()) > 0.05f);
        note.release();
    }

    @Test
    void panicSilencesTheNote() {
        TestNoteGesture note = new TestNoteGesture(sender::submit);
        note.press(45, 1f, 1f, 0f, 0.5f);
        await("the note sounds", () -> link.status().activeVoices() == 1);
        sender.submit(new Panic());
        await("panic ends it", () -> link.status().activeVoices() == 0 && loudest(link.levels()) < 1e-4f);
        note.release(); // the NoteOff for a voice panic already ended is harmless
    }

    private static boolean voiceNear(EngineStatus s, float x, float y) {
        float[] xy = s.voiceXY();
        return xy.length == 2 && Math.abs(xy[0] - x) < 0.02f && Math.abs(xy[1] - y) < 0.02f;
    }

    private static float loudest(TransducerLevels l) {
        float max = 0;
        for (float v : l.peak()) {
            max = Math.max(max, v);
        }
        return max;
    }

    private void await(String what, BooleanSupplier condition) {
        await(what, condition, () -> null);
    }

    /** Polls for up to 5 s (the values come from the link's thread); @return {@code value} once the condition holds. */
    private <T> T await(String what, BooleanSupplier condition, java.util.function.Supplier<T> value) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (link.levels() != null && link.status() != null && condition.getAsBoolean()) {
                return value.get();
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("waited 5 s for " + what + "; status " + link.status() + "; panel log:\n" + log);
    }
}
