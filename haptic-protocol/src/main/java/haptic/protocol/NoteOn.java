package haptic.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * Starts a voice. {@code channel} 0..15 and {@code note} 0..127 as in MIDI; velocity, pressure and
 * timbre are normalised to 0..1 and bend to -1..1 of the full bend range. The wire only insists that
 * the floats are finite; receivers clamp them into range. {@code time} is when it should sound
 * ({@link Protocol#UNTIMED} or a {@link SharedClock} reading).
 */
public record NoteOn(int channel, int note, float velocity, float pressure, float bend, float timbre, long time) implements Timed {

    /** An untimed NoteOn: sounds as soon as possible. */
    public NoteOn(int channel, int note, float velocity, float pressure, float bend, float timbre) {
        this(channel, note, velocity, pressure, bend, timbre, Protocol.UNTIMED);
    }

    static final class Codec extends Serializer<NoteOn> {
        @Override
        public void write(Kryo kryo, Output out, NoteOn m) {
            WireFormat.writeChannel(out, m.channel, "NoteOn.channel");
            WireFormat.writeNote(out, m.note, "NoteOn.note");
            WireFormat.writeFinite(out, m.velocity, "NoteOn.velocity");
            WireFormat.writeFinite(out, m.pressure, "NoteOn.pressure");
            WireFormat.writeFinite(out, m.bend, "NoteOn.bend");
            WireFormat.writeFinite(out, m.timbre, "NoteOn.timbre");
            out.writeLong(m.time);
        }

        @Override
        public NoteOn read(Kryo kryo, Input in, Class<? extends NoteOn> type) {
            int channel = WireFormat.readChannel(in, "NoteOn.channel");
            int note = WireFormat.readNote(in, "NoteOn.note");
            float velocity = WireFormat.readFinite(in, "NoteOn.velocity");
            float pressure = WireFormat.readFinite(in, "NoteOn.pressure");
            float bend = WireFormat.readFinite(in, "NoteOn.bend");
            float timbre = WireFormat.readFinite(in, "NoteOn.timbre");
            return new NoteOn(channel, note, velocity, pressure, bend, timbre, in.readLong());
        }
    }
}
