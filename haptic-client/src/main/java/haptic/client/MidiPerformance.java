package haptic.client;

import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A standard MIDI file as one time-ordered list of protocol events, for {@code haptic play}. Every track is merged
 * (at equal ticks in track order, then file order), ticks become nanoseconds from the start through the tempo
 * map (set-tempo meta events in any track, 120 bpm until the first) or the SMPTE frame rate, and channel
 * expression is kept the MPE way: pitch bend is the channel's bend (-1..1, 14-bit with 8192 exactly 0 and both
 * extremes exactly ±1), channel pressure its pressure and CC74 its timbre (0..1, from 0, 0 and 0.5). Each change
 * is an {@link Kind#EXPRESSION} event carrying all three of the channel's values, and each note-on carries its
 * channel's values too. A note-on with velocity 0 is a note-off with the neutral release velocity. Everything else
 * in the file is ignored.
 *
 * <p>Pure conversion: nothing here touches a server or a clock.
 */
final class MidiPerformance {
    /** Microseconds per quarter note until a tempo event says otherwise: 120 bpm. */
    static final int DEFAULT_TEMPO = 500_000;
    static final int META_TEMPO = 0x51;
    static final int CC_TIMBRE = 74;
    static final float DEFAULT_PRESSURE = 0f;
    static final float DEFAULT_BEND = 0f;
    static final float DEFAULT_TIMBRE = 0.5f;
    private static final int BEND_CENTRE = 8192;
    private static final int BEND_MAX = 16383;
    private static final int CHANNELS = 16;

    enum Kind { NOTE_ON, NOTE_OFF, EXPRESSION }

    /**
     * One event, {@code nanos} after the start of the file. {@code note} and {@code velocity} belong to notes (the
     * release velocity for a note-off); {@code pressure}, {@code bend} and {@code timbre} to note-ons and expression.
     */
    record Event(long nanos, Kind kind, int channel, int note, float velocity, float pressure, float bend,
                 float timbre) {

        double millis() {
            return nanos / 1e6;
        }

        /** The protocol message for this event, to sound at {@code time} (a SharedClock reading). */
        Object message(long time) {
            return switch (kind) {
                case NOTE_ON -> new NoteOn(channel, note, velocity, pressure, bend, timbre, time);
                case NOTE_OFF -> new NoteOff(channel, note, velocity, time);
                case EXPRESSION -> new MpeUpdate(channel, pressure, bend, timbre, time);
            };
        }
    }

    private final List<Event> events;
    private final long lengthNanos;
    private final int notes;

    private MidiPerformance(List<Event> events, long lengthNanos) {
        this.events = Collections.unmodifiableList(events);
        this.lengthNanos = lengthNanos;
        this.notes = (int) events.stream().filter(e -> e.kind() == Kind.NOTE_ON).count();
    }

    /**
     * Reads a standard MIDI file with {@link MidiSystem#getSequence}.
     *
     * @throws IOException if the file cannot be read
     * @throws InvalidMidiDataException if it is not a standard MIDI file this can play
     */
    static MidiPerformance read(Path file) throws IOException, InvalidMidiDataException {
        if (!Files.exists(file)) {
            throw new IOException("no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a regular file");
        }
        Sequence sequence;
        try {
            sequence = MidiSystem.getSequence(file.toFile());
        } catch (InvalidMidiDataException e) {
            throw new InvalidMidiDataException("not a standard MIDI file"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        } catch (IOException e) {
            // A truncated file ends in an EOFException without a message.
            throw new IOException(e.getMessage() == null ? "not a complete standard MIDI file" : e.getMessage(), e);
        }
        if (sequence.getTracks().length == 0) {
            // The reader drops a track cut short; with none left the file is broken, not silent.
            throw new InvalidMidiDataException("no complete track in the file");
        }
        return of(sequence);
    }

    /** @throws InvalidMidiDataException if the sequence's timing cannot be played (a division of 0 ticks) */
    static MidiPerformance of(Sequence sequence) throws InvalidMidiDataException {
        List<MidiEvent> merged = new ArrayList<>();
        for (Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                merged.add(track.get(i));
            }
        }
        // Stable: equal ticks keep track order, then file order.
        merged.sort(Comparator.comparingLong(MidiEvent::getTick));
        Clock clock = Clock.of(sequence, merged);

        float[] pressure = new float[CHANNELS];
        float[] bend = new float[CHANNELS];
        float[] timbre = new float[CHANNELS];
        Arrays.fill(pressure, DEFAULT_PRESSURE);
        Arrays.fill(bend, DEFAULT_BEND);
        Arrays.fill(timbre, DEFAULT_TIMBRE);
        List<Event> events = new ArrayList<>();
        for (MidiEvent e : merged) {
            if (!(e.getMessage() instanceof ShortMessage m)) {
                continue;
            }
            int c = m.getChannel();
            int d1 = m.getData1();
            int d2 = m.getData2();
            Kind kind;
            switch (m.getCommand()) {
                case ShortMessage.NOTE_ON -> kind = d2 == 0 ? Kind.NOTE_OFF : Kind.NOTE_ON;
                case ShortMessage.NOTE_OFF -> kind = Kind.NOTE_OFF;
                case ShortMessage.PITCH_BEND -> {
                    bend[c] = bend(d1 | (d2 << 7));
                    kind = Kind.EXPRESSION;
                }
                case ShortMessage.CHANNEL_PRESSURE -> {
                    pressure[c] = d1 / 127f;
                    kind = Kind.EXPRESSION;
                }
                case ShortMessage.CONTROL_CHANGE -> {
                    if (d1 != CC_TIMBRE) {
                        continue;
                    }
                    timbre[c] = d2 / 127f;
                    kind = Kind.EXPRESSION;
                }
                default -> {
                    continue;
                }
            }
            long nanos = clock.nanos(e.getTick());
            events.add(switch (kind) {
                case NOTE_ON -> new Event(nanos, kind, c, d1, d2 / 127f, pressure[c], bend[c], timbre[c]);
                case NOTE_OFF -> new Event(nanos, kind, c, d1,
                        m.getCommand() == ShortMessage.NOTE_OFF ? d2 / 127f : HeldNote.RELEASE_VELOCITY, 0f, 0f, 0f);
                case EXPRESSION -> new Event(nanos, kind, c, 0, 0f, pressure[c], bend[c], timbre[c]);
            });
        }
        long last = merged.isEmpty() ? 0 : merged.get(merged.size() - 1).getTick();
        return new MidiPerformance(events, clock.nanos(Math.max(last, sequence.getTickLength())));
    }

    /** A 14-bit pitch-bend value as -1..1: the centre exactly 0, 0 exactly -1 and 16383 exactly 1. */
    static float bend(int value) {
        int v = value - BEND_CENTRE;
        return v >= 0 ? v / (float) (BEND_MAX - BEND_CENTRE) : v / (float) BEND_CENTRE;
    }

    /** The events in time order. */
    List<Event> events() {
        return events;
    }

    /** From the start to the end of the longest track (its end-of-track event), in nanoseconds. */
    long lengthNanos() {
        return lengthNanos;
    }

    double seconds() {
        return lengthNanos / 1e9;
    }

    /** How many note-ons. */
    int notes() {
        return notes;
    }

    /** Ticks to nanoseconds, exact but for the final rounding to a whole nanosecond. */
    private abstract static class Clock {
        abstract long nanos(long tick);

        static Clock of(Sequence sequence, List<MidiEvent> merged) throws InvalidMidiDataException {
            int resolution = sequence.getResolution();
            if (resolution <= 0) {
                throw new InvalidMidiDataException("the file's time division is " + resolution + " ticks");
            }
            float division = sequence.getDivisionType();
            if (division == Sequence.PPQ) {
                return new TempoMap(resolution, merged);
            }
            // SMPTE: a fixed number of ticks per second; tempo events do not apply. 30-drop runs at 29.97 fps.
            long fpsNum;
            long fpsDen;
            if (division == Sequence.SMPTE_30DROP) {
                fpsNum = 2997;
                fpsDen = 100;
            } else if (division == Sequence.SMPTE_24 || division == Sequence.SMPTE_25
                    || division == Sequence.SMPTE_30) {
                fpsNum = Math.round(division);
                fpsDen = 1;
            } else {
                throw new InvalidMidiDataException("unknown time division " + division);
            }
            long ticksPerSecondNum = fpsNum * resolution;
            return new Clock() {
                @Override
                long nanos(long tick) {
                    // tick / (fpsNum / fpsDen * resolution) seconds
                    return mulDiv(tick, 1_000_000_000L * fpsDen, ticksPerSecondNum);
                }
            };
        }
    }

    /**
     * Pulses per quarter note with a tempo map. Time is kept as microseconds times the resolution, a whole
     * number at every tick, so only the conversion to nanoseconds rounds.
     */
    private static final class TempoMap extends Clock {
        private final int resolution;
        private final long[] ticks;
        private final long[] tempo;
        /** Microseconds times resolution at {@link #ticks}. */
        private final long[] scaledMicros;

        TempoMap(int resolution, List<MidiEvent> merged) throws InvalidMidiDataException {
            this.resolution = resolution;
            List<long[]> changes = new ArrayList<>();
            changes.add(new long[] {0, DEFAULT_TEMPO, 0});
            for (MidiEvent e : merged) {
                if (!(e.getMessage() instanceof MetaMessage m) || m.getType() != META_TEMPO) {
                    continue;
                }
                byte[] d = m.getData();
                if (d.length != 3) {
                    continue;
                }
                long mpq = ((d[0] & 0xFFL) << 16) | ((d[1] & 0xFFL) << 8) | (d[2] & 0xFFL);
                if (mpq == 0) {
                    continue; // would stop time; no file means that
                }
                long[] last = changes.get(changes.size() - 1);
                long tick = e.getTick();
                if (tick == last[0]) {
                    last[1] = mpq; // the later of two tempos at one tick wins
                } else {
                    long at;
                    try {
                        at = Math.addExact(last[2], Math.multiplyExact(tick - last[0], last[1]));
                    } catch (ArithmeticException tooLong) {
                        throw new InvalidMidiDataException("the file is too long to play");
                    }
                    changes.add(new long[] {tick, mpq, at});
                }
            }
            ticks = new long[changes.size()];
            tempo = new long[changes.size()];
            scaledMicros = new long[changes.size()];
            for (int i = 0; i < changes.size(); i++) {
                ticks[i] = changes.get(i)[0];
                tempo[i] = changes.get(i)[1];
                scaledMicros[i] = changes.get(i)[2];
            }
        }

        @Override
        long nanos(long tick) {
            int i = Arrays.binarySearch(ticks, tick);
            if (i < 0) {
                i = -i - 2;
            }
            BigInteger scaled = BigInteger.valueOf(scaledMicros[i])
                    .add(BigInteger.valueOf(tick - ticks[i]).multiply(BigInteger.valueOf(tempo[i])));
            return divideRounded(scaled.multiply(BigInteger.valueOf(1000)), BigInteger.valueOf(resolution));
        }
    }

    /** a * b / c rounded to the nearest whole number; a, b, c not negative, c positive. */
    static long mulDiv(long a, long b, long c) {
        return divideRounded(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)), BigInteger.valueOf(c));
    }

    private static long divideRounded(BigInteger n, BigInteger d) {
        return n.add(d.shiftRight(1)).divide(d).longValueExact();
    }
}
