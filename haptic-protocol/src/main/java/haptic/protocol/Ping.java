package haptic.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * Round-trip probe; the server answers with a {@link Pong} echoing both fields. Because the server
 * handles a connection's messages in order, the Pong also proves everything sent before the Ping arrived.
 */
public record Ping(long nonce, long clientNanos) {

    static final class Codec extends Serializer<Ping> {
        @Override
        public void write(Kryo kryo, Output out, Ping m) {
            out.writeLong(m.nonce);
            out.writeLong(m.clientNanos);
        }

        @Override
        public Ping read(Kryo kryo, Input in, Class<? extends Ping> type) {
            long nonce = in.readLong();
            long clientNanos = in.readLong();
            return new Ping(nonce, clientNanos);
        }
    }
}
