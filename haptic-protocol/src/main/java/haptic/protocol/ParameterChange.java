package haptic.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * Sets parameter {@code paramId} (a {@link Param#id()}) to {@code value}; the receiver clamps with {@link Param#clamp}.
 * {@code time} as in {@link NoteOn}.
 */
public record ParameterChange(int paramId, float value, long time) implements Timed {

    /** An untimed change: applies as soon as possible. */
    public ParameterChange(int paramId, float value) {
        this(paramId, value, Protocol.UNTIMED);
    }

    public ParameterChange(Param param, float value) {
        this(param.id(), value, Protocol.UNTIMED);
    }

    public ParameterChange(Param param, float value, long time) {
        this(param.id(), value, time);
    }

    /** @return the parameter, or null if the id is unknown (never the case for a decoded message) */
    public Param param() {
        return Param.byId(paramId);
    }

    static final class Codec extends Serializer<ParameterChange> {
        @Override
        public void write(Kryo kryo, Output out, ParameterChange m) {
            WireFormat.writeParamId(out, m.paramId, "ParameterChange.paramId");
            WireFormat.writeFinite(out, m.value, "ParameterChange.value");
            out.writeLong(m.time);
        }

        @Override
        public ParameterChange read(Kryo kryo, Input in, Class<? extends ParameterChange> type) {
            int paramId = WireFormat.readParamId(in, "ParameterChange.paramId");
            float value = WireFormat.readFinite(in, "ParameterChange.value");
            return new ParameterChange(paramId, value, in.readLong());
        }
    }
}
