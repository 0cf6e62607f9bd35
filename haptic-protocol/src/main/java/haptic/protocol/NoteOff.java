package haptic.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * Releases the voice started by the matching {@link NoteOn}; {@code velocity} is the release velocity, 0..1;
 * {@code time} as in {@link NoteOn}.
 */
public record NoteOff(int channel, int note, float velocity, long time) implements Timed {

    /** An untimed NoteOff: releases as soon as possible. */
    public NoteOff(int channel, int note, float velocity) {
        this(channel, note, velocity, Protocol.UNTIMED);
    }

    static final class Codec extends Serializer<NoteOff> {
        @Override
        public void write(Kryo kryo, Output out, NoteOff m) {
            WireFormat.writeChannel(out, m.channel, "NoteOff.channel");
            WireFormat.writeNote(out, m.note, "NoteOff.note");
            WireFormat.writeFinite(out, m.velocity, "NoteOff.velocity");
            out.writeLong(m.time);
        }

        @Override
        public NoteOff read(Kryo kryo, Input in, Class<? extends NoteOff> type) {
            int channel = WireFormat.readChannel(in, "NoteOff.channel");
            int note = WireFormat.readNote(in, "NoteOff.note");
            float velocity = WireFormat.readFinite(in, "NoteOff.velocity");
            return new NoteOff(channel, note, velocity, in.readLong());
        }
    }
}
