package haptic.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * Server's answer to an acceptable {@link Hello}: what it is running and with which layout.
 * {@code slot} is the server's number for this connection (stable for its lifetime).
 */
public record HelloAccepted(int version, String serverVersion, int slot, String backend, float sampleRate,
                            int periodFrames, LayoutInfo layout) {

    static final class Codec extends Serializer<HelloAccepted> {
        @Override
        public void write(Kryo kryo, Output out, HelloAccepted m) {
            out.writeInt(m.version);
            WireFormat.writeString(out, m.serverVersion, "HelloAccepted.serverVersion");
            out.writeVarInt(m.slot, true);
            WireFormat.writeString(out, m.backend, "HelloAccepted.backend");
            WireFormat.writeFinite(out, m.sampleRate, "HelloAccepted.sampleRate");
            out.writeVarInt(m.periodFrames, true);
            LayoutInfo.write(out, m.layout, "HelloAccepted.layout");
        }

        @Override
        public HelloAccepted read(Kryo kryo, Input in, Class<? extends HelloAccepted> type) {
            int version = in.readInt();
            String serverVersion = WireFormat.readString(in, "HelloAccepted.serverVersion");
            int slot = in.readVarInt(true);
            String backend = WireFormat.readString(in, "HelloAccepted.backend");
            float sampleRate = WireFormat.readFinite(in, "HelloAccepted.sampleRate");
            int periodFrames = in.readVarInt(true);
            LayoutInfo layout = LayoutInfo.read(in, "HelloAccepted.layout");
            return new HelloAccepted(version, serverVersion, slot, backend, sampleRate, periodFrames, layout);
        }
    }
}
