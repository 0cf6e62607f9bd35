package haptic.client;

import haptic.client.MidiPerformance.Event;
import haptic.client.MidiPerformance.Kind;
import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MidiPerformanceTest {
    /** Exact to 1 us. */
    private static final double MS = 1e-3;
    private static final float P = 64 / 127f;

    @TempDir
    Path dir;

    private MidiPerformance readBack(Sequence seq) throws Exception {
        return MidiPerformance.read(TestSong.write(seq, dir.resolve("song.mid")));
    }

    private static void assertEvent(Event e, double ms, Kind kind, int channel, int note, float velocity) {
        assertEquals(ms, e.millis(), MS, "time of " + e);
        assertEquals(kind, e.kind(), e.toString());
        assertEquals(channel, e.channel(), e.toString());
        assertEquals(note, e.note(), e.toString());
        assertEquals(velocity, e.velocity(), e.toString());
    }

    private static void assertExpression(Event e, float pressure, float bend, float timbre) {
        assertEquals(pressure, e.pressure(), "pressure of " + e);
        assertEquals(bend, e.bend(), "bend of " + e);
        assertEquals(timbre, e.timbre(), "timbre of " + e);
    }

    @Test
    void tracksMergeIntoOneListTimedByTheTempoMap() throws Exception {
        MidiPerformance p = readBack(TestSong.sequence());
        List<Event> e = p.events();
        assertEquals(12, e.size(), e.toString());

        assertEvent(e.get(0), 0, Kind.NOTE_ON, 0, 60, 1f);
        assertExpression(e.get(0), 0f, 0f, 0.5f);
        assertEvent(e.get(1), 250, Kind.EXPRESSION, 0, 0, 0f);
        assertExpression(e.get(1), 0f, 1f, 0.5f);
        assertEvent(e.get(2), 250, Kind.NOTE_ON, 2, 70, 90 / 127f);
        assertExpression(e.get(2), 0f, 0f, 0.5f);
        assertEvent(e.get(3), 500, Kind.EXPRESSION, 0, 0, 0f);
        assertExpression(e.get(3), P, 1f, 0.5f);
        assertEvent(e.get(4), 500, Kind.NOTE_ON, 1, 64, 64 / 127f);
        assertExpression(e.get(4), 0f, 0f, 0.5f); // channel 0's expression stays on channel 0
        assertEvent(e.get(5), 750, Kind.EXPRESSION, 0, 0, 0f);
        assertExpression(e.get(5), P, 1f, 1f);
        assertEvent(e.get(6), 1000, Kind.NOTE_OFF, 0, 60, HeldNote.RELEASE_VELOCITY);
        assertEvent(e.get(7), 1000, Kind.NOTE_ON, 0, 62, 100 / 127f);
        assertExpression(e.get(7), P, 1f, 1f);
        // After the tempo change at 1000 ms a tick lasts half as long: 240 ticks are 125 ms, not 250.
        assertEvent(e.get(8), 1125, Kind.NOTE_OFF, 1, 64, 32 / 127f);
        assertEvent(e.get(9), 1125, Kind.EXPRESSION, 0, 0, 0f);
        assertExpression(e.get(9), P, -1f, 1f);
        assertEvent(e.get(10), 1125 + 250.0 / 480, Kind.EXPRESSION, 0, 0, 0f);
        assertExpression(e.get(10), P, 0f, 1f);
        assertEvent(e.get(11), 1250, Kind.NOTE_OFF, 0, 62, 0f);

        assertEquals(TestSong.LENGTH_MS, p.lengthNanos() / 1e6, MS);
        assertEquals(4, p.notes());
    }

    @Test
    void eventsBecomeTimedProtocolMessages() throws Exception {
        List<Event> e = readBack(TestSong.sequence()).events();
        assertEquals(new NoteOn(0, 62, 100 / 127f, P, 1f, 1f, 1234L), e.get(7).message(1234L));
        assertEquals(new NoteOff(1, 64, 32 / 127f, 99L), e.get(8).message(99L));
        assertEquals(new MpeUpdate(0, P, -1f, 1f, 7L), e.get(9).message(7L));
    }

    @Test
    void aTempoEventCountsInAnyTrackAndTheLastOfOneTickWins() throws Exception {
        Sequence seq = new Sequence(Sequence.PPQ, 96);
        Track a = seq.createTrack();
        a.add(TestSong.shortMessage(ShortMessage.NOTE_ON, 3, 40, 100, 96));
        a.add(TestSong.shortMessage(ShortMessage.NOTE_OFF, 3, 40, 100, 192));
        Track b = seq.createTrack();
        b.add(TestSong.tempo(1_000_000, 96)); // 60 bpm from beat 2 ...
        b.add(TestSong.tempo(2_000_000, 96)); // ... no: 30 bpm
        List<Event> e = readBack(seq).events();
        assertEquals(2, e.size(), e.toString());
        assertEvent(e.get(0), 500, Kind.NOTE_ON, 3, 40, 100 / 127f); // one beat at the default 120 bpm
        assertEvent(e.get(1), 2500, Kind.NOTE_OFF, 3, 40, 100 / 127f);
    }

    @Test
    void smpteDivisionsCountTicksPerFrameAndIgnoreTempo() throws Exception {
        Sequence seq = new Sequence(Sequence.SMPTE_25, 40); // 1000 ticks a second
        Track t = seq.createTrack();
        t.add(TestSong.tempo(250_000, 0));
        t.add(TestSong.shortMessage(ShortMessage.NOTE_ON, 0, 50, 100, 1500));
        t.add(TestSong.shortMessage(ShortMessage.NOTE_OFF, 0, 50, 0, 3001));
        MidiPerformance p = readBack(seq);
        assertEquals(1500, p.events().get(0).millis(), MS);
        assertEquals(3001, p.events().get(1).millis(), MS);
        assertEquals(3001, p.lengthNanos() / 1e6, MS);

        Sequence drop = new Sequence(Sequence.SMPTE_30DROP, 10); // 299.7 ticks a second
        Track d = drop.createTrack();
        d.add(TestSong.shortMessage(ShortMessage.NOTE_ON, 0, 50, 100, 1));
        d.add(TestSong.shortMessage(ShortMessage.NOTE_OFF, 0, 50, 0, 2997));
        List<Event> e = MidiPerformance.of(drop).events();
        assertEquals(1000.0 / 299.7, e.get(0).millis(), MS);
        assertEquals(10_000, e.get(1).millis(), MS);
    }

    @Test
    void bendIsCentredAtExactlyZeroAndReachesBothEnds() {
        assertEquals(-1f, MidiPerformance.bend(0));
        assertEquals(-0.5f, MidiPerformance.bend(4096));
        assertEquals(0f, MidiPerformance.bend(8192));
        assertEquals(1f, MidiPerformance.bend(16383));
        assertTrue(MidiPerformance.bend(8193) > 0f && MidiPerformance.bend(8191) < 0f);
    }

    @Test
    void anEmptyFileHasNoEventsAndNoLength() throws Exception {
        Sequence seq = new Sequence(Sequence.PPQ, 480);
        seq.createTrack();
        MidiPerformance p = readBack(seq);
        assertEquals(List.of(), p.events());
        assertEquals(0, p.lengthNanos());
    }

    @Test
    void whatIsNotAMidiFileIsRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mid"), "C D E F G A B c");
        InvalidMidiDataException bad = assertThrows(InvalidMidiDataException.class, () -> MidiPerformance.read(text));
        assertTrue(bad.getMessage().startsWith("not a standard MIDI file"), bad.getMessage());

        byte[] whole = Files.readAllBytes(TestSong.write(TestSong.sequence(), dir.resolve("whole.mid")));
        Path header = Files.write(dir.resolve("header.mid"), Arrays.copyOf(whole, 10));
        assertEquals("not a complete standard MIDI file",
                assertThrows(IOException.class, () -> MidiPerformance.read(header)).getMessage());
        Path firstTrackCut = Files.write(dir.resolve("cut.mid"), Arrays.copyOf(whole, 30));
        assertEquals("no complete track in the file",
                assertThrows(InvalidMidiDataException.class, () -> MidiPerformance.read(firstTrackCut)).getMessage());

        IOException missing = assertThrows(IOException.class, () -> MidiPerformance.read(dir.resolve("none.mid")));
        assertEquals("no such file", missing.getMessage());
        assertThrows(IOException.class, () -> MidiPerformance.read(dir));
    }
}
