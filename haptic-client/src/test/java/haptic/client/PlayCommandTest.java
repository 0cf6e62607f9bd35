package haptic.client;

import haptic.protocol.Hello;
import haptic.protocol.InstanceConfig;
import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.Ping;
import haptic.protocol.Role;
import haptic.protocol.SharedClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code haptic play} end to end against the fake server: what arrives, and when it is meant to sound. */
class PlayCommandTest {
    /** 1 us, in ns. */
    private static final long US = 1000;

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
        return new HapticMain(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(all.toArray(String[]::new));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path song() throws Exception {
        return TestSong.write(TestSong.sequence(), dir.resolve("song.mid"));
    }

    /** Everything after the Hello up to (not including) the Ping that confirms the end. */
    private List<Object> played() throws InterruptedException {
        assertEquals(Role.CONTROLLER, server.next(Hello.class).role());
        List<Object> got = new ArrayList<>();
        for (Object m = server.next(); !(m instanceof Ping); m = server.next()) {
            assertNotNull(m, "the play never ended with a Ping; got " + got);
            got.add(m);
        }
        return got;
    }

    private static long nanos(double ms) {
        return Math.round(ms * 1e6);
    }

    private static void assertSpacing(double expectedMs, long fromNanos, long toNanos, String what) {
        long expected = nanos(expectedMs);
        long actual = toNanos - fromNanos;
        assertTrue(Math.abs(actual - expected) <= US, what + ": " + actual + " ns apart, not " + expected);
    }

    /** No note may be left sounding: every NoteOn is followed by a NoteOff of its channel and note. */
    private static void assertAllReleased(List<Object> messages) {
        Set<Integer> sounding = new HashSet<>();
        for (Object m : messages) {
            if (m instanceof NoteOn on) {
                sounding.add(on.channel() * 128 + on.note());
            } else if (m instanceof NoteOff off) {
                sounding.remove(off.channel() * 128 + off.note());
            }
        }
        assertEquals(Set.of(), sounding, "notes left sounding (channel * 128 + note) in " + messages);
    }

    @Test
    void notesAndExpressionAreStampedWithTheFilesTimingScaledByTheTempo() throws Exception {
        Path file = song();
        long before = SharedClock.now();
        assertEquals(0, run("play", file.toString(), "--tempo-scale", "2"), err());
        long after = SharedClock.now();
        List<Object> got = played();

        List<NoteOn> ons = got.stream().filter(m -> m instanceof NoteOn).map(m -> (NoteOn) m).toList();
        List<NoteOff> offs = got.stream().filter(m -> m instanceof NoteOff).map(m -> (NoteOff) m).toList();
        List<MpeUpdate> mpe = got.stream().filter(m -> m instanceof MpeUpdate).map(m -> (MpeUpdate) m).toList();
        assertEquals(4, ons.size(), got.toString());
        assertEquals(4, offs.size(), got.toString());
        assertEquals(5, mpe.size(), got.toString());

        long t0 = ons.get(0).time();
        assertTrue(t0 > before && t0 < after, "started during the command");
        // The file's times (see TestSong), halved by --tempo-scale 2.
        assertEquals(new NoteOn(0, 60, 1f, 0f, 0f, 0.5f), Untimed.of(ons.get(0)));
        assertEquals(new NoteOn(2, 70, 90 / 127f, 0f, 0f, 0.5f), Untimed.of(ons.get(1)));
        assertSpacing(250 / 2.0, t0, ons.get(1).time(), "second note-on");
        assertEquals(new NoteOn(1, 64, 64 / 127f, 0f, 0f, 0.5f), Untimed.of(ons.get(2)));
        assertSpacing(500 / 2.0, t0, ons.get(2).time(), "third note-on");
        assertEquals(new NoteOn(0, 62, 100 / 127f, 64 / 127f, 1f, 1f), Untimed.of(ons.get(3)));
        assertSpacing(1000 / 2.0, t0, ons.get(3).time(), "fourth note-on, after the tempo change");

        assertEquals(new NoteOff(0, 60, HeldNote.RELEASE_VELOCITY), Untimed.of(offs.get(0)));
        assertSpacing(1000 / 2.0, t0, offs.get(0).time(), "note-on with velocity 0");
        assertEquals(new NoteOff(1, 64, 32 / 127f), Untimed.of(offs.get(1)));
        assertSpacing(1125 / 2.0, t0, offs.get(1).time(), "note-off at twice the tempo");
        assertEquals(new NoteOff(0, 62, 0f), Untimed.of(offs.get(2)));
        assertSpacing(1250 / 2.0, t0, offs.get(2).time(), "last note-off");
        assertEquals(new NoteOff(2, 70, HeldNote.RELEASE_VELOCITY), Untimed.of(offs.get(3)),
                "the note the file never releases is released at its end");
        assertSpacing(TestSong.LENGTH_MS / 2.0, t0, offs.get(3).time(), "release at the end of the file");

        assertEquals(new MpeUpdate(0, 0f, 1f, 0.5f), Untimed.of(mpe.get(0)));
        assertSpacing(250 / 2.0, t0, mpe.get(0).time(), "pitch bend");
        assertEquals(new MpeUpdate(0, 64 / 127f, 1f, 0.5f), Untimed.of(mpe.get(1)));
        assertSpacing(500 / 2.0, t0, mpe.get(1).time(), "channel pressure");
        assertEquals(new MpeUpdate(0, 64 / 127f, 1f, 1f), Untimed.of(mpe.get(2)));
        assertSpacing(750 / 2.0, t0, mpe.get(2).time(), "CC74");
        assertEquals(new MpeUpdate(0, 64 / 127f, -1f, 1f), Untimed.of(mpe.get(3)));
        assertEquals(new MpeUpdate(0, 64 / 127f, 0f, 1f), Untimed.of(mpe.get(4)));
        assertSpacing((1125 + 250.0 / 480) / 2.0, t0, mpe.get(4).time(), "bend one tick later");

        assertAllReleased(got);
        // Sent ahead, so the command waits out the file before it ends.
        assertTrue(after - t0 >= nanos(TestSong.LENGTH_MS / 2.0), "the command returned before the file's end");
        String progress = err();
        assertTrue(progress.startsWith("\r"), progress);
        assertTrue(progress.endsWith(String.format(Locale.ROOT, "%.1f / %.1f s  4 notes%n",
                TestSong.LENGTH_MS / 2000.0, TestSong.LENGTH_MS / 2000.0)), progress);
        assertEquals(progress.length() - System.lineSeparator().length(), progress.indexOf(System.lineSeparator()),
                "one line, redrawn in place: " + progress);
    }

    @Test
    void eventsAreStreamedAheadOfTheirTimeNotAllAtOnce() throws Exception {
        Path file = song();
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> run("play", file.toString()));
        assertEquals(Role.CONTROLLER, server.next(Hello.class).role());
        int seen = 0;
        for (Object m = server.next(); !(m instanceof Ping); m = server.next()) {
            long arrived = SharedClock.now();
            assertNotNull(m);
            long time = Untimed.timeOf(m);
            // Sent no earlier than LEAD before its time (the lower bound is exact: arrival follows sending) ...
            assertTrue(arrived >= time - PlayCommand.LEAD_NANOS, m + " arrived "
                    + (time - arrived) / 1e6 + " ms ahead");
            // ... and well before it; the margin is only for a slow test machine reading the socket late.
            assertTrue(arrived - time < TimeUnit.MILLISECONDS.toNanos(100), m + " arrived "
                    + (arrived - time) / 1e6 + " ms after its time");
            seen++;
        }
        assertEquals(13, seen);
        assertEquals(0, code.get(10, TimeUnit.SECONDS), err());
    }

    @Test
    void loopingRestartsExactlyWhereThePassEndedAndCtrlCReleasesEverything() throws Exception {
        MidiPerformance song = MidiPerformance.read(song());
        double scale = 5;
        long pass = PlayCommand.scaled(song.lengthNanos(), scale);
        List<Object> got = new ArrayList<>();
        try (HapticClient client = HapticClient.connect(server.socket, Role.CONTROLLER, "t", InstanceConfig.EMPTY,
                Duration.ofSeconds(5))) {
            Session session = new Session(client, new PrintStream(out), new PrintStream(err), Duration.ofSeconds(5),
                    new SavedParams(server.socket));
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread runner = new Thread(() -> {
                try {
                    new PlayCommand("song.mid", song, scale, true).execute(session);
                    outcome.complete(null);
                } catch (Throwable t) {
                    outcome.complete(t);
                }
            });
            runner.start();
            server.next(Hello.class);
            int notesInTwoPasses = 2 * song.notes();
            int ons = 0;
            while (ons <= notesInTwoPasses) { // into the third pass
                Object m = server.next();
                assertNotNull(m, "stopped playing after " + got);
                got.add(m);
                ons += m instanceof NoteOn ? 1 : 0;
            }
            runner.interrupt(); // as far as releasing goes, what the Ctrl+C hook does
            assertInstanceOf(InterruptedException.class, outcome.get(10, TimeUnit.SECONDS));
            for (Object m = server.received.poll(1, TimeUnit.SECONDS); m != null;
                    m = server.received.poll(200, TimeUnit.MILLISECONDS)) {
                got.add(m);
            }
        }
        List<NoteOn> ons = got.stream().filter(m -> m instanceof NoteOn).map(m -> (NoteOn) m).toList();
        int n = song.notes();
        for (int i = 0; i < n; i++) {
            assertEquals(Untimed.of(ons.get(i)), Untimed.of(ons.get(i + n)));
            assertEquals(pass, ons.get(i + n).time() - ons.get(i).time(), "pass 2 starts where pass 1 ended");
        }
        assertEquals(Untimed.of(ons.get(0)), Untimed.of(ons.get(2 * n)));
        assertEquals(pass, ons.get(2 * n).time() - ons.get(n).time(), "and pass 3 where pass 2 ended");
        // The note the file never releases is released at each pass end, right before the next pass starts.
        NoteOff endOfPass = got.stream().filter(m -> m instanceof NoteOff off && off.note() == 70)
                .map(m -> (NoteOff) m).findFirst().orElseThrow();
        assertEquals(ons.get(0).time() + pass, endOfPass.time());
        assertAllReleased(got);
        assertTrue(err().contains("  pass 2"), err());
        assertTrue(err().endsWith(System.lineSeparator()), "the progress line is finished");
    }

    @Test
    void aFileThatIsNoMidiIsABadCommandLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.mid"), "MThd? no, just text");
        assertEquals(2, run("play", bad.toString()));
        assertTrue(err().startsWith("haptic: cannot play MIDI file " + bad + ": not a standard MIDI file"), err());
        assertTrue(err().contains("Usage: haptic play"), err());
        assertEquals(2, run("play", dir.resolve("missing.mid").toString()));
        assertTrue(err().contains("missing.mid: no such file"), err());
        assertNull(server.received.poll(200, TimeUnit.MILLISECONDS), "nothing may reach the server");
    }

    @Test
    void optionsAreRangeChecked() throws Exception {
        Path file = song();
        assertEquals(2, run("play", file.toString(), "--tempo-scale", "0"));
        assertTrue(err().contains("--tempo-scale must be from 0.1 to 10"), err());
        assertEquals(2, run("play"));
        Path empty = TestSong.write(new javax.sound.midi.Sequence(javax.sound.midi.Sequence.PPQ, 96) {
            {
                createTrack();
            }
        }, dir.resolve("empty.mid"));
        assertEquals(2, run("play", empty.toString(), "--loop"));
        assertTrue(err().contains("lasts no time"), err());
        assertEquals(0, run("play", "--help"));
        assertNull(server.received.poll(200, TimeUnit.MILLISECONDS), "nothing may reach the server");
        PlayCommand c = (PlayCommand) HapticCommandLine.parse(new String[] {"play", file.toString(), "--loop",
            "--tempo-scale=0.5"}).command();
        assertEquals(0.5, c.tempoScale());
        assertTrue(c.loop());
        assertEquals(Role.CONTROLLER, c.role());
    }
}
