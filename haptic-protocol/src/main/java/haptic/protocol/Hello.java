package haptic.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * First message of every connection, client to server. {@code instanceId} names the controller
 * instance across reconnects (a plugin keeps it in its saved state); {@code config} is the parameter
 * state to replay, {@link InstanceConfig#EMPTY} if none.
 */
public record Hello(int version, Role role, String instanceId, InstanceConfig config) {

    static final class Codec extends Serializer<Hello> {
        @Override
        public void write(Kryo kryo, Output out, Hello m) {
            out.writeInt(m.version);
            out.writeVarInt(WireFormat.requireNonNull(m.role, "Hello.role").code(), true);
            WireFormat.writeString(out, m.instanceId, "Hello.instanceId");
            InstanceConfig.write(out, m.config, "Hello.config");
        }

        @Override
        public Hello read(Kryo kryo, Input in, Class<? extends Hello> type) {
            int version = in.readInt();
            Role role = Role.fromCode(in.readVarInt(true));
            String instanceId = WireFormat.readString(in, "Hello.instanceId");
            InstanceConfig config = InstanceConfig.read(in, "Hello.config");
            return new Hello(version, role, instanceId, config);
        }
    }
}
