package haptic.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * Drives one transducer directly (bypassing the stimulus model) to check wiring: {@code transducer}
 * is a layout index, {@code amplitude} 0..1, {@code seconds} the pulse length (must not be negative),
 * {@code time} when it starts, as in {@link NoteOn}.
 */
public record TestPulse(int transducer, float amplitude, float seconds, long time) implements Timed {

    /** An untimed pulse: starts as soon as possible. */
    public TestPulse(int transducer, float amplitude, float seconds) {
        this(transducer, amplitude, seconds, Protocol.UNTIMED);
    }

    static final class Codec extends Serializer<TestPulse> {
        @Override
        public void write(Kryo kryo, Output out, TestPulse m) {
            WireFormat.writeRanged(out, m.transducer, 0, Protocol.MAX_ARRAY_LENGTH - 1, "TestPulse.transducer");
            WireFormat.writeFinite(out, m.amplitude, "TestPulse.amplitude");
            WireFormat.writeFinite(out, requireNotNegative(m.seconds), "TestPulse.seconds");
            out.writeLong(m.time);
        }

        @Override
        public TestPulse read(Kryo kryo, Input in, Class<? extends TestPulse> type) {
            int transducer = WireFormat.readRanged(in, 0, Protocol.MAX_ARRAY_LENGTH - 1, "TestPulse.transducer");
            float amplitude = WireFormat.readFinite(in, "TestPulse.amplitude");
            float seconds = requireNotNegative(WireFormat.readFinite(in, "TestPulse.seconds"));
            return new TestPulse(transducer, amplitude, seconds, in.readLong());
        }

        private static float requireNotNegative(float seconds) {
            if (seconds < 0f) {
                throw new ProtocolException("TestPulse.seconds " + seconds + " is negative");
            }
            return seconds;
        }
    }
}
