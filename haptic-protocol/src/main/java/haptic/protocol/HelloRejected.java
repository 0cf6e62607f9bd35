package haptic.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/** Server's answer to an unacceptable {@link Hello}; the server closes the connection after sending it. */
public record HelloRejected(String reason) {

    static final class Codec extends Serializer<HelloRejected> {
        @Override
        public void write(Kryo kryo, Output out, HelloRejected m) {
            WireFormat.writeString(out, m.reason, "HelloRejected.reason");
        }

        @Override
        public HelloRejected read(Kryo kryo, Input in, Class<? extends HelloRejected> type) {
            return new HelloRejected(WireFormat.readString(in, "HelloRejected.reason"));
        }
    }
}
