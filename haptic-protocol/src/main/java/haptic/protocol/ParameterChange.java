package haptic.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/** Sets parameter {@code paramId} (a {@link Param#id()}) to {@code value}; the receiver clamps with {@link Param#clamp}. */
public record ParameterChange(int paramId, float value) {

    public ParameterChange(Param param, float value) {
        this(param.id(), value);
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
        }

        @Override
        public ParameterChange read(Kryo kryo, Input in, Class<? extends ParameterChange> type) {
            int paramId = WireFormat.readParamId(in, "ParameterChange.paramId");
            float value = WireFormat.readFinite(in, "ParameterChange.value");
            return new ParameterChange(paramId, value);
        }
    }
}
