package haptic.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/** Server tells a client that a request could not be honoured (the connection may stay open). */
public record ErrorReply(String reason) {

    static final class Codec extends Serializer<ErrorReply> {
        @Override
        public void write(Kryo kryo, Output out, ErrorReply m) {
            WireFormat.writeString(out, m.reason, "ErrorReply.reason");
        }

        @Override
        public ErrorReply read(Kryo kryo, Input in, Class<? extends ErrorReply> type) {
            return new ErrorReply(WireFormat.readString(in, "ErrorReply.reason"));
        }
    }
}
