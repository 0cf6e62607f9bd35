package haptic.server.reliability;

import haptic.server.ipc.RawClient;
import haptic.client.HapticClient;
import haptic.protocol.InstanceConfig;
import haptic.protocol.NoteOn;
import haptic.protocol.Panic;
import haptic.protocol.Param;
import haptic.protocol.Ping;
import haptic.protocol.Pong;
import haptic.protocol.Role;
import haptic.server.ipc.IpcServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * However a controller goes away, the notes it was holding end: its voices go through their release and
 * are freed, instead of sounding on with nobody left to send the NoteOffs. Every case below holds notes
 * with a short release, checks they would keep sounding on their own, then makes the controller vanish in
 * one particular way and times how long the voices take to end, counted from the moment the server logged
 * the connection's end.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StuckVoiceTest {
    static final float RELEASE_SECONDS = 0.1f;
    static final int NOTES = 6;
    /**
     * Slack for a loaded 2-core machine (thread scheduling, polling); far below what a stuck voice means,
     * which is forever.
     */
    private static final double SLACK_SECONDS = 2.0;
    /** How long the held notes must keep sounding before the controller goes: longer than release and tail. */
    private static final Duration HOLD = Duration.ofMillis(800);

    @TempDir
    Path dir;

    /** Anything that sends one message. */
    interface Sender {
        void send(Object msg) throws IOException;
    }

    static InstanceConfig releaseConfig(float seconds) {
        return new InstanceConfig("stuck", new int[] {Param.RELEASE.id()}, new float[] {seconds});
    }

    /** Distinct (channel, note) pairs, so each note is a voice of its own. */
    static void startNotes(Sender s, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            s.send(new NoteOn(1 + i % 15, 40 + i, 0.8f, 0.5f, 0f, 0.5f));
        }
    }

    @Test
    void controllerKilledWithSigkillMidNote() throws Exception {
        try (StuckServer s = StuckServer.start(dir)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    StuckNoteHolder.class.getName(), s.socket().toString(), Integer.toString(NOTES),
                    Float.toString(RELEASE_SECONDS))
                    .redirectErrorStream(true).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                        StandardCharsets.UTF_8));
                CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
                    try {
                        return out.readLine();
                    } catch (IOException e) {
                        return "read failed: " + e;
                    }
                });
                assertEquals(StuckNoteHolder.READY, firstLine.get(60, TimeUnit.SECONDS), "holder process");
                assertNotesHeld(s);

                holder.destroyForcibly();
                assertTrue(holder.waitFor(30, TimeUnit.SECONDS), "holder process died");
                assertEquals(137, holder.exitValue(), "killed by SIGKILL (128 + 9)");
                assertReleased(s, "(controller 'stuck-holder' slot 0) closed: ", "SIGKILL");
            } finally {
                holder.destroyForcibly();
            }
        }
    }

    @Test
    void socketClosedMidFrame() throws Exception {
        try (StuckServer s = StuckServer.start(dir);
             RawClient c = RawClient.handshake(s.socket(), Role.CONTROLLER, "half",
                     releaseConfig(RELEASE_SECONDS))) {
            startNotes(c::send, NOTES);
            roundTrip(c);
            assertNotesHeld(s);

            byte[] next = c.frame(new NoteOn(3, 90, 1f, 1f, 0f, 0f));
            c.sendRaw(Arrays.copyOf(next, next.length / 2));
            c.close();
            assertReleased(s, "(controller 'half' slot 0) closed: disconnected", "close mid-frame");
        }
    }

    @Test
    void serverWriteTimeoutReleasesAControllerThatStoppedEverything() throws Exception {
        try (StuckServer s = StuckServer.start(dir);
             RawClient c = RawClient.handshake(s.socket(), Role.CONTROLLER, "deaf",
                     releaseConfig(RELEASE_SECONDS))) {
            startNotes(c::send, NOTES);
            roundTrip(c);
            assertNotesHeld(s);

            // Pings whose Pongs are never read, a few at a time, until the server holds output its socket will
            // not take; then silence. The server may not wait for this client forever.
            byte[] pings = pings(c, 32);
            long firstPing = System.nanoTime();
            long deadline = firstPing + TimeUnit.SECONDS.toNanos(30);
            int batches = 0;
            while (s.server.ipc().pendingOutput() == 0) {
                assertTrue(System.nanoTime() < deadline, "the server's output to a non-reader never backed up");
                c.sendRaw(pings);
                batches++;
                Thread.sleep(1);
            }
            long backedUp = System.nanoTime();
            long pending = s.server.ipc().pendingOutput();
            long closed = assertReleased(s, "(controller 'deaf' slot 0) closed: write timeout", "write timeout");
            System.out.printf("write timeout: output backed up after %d unread Pongs (%d bytes waiting in the "
                    + "server); closed %.0f ms later%n", batches * 32, pending, (closed - backedUp) / 1e6);
            // The socket cannot have stopped taking bytes before the first unread Pong was written.
            assertTrue(closed - firstPing >= IpcServer.WRITE_TIMEOUT_NANOS,
                    "closed by the timeout, not sooner: " + (closed - firstPing) / 1e6 + " ms");
        }
    }

    @Test
    void controllerThatStopsReadingButKeepsSending() throws Exception {
        try (StuckServer s = StuckServer.start(dir);
             RawClient c = RawClient.handshake(s.socket(), Role.CONTROLLER, "flooder",
                     releaseConfig(RELEASE_SECONDS));
             HapticClient bystander = HapticClient.connect(s.socket(), Role.OBSERVER, "", InstanceConfig.EMPTY,
                     RawClient.WAIT)) {
            startNotes(c::send, NOTES);
            roundTrip(c);
            assertNotesHeld(s);

            ByteBuffer pings = ByteBuffer.wrap(pings(c, 256));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            try {
                while (s.lines("(controller 'flooder' slot 0) closed: ").isEmpty()) {
                    assertTrue(System.nanoTime() < deadline, "the server never gave up on a flooding non-reader");
                    if (!pings.hasRemaining()) {
                        pings.rewind();
                    }
                    if (c.offer(pings) == 0) {
                        Thread.sleep(1);
                    }
                }
            } catch (IOException e) {
                // Broken pipe: the server closed it, which is what is being waited for.
            }
            assertReleased(s, "(controller 'flooder' slot 0) closed: output overflow", "output overflow");
            assertServing(bystander);
        }
    }

    @Test
    void observerThatStopsReadingIsClosedAndOthersAreServed() throws Exception {
        try (StuckServer s = StuckServer.start(dir);
             RawClient deaf = RawClient.handshake(s.socket(), Role.OBSERVER, "", InstanceConfig.EMPTY);
             HapticClient player = HapticClient.connect(s.socket(), Role.CONTROLLER, "player",
                     releaseConfig(RELEASE_SECONDS), RawClient.WAIT)) {
            startNotes(player::send, NOTES);
            assertServing(player);
            assertNotesHeld(s);
            // Telemetry keeps coming for the observer that reads nothing; its socket fills, then the timeout.
            long closed = s.awaitLine("(observer) closed: write timeout", Duration.ofSeconds(60));
            assertTrue(deaf.awaitClosed(RawClient.WAIT), "the deaf observer's connection ended");
            assertServing(player);
            assertEquals(NOTES, s.activeVoices(), "the other controller's notes play on");
            assertEquals(0, s.server.ipc().observers());
            System.out.printf("deaf observer closed %.1f s after connecting (write timeout %d ms)%n",
                    (closed - s.lines("client#1 connected").get(0).nanos()) / 1e9,
                    TimeUnit.NANOSECONDS.toMillis(IpcServer.WRITE_TIMEOUT_NANOS));
        }
    }

    @Test
    void panicFromAnyControllerSilencesEveryInstanceAtOnce() throws Exception {
        float longRelease = Param.RELEASE.max();
        try (StuckServer s = StuckServer.start(dir);
             HapticClient a = HapticClient.connect(s.socket(), Role.CONTROLLER, "a", releaseConfig(longRelease),
                     RawClient.WAIT);
             HapticClient b = HapticClient.connect(s.socket(), Role.CONTROLLER, "b", releaseConfig(longRelease),
                     RawClient.WAIT);
             HapticClient quiet = HapticClient.connect(s.socket(), Role.CONTROLLER, "quiet", InstanceConfig.EMPTY,
                     RawClient.WAIT)) {
            startNotes(a::send, NOTES);
            startNotes(b::send, NOTES);
            assertServing(a);
            assertServing(b);
            StuckServer.await(() -> s.activeVoices() == 2 * NOTES, RawClient.WAIT, "both instances' notes");
            int period = s.server.output().periodFrames();

            quiet.send(new Panic());
            long sent = System.nanoTime();
            long before = s.server.cycle().engine().time();
            long silent = StuckServer.await(() -> s.activeVoices() == 0, RawClient.WAIT, "silence after Panic");
            long after = s.server.cycle().engine().time();
            double seconds = (silent - sent) / 1e9;
            System.out.printf("panic: %d voices of 2 instances gone %.1f ms after the Panic was sent "
                            + "(at most %d samples = %.1f periods of engine time; release would take %.1f s)%n",
                    2 * NOTES, seconds * 1e3, after - before, (after - before) / (double) period, longRelease);
            assertTrue(seconds < longRelease / 2, "a Panic cuts voices, it does not wait for their release: "
                    + seconds + " s");
            assertEquals(3, s.server.ipc().controllers(), "nobody was disconnected: the Panic did it");
            assertServing(a);
            startNotes(a::send, 1);
            assertServing(a);
            StuckServer.await(() -> s.activeVoices() == 1, RawClient.WAIT, "playing again after the Panic");
        }
    }

    /** The notes sound, and keep sounding for longer than release and tail, while their controller is there. */
    private static void assertNotesHeld(StuckServer s) throws InterruptedException {
        StuckServer.await(() -> s.activeVoices() == NOTES, RawClient.WAIT, NOTES + " voices");
        long end = System.nanoTime() + HOLD.toNanos();
        while (System.nanoTime() < end) {
            assertEquals(NOTES, s.activeVoices(), "held notes keep sounding");
            Thread.sleep(5);
        }
    }

    /**
     * Waits for the log line saying the connection closed, then for silence: at most release, longest tail
     * and slack after that line, and no sooner than the release time (the notes are released, not cut).
     *
     * @return when the connection's end was logged
     */
    private static long assertReleased(StuckServer s, String closeLine, String how) {
        long closed = s.awaitLine(closeLine, Duration.ofSeconds(60));
        double bound = RELEASE_SECONDS + s.maxTailSeconds() + SLACK_SECONDS;
        long silent = StuckServer.await(() -> s.activeVoices() == 0, Duration.ofSeconds(60), "voices released");
        double seconds = (silent - closed) / 1e9;
        System.out.printf("%s: %d voices silent %.0f ms after the server closed the connection "
                + "(release %.0f ms, longest tail %.0f ms)%n", how, NOTES, seconds * 1e3, RELEASE_SECONDS * 1e3,
                s.maxTailSeconds() * 1e3);
        assertTrue(seconds <= bound, how + ": voices took " + seconds + " s, more than " + bound + " s");
        assertTrue(seconds >= RELEASE_SECONDS * 0.99, how + ": voices were cut, not released: " + seconds + " s");
        assertEquals(0, s.server.ipc().controllers(), s.text());
        return closed;
    }

    private static void roundTrip(RawClient c) throws IOException {
        c.send(new Ping(7, System.nanoTime()));
        assertEquals(7, c.expect(Pong.class).nonce());
    }

    private static void assertServing(HapticClient c) throws IOException {
        long nonce = System.nanoTime();
        c.send(new Ping(nonce, nonce));
        Pong pong = c.receive(Pong.class, RawClient.WAIT);
        assertTrue(pong != null && pong.nonce() == nonce, "Pong for the Ping");
    }

    private static byte[] pings(RawClient c, int count) {
        byte[] one = c.frame(new Ping(1, 2));
        ByteBuffer b = ByteBuffer.allocate(one.length * count);
        for (int i = 0; i < count; i++) {
            b.put(one);
        }
        return b.array();
    }
}
