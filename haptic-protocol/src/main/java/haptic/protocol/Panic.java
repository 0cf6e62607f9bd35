package haptic.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/** Silences every voice immediately. Carries no fields; all instances are equal. */
public record Panic() {

    static final class Codec extends Serializer<Panic> {
        @Override
        public void write(Kryo kryo, Output out, Panic m) {
            // Nothing to write: the message id alone is the command.
        }

        @Override
        public Panic read(Kryo kryo, Input in, Class<? extends Panic> type) {
            return new Panic();
        }
    }
}
