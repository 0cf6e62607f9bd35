package haptic.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/** Answer to {@link Ping}: its nonce and clientNanos echoed, plus the server's {@code System.nanoTime()}. */
public record Pong(long nonce, long clientNanos, long serverNanos) {

    static final class Codec extends Serializer<Pong> {
        @Override
        public void write(Kryo kryo, Output out, Pong m) {
            out.writeLong(m.nonce);
            out.writeLong(m.clientNanos);
            out.writeLong(m.serverNanos);
        }

        @Override
        public Pong read(Kryo kryo, Input in, Class<? extends Pong> type) {
            long nonce = in.readLong();
            long clientNanos = in.readLong();
            long serverNanos = in.readLong();
            return new Pong(nonce, clientNanos, serverNanos);
        }
    }
}
