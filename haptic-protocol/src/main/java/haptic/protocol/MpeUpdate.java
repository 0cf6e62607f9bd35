package haptic.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * New per-channel expression for the voices on {@code channel}: pressure and timbre 0..1, bend -1..1;
 * {@code time} as in {@link NoteOn}.
 */
public record MpeUpdate(int channel, float pressure, float bend, float timbre, long time) implements Timed {

    /** An untimed update: applies as soon as possible. */
    public MpeUpdate(int channel, float pressure, float bend, float timbre) {
        this(channel, pressure, bend, timbre, Protocol.UNTIMED);
    }

    static final class Codec extends Serializer<MpeUpdate> {
        @Override
        public void write(Kryo kryo, Output out, MpeUpdate m) {
            WireFormat.writeChannel(out, m.channel, "MpeUpdate.channel");
            WireFormat.writeFinite(out, m.pressure, "MpeUpdate.pressure");
            WireFormat.writeFinite(out, m.bend, "MpeUpdate.bend");
            WireFormat.writeFinite(out, m.timbre, "MpeUpdate.timbre");
            out.writeLong(m.time);
        }

        @Override
        public MpeUpdate read(Kryo kryo, Input in, Class<? extends MpeUpdate> type) {
            int channel = WireFormat.readChannel(in, "MpeUpdate.channel");
            float pressure = WireFormat.readFinite(in, "MpeUpdate.pressure");
            float bend = WireFormat.readFinite(in, "MpeUpdate.bend");
            float timbre = WireFormat.readFinite(in, "MpeUpdate.timbre");
            return new MpeUpdate(channel, pressure, bend, timbre, in.readLong());
        }
    }
}
