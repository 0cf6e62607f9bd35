package haptic.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import haptic.protocol.FrameDecoder;
import haptic.protocol.FrameEncoder;
import haptic.protocol.Hello;
import haptic.protocol.InstanceConfig;
import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.Param;
import haptic.protocol.ParameterChange;
import haptic.protocol.Protocol;
import haptic.protocol.ProtocolException;
import haptic.protocol.Role;
import haptic.protocol.TestPulse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The ceiling's first line of defence is the protocol edge: NaN and ±Inf never enter the server. For every
 * float a client can send, a sender's encoder refuses the value, and a frame carrying it anyway (as a hostile
 * or buggy peer would write it) is refused by the decoder.
 */
class CeilingProtocolEdgeTest {
    private static final float[] NON_FINITE = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.intBitsToFloat(0x7fc12345)};

    /** A message type and how to build it from its float fields (every other field fixed and valid). */
    private record Shape(String name, int floats, Function<float[], Object> build) {
    }

    private static List<Shape> shapes() {
        List<Shape> shapes = new ArrayList<>();
        shapes.add(new Shape("NoteOn", 4, f -> new NoteOn(3, 60, f[0], f[1], f[2], f[3])));
        shapes.add(new Shape("MpeUpdate", 3, f -> new MpeUpdate(5, f[0], f[1], f[2])));
        for (Param p : Param.values()) {
            shapes.add(new Shape("ParameterChange " + p, 1, f -> new ParameterChange(p, f[0])));
        }
        shapes.add(new Shape("TestPulse", 2, f -> new TestPulse(7, f[0], f[1])));
        shapes.add(new Shape("NoteOff", 1, f -> new NoteOff(2, 61, f[0])));
        shapes.add(new Shape("Hello config", 2, f -> new Hello(Protocol.VERSION, Role.CONTROLLER, "edge",
                new InstanceConfig("edge", new int[] {Param.GAIN.id(), Param.WAVE_SPEED.id()}, f))));
        return shapes;
    }

    /** Distinct, finite, in-range values whose bit patterns are easy to find again in a frame. */
    private static float[] sentinels(int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = 0.1234567f + 0.0712345f * i;
        }
        return f;
    }

    @Test
    void encoderRefusesEveryNonFiniteFloatField() {
        FrameEncoder encoder = new FrameEncoder();
        int cases = 0;
        for (Shape s : shapes()) {
            for (int field = 0; field < s.floats; field++) {
                for (float bad : NON_FINITE) {
                    float[] f = sentinels(s.floats);
                    f[field] = bad;
                    Object msg = s.build.apply(f);
                    assertThrows(ProtocolException.class, () -> encoder.encode(msg),
                            s.name + " float " + field + " = " + bad + " must not be sendable");
                    cases++;
                }
            }
        }
        // The encoder still works after refusing: a valid message goes through.
        assertTrue(encoder.encode(new NoteOn(0, 1, 1f, 1f, 0f, 0f)).length > Protocol.LENGTH_PREFIX);
        assertTrue(cases >= 4 * (4 + 3 + Param.values().length + 2), "covered " + cases + " cases");
    }

    @Test
    void decoderRefusesAFrameCarryingANonFiniteFloatInAnyField() {
        FrameEncoder encoder = new FrameEncoder();
        int cases = 0;
        for (Shape s : shapes()) {
            float[] valid = sentinels(s.floats);
            byte[] frame = encoder.encode(s.build.apply(valid));
            assertEquals(s.build.apply(valid), decodeOne(frame), s.name + " round-trips when finite");
            for (int field = 0; field < s.floats; field++) {
                for (float bad : NON_FINITE) {
                    byte[] hostile = withFloatReplaced(frame, valid[field], bad, s.name + " float " + field);
                    FrameDecoder decoder = new FrameDecoder();
                    decoder.feed(ByteBuffer.wrap(hostile));
                    ProtocolException e = assertThrows(ProtocolException.class, decoder::next,
                            s.name + " float " + field + " = " + bad + " must be refused on decode");
                    assertTrue(e.getMessage().contains("not finite"), "the refusal says why: " + e.getMessage());
                    cases++;
                }
            }
        }
        assertTrue(cases >= 4 * (4 + 3 + Param.values().length + 2), "covered " + cases + " cases");
    }

    private static Object decodeOne(byte[] frame) {
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(ByteBuffer.wrap(frame));
        return decoder.next();
    }

    /**
     * The frame with the one occurrence of {@code original}'s bytes replaced by {@code bad}'s, in whichever byte
     * order the serializer used. Found by value rather than by offset, so the test does not hard-code the layout.
     */
    private static byte[] withFloatReplaced(byte[] frame, float original, float bad, String what) {
        int o = Float.floatToRawIntBits(original);
        int b = Float.floatToRawIntBits(bad);
        byte[] out = frame.clone();
        int found = 0;
        for (boolean bigEndian : new boolean[] {true, false}) {
            byte[] pattern = bytes(o, bigEndian);
            for (int i = Protocol.LENGTH_PREFIX; i + 4 <= frame.length; i++) {
                if (frame[i] == pattern[0] && frame[i + 1] == pattern[1] && frame[i + 2] == pattern[2]
                        && frame[i + 3] == pattern[3]) {
                    System.arraycopy(bytes(b, bigEndian), 0, out, i, 4);
                    found++;
                }
            }
        }
        assertEquals(1, found, what + ": its value occurs exactly once in the frame");
        return out;
    }

    private static byte[] bytes(int bits, boolean bigEndian) {
        byte[] b = ByteBuffer.allocate(4).putInt(bits).array();
        return bigEndian ? b : new byte[] {b[3], b[2], b[1], b[0]};
    }
}
