package haptic.protocol;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameEncoderTest {
    private final FrameEncoder encoder = new FrameEncoder();

    @Test
    void frameThatDoesNotFitLeavesTheBufferUntouched() {
        byte[] frame = encoder.encode(new NoteOn(0, 60, 1f, 0f, 0f, 0.5f));
        ByteBuffer dst = ByteBuffer.allocate(frame.length - 1);
        assertThrows(ProtocolException.class, () -> encoder.encode(new NoteOn(0, 60, 1f, 0f, 0f, 0.5f), dst));
        assertEquals(0, dst.position());
        assertArrayEquals(new byte[frame.length - 1], dst.array());
    }

    @Test
    void lengthIsBigEndianWhateverTheBufferOrder() {
        ByteBuffer dst = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        encoder.encode(new Panic(), dst);
        assertArrayEquals(new byte[] {0, 0, 0, 1, 26}, Arrays.copyOf(dst.array(), dst.position()));
    }

    @Test
    void oversizeMessageIsRefused() {
        String longName = "n".repeat(Protocol.MAX_STRING_CHARS);
        String[] names = new String[Protocol.MAX_ARRAY_LENGTH];
        Arrays.fill(names, longName);
        float[] xs = new float[names.length];
        LayoutInfo huge = new LayoutInfo("big", names, xs, xs);
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> encoder.encode(new HelloAccepted(1, "v", 0, "b", 48000f, 64, huge)));
        assertTrue(e.getMessage().contains("frame limit"), e.getMessage());
        // The encoder is still usable afterwards.
        assertEquals(5, encoder.encode(new Panic()).length);
    }

    @Test
    void invalidFieldsAreRefusedBeforeSending() {
        ProtocolException nan = assertThrows(ProtocolException.class,
                () -> encoder.encode(new NoteOn(0, 60, Float.NaN, 0f, 0f, 0f)));
        assertEquals("NoteOn.velocity is not finite", nan.getMessage());
        assertThrows(ProtocolException.class, () -> encoder.encode(new MpeUpdate(16, 0f, 0f, 0f)));
        assertThrows(ProtocolException.class, () -> encoder.encode(new NoteOff(-1, 0, 0f)));
        assertThrows(ProtocolException.class, () -> encoder.encode(new ParameterChange(99, 1f)));
        assertThrows(ProtocolException.class, () -> encoder.encode(new TestPulse(0, 1f, -1f)));
        assertThrows(ProtocolException.class, () -> encoder.encode(new HelloRejected(null)));
        assertThrows(ProtocolException.class, () -> encoder.encode(new HelloRejected("x".repeat(257))));
        assertThrows(ProtocolException.class, () -> encoder.encode(new HelloRejected("bad \uD800 surrogate")));
        assertThrows(ProtocolException.class,
                () -> encoder.encode(new TransducerLevels(0, new float[2], new float[3])));
        assertThrows(ProtocolException.class, () -> encoder.encode(new EngineStatus(0, 0f, 0, 0, "x", 1f, 1, 0, 0,
                new float[3])));
        assertThrows(ProtocolException.class, () -> encoder.encode(new Hello(1, Role.CONTROLLER, "id",
                new InstanceConfig("", new int[] {Param.GAIN.id()}, new float[0]))));
    }

    @Test
    void nonMessagesAreRefused() {
        assertThrows(ProtocolException.class, () -> encoder.encode("a string"));
        assertThrows(ProtocolException.class, () -> encoder.encode((Object) null));
        assertThrows(ProtocolException.class, () -> encoder.encode(InstanceConfig.EMPTY));
    }

    @Test
    void maximumStringLengthIsAllowed() {
        String longest = "\u00e9".repeat(Protocol.MAX_STRING_CHARS);
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(ByteBuffer.wrap(encoder.encode(new ErrorReply(longest))));
        assertEquals(new ErrorReply(longest), decoder.next());
    }
}
