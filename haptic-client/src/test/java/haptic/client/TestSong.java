package haptic.client;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A two-track type 1 MIDI file for the play tests, with the times its events must have worked out by hand from
 * its tempo map: 480 ticks per quarter, 120 bpm (500 000 us per quarter, so 1 tick = 1 041.666 us) until tick 960
 * = 1000 ms, then 240 bpm (1 tick = 520.833 us).
 */
final class TestSong {
    static final int PPQ = 480;
    /** The end of the longest track: tick 1440 = 1000 ms + 480 ticks at 240 bpm. */
    static final double LENGTH_MS = 1250;

    private TestSong() {
    }

    static Sequence sequence() throws InvalidMidiDataException {
        Sequence seq = new Sequence(Sequence.PPQ, PPQ);
        Track conductor = seq.createTrack();
        conductor.add(tempo(500_000, 0));
        conductor.add(tempo(250_000, 960)); // twice as fast from here on
        Track music = seq.createTrack();
        music.add(shortMessage(ShortMessage.NOTE_ON, 0, 60, 127, 0));        //    0 ms
        music.add(shortMessage(ShortMessage.PITCH_BEND, 0, 0x7F, 0x7F, 240)); //  250 ms, bend 16383 = +1
        music.add(shortMessage(ShortMessage.NOTE_ON, 2, 70, 90, 240));        //  250 ms, never released
        music.add(shortMessage(ShortMessage.CHANNEL_PRESSURE, 0, 64, 0, 480)); // 500 ms, pressure 64/127
        music.add(shortMessage(ShortMessage.NOTE_ON, 1, 64, 64, 480));        //  500 ms, channel 1's defaults
        music.add(shortMessage(ShortMessage.CONTROL_CHANGE, 0, 74, 127, 720)); // 750 ms, timbre 1
        music.add(shortMessage(ShortMessage.CONTROL_CHANGE, 0, 7, 10, 720));  // volume: not expression, ignored
        music.add(shortMessage(ShortMessage.NOTE_ON, 0, 60, 0, 960));         // 1000 ms, velocity 0 = note-off
        music.add(shortMessage(ShortMessage.NOTE_ON, 0, 62, 100, 960));       // 1000 ms, with channel 0's values
        music.add(shortMessage(ShortMessage.NOTE_OFF, 1, 64, 32, 1200));      // 1125 ms
        music.add(shortMessage(ShortMessage.PITCH_BEND, 0, 0, 0, 1200));      // 1125 ms, bend 0 = -1
        music.add(shortMessage(ShortMessage.PITCH_BEND, 0, 0, 0x40, 1201));   // 1125.520833 ms, centre = 0
        music.add(shortMessage(ShortMessage.NOTE_OFF, 0, 62, 0, 1440));       // 1250 ms
        return seq;
    }

    static Path write(Sequence seq, Path file) throws IOException {
        MidiSystem.write(seq, 1, file.toFile());
        return file;
    }

    static MidiEvent tempo(int microsPerQuarter, long tick) throws InvalidMidiDataException {
        byte[] data = {(byte) (microsPerQuarter >> 16), (byte) (microsPerQuarter >> 8), (byte) microsPerQuarter};
        return new MidiEvent(new MetaMessage(MidiPerformance.META_TEMPO, data, 3), tick);
    }

    static MidiEvent shortMessage(int command, int channel, int d1, int d2, long tick)
            throws InvalidMidiDataException {
        MidiMessage m = new ShortMessage(command, channel, d1, d2);
        return new MidiEvent(m, tick);
    }
}
