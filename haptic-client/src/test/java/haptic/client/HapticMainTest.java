package haptic.client;

import haptic.protocol.EngineStatus;
import haptic.protocol.Hello;
import haptic.protocol.HelloAccepted;
import haptic.protocol.InstanceConfig;
import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.Panic;
import haptic.protocol.Param;
import haptic.protocol.ParameterChange;
import haptic.protocol.Ping;
import haptic.protocol.Protocol;
import haptic.protocol.Role;
import haptic.protocol.SharedClock;
import haptic.protocol.TestPulse;
import haptic.protocol.TransducerLevels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code haptic} command end to end, against a fake server on a real Unix socket. */
class HapticMainTest {
    @TempDir
    Path dir;
    private FakeHapticServer server;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        server = new FakeHapticServer(dir);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("--socket", server.socket.toString()));
        all.addAll(List.of(args));
        return runRaw(all.toArray(String[]::new));
    }

    private int runRaw(String... args) {
        return new HapticMain(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /**
     * The next message without its time, after checking that the time is a SharedClock reading taken between
     * {@code from} and now: the moment the command acted.
     */
    private Object nextStampedSince(long from) throws InterruptedException {
        Object m = server.next();
        assertNotNull(m, "nothing sent");
        long t = Untimed.timeOf(m);
        assertTrue(t >= from && t <= SharedClock.now(), m + " is not stamped with the time it was sent");
        return Untimed.of(m);
    }

    private Hello hello() throws InterruptedException {
        Hello hello = server.next(Hello.class);
        assertNotNull(hello, "no Hello");
        return hello;
    }

    @Test
    void missingServerIsOneClearLineAndExitOne() {
        Path nowhere = dir.resolve("none.sock");
        assertEquals(1, runRaw("--socket", nowhere.toString(), "send", "panic"));
        assertEquals("no haptic server at " + nowhere + ": start it with bin/haptic-server" + System.lineSeparator(),
                err());
    }

    @Test
    void badArgumentsPrintUsageOnStderrAndExitTwo() {
        assertEquals(2, run("send", "note", "300"));
        assertTrue(err().startsWith("haptic: NOTE must be from 0 to 127"), err());
        assertTrue(err().contains("Usage: haptic send note"), err());
        assertEquals("", out());
        assertEquals(2, runRaw());
    }

    @Test
    void helpGoesToStdoutWithExitZero() {
        assertEquals(0, runRaw("send", "mpe", "--help"));
        assertTrue(out().startsWith("Usage: haptic send mpe"), out());
        assertTrue(out().contains("--sweep=SECONDS"), out());
        assertEquals("", err());
    }

    @Test
    void noteIsPlayedReleasedAndConfirmed() throws Exception {
        long before = SharedClock.now();
        assertEquals(0, run("send", "note", "64", "--duration", "0.05", "--velocity", "127", "--channel", "3",
                "--bend", "0.5"), err());
        Hello hello = hello();
        assertEquals(Role.CONTROLLER, hello.role());
        assertEquals("haptic-cli-" + ProcessHandle.current().pid(), hello.instanceId());
        assertEquals(new InstanceConfig(SavedParams.LABEL, new int[0], new float[0]), hello.config());
        assertEquals(Protocol.VERSION, hello.version());
        NoteOn on = (NoteOn) server.next();
        assertEquals(new NoteOn(2, 64, 1f, 0f, 0.5f, 0.5f), Untimed.of(on));
        assertTrue(on.time() >= before && on.time() <= SharedClock.now(), "NoteOn stamped when sent: " + on);
        NoteOff off = (NoteOff) server.next();
        assertEquals(new NoteOff(2, 64, HeldNote.RELEASE_VELOCITY), Untimed.of(off));
        assertEquals(Session.nanos(0.05), off.time() - on.time(), "the note lasts exactly --duration on the server");
        assertInstanceOf(Ping.class, server.next());
    }

    @Test
    void interruptedNoteIsStillReleased() throws Exception {
        try (HapticClient client = HapticClient.connect(server.socket, Role.CONTROLLER, "t", InstanceConfig.EMPTY,
                Duration.ofSeconds(5))) {
            Session session = new Session(client, new PrintStream(out), new PrintStream(err), Duration.ofSeconds(5),
                    new SavedParams(server.socket));
            Thread[] runner = new Thread[1];
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            runner[0] = new Thread(() -> {
                try {
                    new NoteCommand(0, 60, 1f, 0f, 0f, 0.5f, 600).execute(session);
                    outcome.complete(null);
                } catch (Throwable t) {
                    outcome.complete(t);
                }
            });
            long before = SharedClock.now();
            runner[0].start();
            hello();
            assertEquals(new NoteOn(0, 60, 1f, 0f, 0f, 0.5f), nextStampedSince(before));
            long interrupted = SharedClock.now();
            runner[0].interrupt();
            assertEquals(new NoteOff(0, 60, HeldNote.RELEASE_VELOCITY), nextStampedSince(interrupted),
                    "released when interrupted, not when planned");
            assertInstanceOf(InterruptedException.class, outcome.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void mpeSweepHoldsANoteAndBendsItFromMinusOneToOneInSmallSteps() throws Exception {
        long before = SharedClock.now();
        assertEquals(0, run("send", "mpe", "--channel", "2", "--sweep", "0.05", "--pressure", "0.3", "--note", "40"),
                err());
        hello();
        NoteOn on = (NoteOn) server.next();
        assertEquals(new NoteOn(1, 40, 100 / 127f, 0.3f, -1f, 0.5f), Untimed.of(on));
        assertTrue(on.time() >= before && on.time() <= SharedClock.now(), on.toString());
        int steps = MpeCommand.sweepSteps(0.05);
        long span = Session.nanos(0.05);
        List<MpeUpdate> updates = new ArrayList<>();
        for (int i = 0; i <= steps; i++) {
            MpeUpdate u = (MpeUpdate) server.next();
            updates.add(u);
            // Each step carries its ideal time, however unevenly the client woke up to send it.
            assertEquals(on.time() + span * i / steps, u.time(), "time of step " + i);
        }
        NoteOff off = (NoteOff) server.next();
        assertEquals(new NoteOff(1, 40, HeldNote.RELEASE_VELOCITY), Untimed.of(off));
        assertEquals(on.time() + span, off.time(), "released at the last step");
        assertInstanceOf(Ping.class, server.next());
        assertEquals(-1f, updates.get(0).bend());
        assertEquals(1f, updates.get(steps).bend());
        for (int i = 1; i <= steps; i++) {
            MpeUpdate u = updates.get(i);
            assertEquals(1, u.channel());
            assertEquals(0.3f, u.pressure());
            assertEquals(0.5f, u.timbre());
            float step = u.bend() - updates.get(i - 1).bend();
            assertTrue(step > 0f && step <= 2f / steps + 1e-6f, "bend step " + step);
        }
    }

    @Test
    void singleMpeUpdate() throws Exception {
        long before = SharedClock.now();
        assertEquals(0, run("send", "mpe", "--channel", "16", "--bend", "-0.25", "--timbre", "0.75"), err());
        hello();
        assertEquals(new MpeUpdate(15, 0f, -0.25f, 0.75f), nextStampedSince(before));
    }

    @Test
    void panicAndMasterGainGoAsObserver() throws Exception {
        assertEquals(0, run("send", "panic"), err());
        assertEquals(Role.OBSERVER, hello().role());
        assertEquals(new Panic(), server.next());
        long before = SharedClock.now();
        assertEquals(0, run("send", "param", "master-gain", "0.5"), err());
        assertEquals(Role.OBSERVER, hello().role());
        assertEquals(new ParameterChange(Param.MASTER_GAIN, 0.5f), nextStampedSince(before));
    }

    @Test
    void instanceParamGoesAsController() throws Exception {
        long before = SharedClock.now();
        assertEquals(0, run("send", "param", "wave-speed", "50"), err());
        assertEquals(Role.CONTROLLER, hello().role());
        assertEquals(new ParameterChange(Param.WAVE_SPEED.id(), 50f), nextStampedSince(before));
    }

    @Test
    void instanceParamsAreReplayedByLaterCommands() throws Exception {
        assertEquals(0, run("send", "param", "wave-speed", "8"), err());
        assertEquals(0, run("send", "param", "attack", "0.5"), err());
        assertEquals(0, run("send", "param", "master-gain", "0.5"), err());
        assertEquals(0, run("send", "note", "60", "--duration", "0"), err());
        Hello first = hello();
        assertEquals(new InstanceConfig(SavedParams.LABEL, new int[0], new float[0]), first.config());
        assertEquals(new InstanceConfig(SavedParams.LABEL, new int[] {Param.WAVE_SPEED.id()}, new float[] {8f}),
                hello().config());
        assertEquals(Role.OBSERVER, hello().role());
        assertEquals(new InstanceConfig(SavedParams.LABEL, new int[] {Param.WAVE_SPEED.id(), Param.ATTACK.id()},
                new float[] {8f, 0.5f}), hello().config());
        assertEquals(0, run("send", "param", "wave-speed", "20"), err());
        hello();
        assertEquals(0, run("send", "note", "60", "--duration", "0"), err());
        assertEquals(new InstanceConfig(SavedParams.LABEL, new int[] {Param.ATTACK.id()}, new float[] {0.5f}),
                hello().config(), "setting the default forgets the parameter");
    }

    @Test
    void serverErrorReplyIsReportedWithExitOne() throws Exception {
        server.refuse = ParameterChange.class;
        assertEquals(1, run("send", "param", "gain", "1"));
        assertEquals("haptic: haptic server refused: no ParameterChange today" + System.lineSeparator(), err());
    }

    @Test
    void rejectedHandshakeIsReportedWithExitOne() {
        server.answer = FakeHapticServer.Answer.REJECT;
        server.rejectReason = "no free instance slot";
        assertEquals(1, run("send", "note", "60"));
        assertTrue(err().contains("no free instance slot"), err());
    }

    @Test
    void pulseResolvesNumbersAndNamesAgainstTheLayout() throws Exception {
        long before = SharedClock.now();
        assertEquals(0, run("send", "pulse", "t03", "--amplitude", "0.25", "--seconds", "1"), err());
        hello();
        assertEquals(new TestPulse(2, 0.25f, 1f), nextStampedSince(before));
        assertEquals(0, run("send", "pulse", "3"), err());
        hello();
        assertEquals(new TestPulse(3, 0.5f, 0.5f), nextStampedSince(before));
        assertEquals(0, run("send", "pulse", "0"), err());
        hello();
        assertEquals(new TestPulse(0, 0.5f, 0.5f), nextStampedSince(before));
        assertEquals(2, run("send", "pulse", "4"));
        assertTrue(err().contains("no transducer '4'"), err());
        hello();
        assertEquals(FakeHapticServer.DISCONNECTED, server.next(), "nothing may be sent for an unknown transducer");
    }

    @Test
    void statusPrintsServerAndEngineReports() throws Exception {
        server.observerGreeting = List.of(new TransducerLevels(5, new float[4], new float[4]),
                new EngineStatus(3, 12.5f, 2, 7, "fake", 48000f, 128, 1, 1, new float[] {0.1f, 0.2f}));
        assertEquals(0, run("status"), err());
        String text = out();
        assertTrue(text.contains("fake-1 (protocol " + Protocol.VERSION + ")"), text);
        assertTrue(text.contains("fake, 48000 Hz, 128 frames per period (2.67 ms)"), text);
        assertTrue(text.contains("fake-2x2, 4 transducers"), text);
        assertTrue(text.contains("3 active"), text);
        assertTrue(text.contains("(0.100, 0.200)"), text);
        assertTrue(text.contains("12.5 % of the period"), text);
        assertTrue(text.contains("7 samples"), text);
        assertTrue(text.contains("1 controllers, 1 observers"), text);
    }

    @Test
    void statusWithoutEngineReportFails() throws Exception {
        assertEquals(1, run("status"));
        assertTrue(err().contains("no engine status"), err());
    }

    @Test
    void levelsPrintsMeterAndStatusLines() throws Exception {
        EngineStatus status = new EngineStatus(1, 3f, 0, 0, "fake", 48000f, 128, 0, 1, new float[0]);
        server.observerGreeting = List.of(
                new TransducerLevels(100, new float[] {0f, 0.05f, 0.5f, 1f}, new float[4]),
                status, status,
                new TransducerLevels(200, new float[] {1f, 0f, 0f, 0f}, new float[4]),
                new TransducerLevels(300, new float[4], new float[4]));
        assertEquals(0, run("levels", "--count", "2"), err());
        List<String> lines = out().lines().toList();
        assertEquals(4, lines.size(), out());
        assertTrue(lines.get(0).startsWith("layout fake-2x2, 4 transducers"), lines.get(0));
        assertEquals(String.format("%12d |%s|  max 1.000 T04", 100, " .+@"), lines.get(1));
        assertEquals(LevelMeter.statusLine(status), lines.get(2));
        assertEquals(String.format("%12d |%s|  max 1.000 T01", 200, "@   "), lines.get(3));
    }

    @Test
    void defaultsComeFromTheEnvironment() throws Exception {
        int code = new HapticMain(new PrintStream(out), new PrintStream(err),
                Map.of("HAPTIC_SOCKET", server.socket.toString())).run(new String[] {"send", "panic"});
        assertEquals(0, code, err());
        assertEquals(new Panic(), server.next(Panic.class));
    }

    @Test
    void acceptedServerInfoReachesTheClient() throws Exception {
        try (HapticClient c = HapticClient.connect(server.socket, Role.OBSERVER, "x", InstanceConfig.EMPTY,
                Duration.ofSeconds(5))) {
            HelloAccepted a = c.accepted();
            assertEquals(-1, a.slot());
        }
    }
}
