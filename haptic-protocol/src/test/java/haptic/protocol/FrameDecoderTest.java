package haptic.protocol;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameDecoderTest {
    private final FrameEncoder encoder = new FrameEncoder();

    @Test
    void byteByByteInputYieldsEachMessageExactlyWhenItsLastByteArrives() {
        FrameDecoder decoder = new FrameDecoder();
        List<Object> received = new ArrayList<>();
        for (Object m : Samples.all()) {
            byte[] frame = encoder.encode(m);
            for (int i = 0; i < frame.length; i++) {
                decoder.feed(ByteBuffer.wrap(frame, i, 1));
                Object got = decoder.next();
                if (i < frame.length - 1) {
                    assertNull(got, "message complete before its last byte");
                } else {
                    received.add(got);
                }
            }
        }
        assertEquals(Samples.all(), received);
    }

    @Test
    void coalescedFramesInOneBufferAllComeOut() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<Object> sent = new ArrayList<>();
        for (int round = 0; round < 50; round++) {
            for (Object m : Samples.all()) {
                stream.writeBytes(encoder.encode(m));
                sent.add(m);
            }
        }
        FrameDecoder decoder = new FrameDecoder();
        ByteBuffer all = ByteBuffer.wrap(stream.toByteArray());
        decoder.feed(all);
        assertFalse(all.hasRemaining(), "feed must consume everything");
        assertEquals(sent, drain(decoder));
    }

    @Test
    void oddSizedChunksSplitAcrossFrameBoundaries() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (Object m : Samples.all()) {
            stream.writeBytes(encoder.encode(m));
        }
        byte[] bytes = stream.toByteArray();
        FrameDecoder decoder = new FrameDecoder();
        List<Object> received = new ArrayList<>();
        for (int pos = 0; pos < bytes.length; pos += 7) {
            ByteBuffer direct = ByteBuffer.allocateDirect(7);
            direct.put(bytes, pos, Math.min(7, bytes.length - pos)).flip();
            decoder.feed(direct);
            received.addAll(drain(decoder));
        }
        assertEquals(Samples.all(), received);
    }

    @Test
    void oversizeLengthFailsAsSoonAsTheHeaderIsComplete() {
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(ByteBuffer.wrap(new byte[] {0x7F, (byte) 0xFF, (byte) 0xFF}));
        assertNull(decoder.next(), "three bytes are not yet a length");
        decoder.feed(ByteBuffer.wrap(new byte[] {(byte) 0xFF}));
        ProtocolException e = assertThrows(ProtocolException.class, decoder::next);
        assertTrue(e.getMessage().contains("2147483647"), e.getMessage());
        assertThrows(ProtocolException.class, decoder::next, "a failed decoder stays failed");
    }

    @Test
    void lengthsJustOutsideTheLimitsAreRejected() {
        assertRejected(new byte[] {0, 0, 0, 0});
        assertRejected(new byte[] {0, 1, 0, 1}); // MAX_FRAME + 1
        assertRejected(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
    }

    @Test
    void maximumLengthIsAcceptedAndBuffered() {
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(ByteBuffer.wrap(new byte[] {0, 1, 0, 0})); // exactly MAX_FRAME
        decoder.feed(ByteBuffer.wrap(new byte[Protocol.MAX_FRAME - 1]));
        assertNull(decoder.next(), "frame is one byte short");
    }

    @Test
    void messagesBeforeACorruptFrameAreStillDelivered() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(encoder.encode(new Panic()));
        stream.writeBytes(encoder.encode(new Ping(1, 2)));
        stream.writeBytes(new byte[] {0, 0, 0, 0});
        stream.writeBytes(encoder.encode(new Panic()));
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(ByteBuffer.wrap(stream.toByteArray()));
        assertEquals(new Panic(), decoder.next());
        assertEquals(new Ping(1, 2), decoder.next());
        assertThrows(ProtocolException.class, decoder::next);
    }

    @Test
    void truncatedPayloadUnderflows() {
        byte[] full = encoder.encode(new EngineStatus(1, 2f, 3, 4, "jack", 48000f, 64, 1, 0, new float[] {1f, 2f}));
        int payload = full.length - 4;
        for (int cut = 1; cut < payload; cut++) {
            byte[] shorter = new byte[4 + cut];
            System.arraycopy(full, 4, shorter, 4, cut);
            ByteBuffer.wrap(shorter).putInt(cut);
            assertRejected(shorter);
        }
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] frame = encoder.encode(new NoteOff(1, 60, 0.5f));
        byte[] longer = java.util.Arrays.copyOf(frame, frame.length + 1);
        ByteBuffer.wrap(longer).putInt(frame.length - 4 + 1);
        ProtocolException e = assertRejected(longer);
        assertTrue(e.getMessage().contains("trailing"), e.getMessage());
    }

    @Test
    void unknownAndBuiltInClassIdsAreRejected() {
        assertRejected(frame(out -> out.writeVarInt(100 + 2, true)));
        assertRejected(frame(out -> out.writeVarInt(15 + 2, true)));
        // Kryo's own String registration (id 1): valid Kryo, but not a message.
        assertRejected(frame(out -> {
            out.writeVarInt(1 + 2, true);
            out.writeString("hello");
        }));
        assertRejected(frame(out -> out.writeVarInt(0, true)));
        assertRejected(frame(out -> out.writeVarInt(-1, true)));
    }

    @Test
    void objectWrittenByAPermissiveKryoIsRejected() {
        com.esotericsoftware.kryo.Kryo permissive = new com.esotericsoftware.kryo.Kryo();
        permissive.setRegistrationRequired(false);
        com.esotericsoftware.kryo.io.Output out = new com.esotericsoftware.kryo.io.Output(256, -1);
        permissive.writeClassAndObject(out, new java.util.ArrayList<>(List.of("x", "y")));
        byte[] payload = out.toBytes();
        ProtocolException e = assertRejected(withLength(payload));
        assertTrue(e.getMessage().contains("class"), e.getMessage());
    }

    @Test
    void nonFiniteFloatsAreRejectedNamingTheField() {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            ProtocolException e = assertRejected(frame(out -> {
                out.writeVarInt(20 + 2, true);
                out.writeVarInt(0, true);
                out.writeVarInt(60, true);
                out.writeFloat(bad);
                out.writeFloat(0f);
                out.writeFloat(0f);
                out.writeFloat(0f);
            }));
            assertEquals("NoteOn.velocity is not finite", e.getMessage());
        }
        ProtocolException e = assertRejected(frame(out -> {
            out.writeVarInt(22 + 2, true);
            out.writeVarInt(3, true);
            out.writeFloat(0.5f);
            out.writeFloat(0f);
            out.writeFloat(Float.NaN);
        }));
        assertEquals("MpeUpdate.timbre is not finite", e.getMessage());
    }

    @Test
    void outOfRangeChannelAndNoteAreRejected() {
        ProtocolException channel = assertRejected(frame(out -> {
            out.writeVarInt(21 + 2, true);
            out.writeVarInt(16, true);
            out.writeVarInt(60, true);
            out.writeFloat(0f);
        }));
        assertTrue(channel.getMessage().startsWith("NoteOff.channel 16"), channel.getMessage());
        ProtocolException note = assertRejected(frame(out -> {
            out.writeVarInt(21 + 2, true);
            out.writeVarInt(0, true);
            out.writeVarInt(128, true);
            out.writeFloat(0f);
        }));
        assertTrue(note.getMessage().startsWith("NoteOff.note 128"), note.getMessage());
    }

    @Test
    void unknownParameterIdIsRejected() {
        ProtocolException e = assertRejected(frame(out -> {
            out.writeVarInt(23 + 2, true);
            out.writeVarInt(15, true);
            out.writeFloat(1f);
        }));
        assertTrue(e.getMessage().contains("ParameterChange.paramId"), e.getMessage());
    }

    @Test
    void hugeClaimedArrayAndStringLengthsAreRejectedWithoutAllocating() {
        ProtocolException array = assertRejected(frame(out -> {
            out.writeVarInt(30 + 2, true);
            out.writeLong(0);
            out.writeVarInt(Integer.MAX_VALUE, true);
        }));
        assertTrue(array.getMessage().contains("TransducerLevels.peak"), array.getMessage());
        ProtocolException withinBoundButAbsent = assertRejected(frame(out -> {
            out.writeVarInt(30 + 2, true);
            out.writeLong(0);
            out.writeVarInt(1000, true);
        }));
        assertTrue(withinBoundButAbsent.getMessage().contains("frame ends"), withinBoundButAbsent.getMessage());
        ProtocolException string = assertRejected(frame(out -> {
            out.writeVarInt(12 + 2, true);
            out.writeVarInt(2_000_000_000, true);
        }));
        assertTrue(string.getMessage().contains("HelloRejected.reason"), string.getMessage());
    }

    @Test
    void invalidUtf8IsRejected() {
        assertRejected(frame(out -> {
            out.writeVarInt(13 + 2, true);
            out.writeVarInt(2, true);
            out.writeByte(0xC3);
            out.writeByte(0x28);
        }));
    }

    @Test
    void unknownRoleIsRejected() {
        ProtocolException e = assertRejected(frame(out -> {
            out.writeVarInt(10 + 2, true);
            out.writeInt(Protocol.VERSION);
            out.writeVarInt(7, true);
        }));
        assertTrue(e.getMessage().contains("role"), e.getMessage());
    }

    @Test
    void randomBytesGiveOnlyProtocolExceptionsOrMessages() {
        java.util.Random random = new java.util.Random(1234);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] noise = new byte[(trial % 2 == 0 ? 5 : 1) + random.nextInt(300)];
            random.nextBytes(noise);
            if (trial % 2 == 0) {
                // Plausible length prefix so the noise reaches the payload decoder.
                ByteBuffer.wrap(noise).putInt(0, Math.max(0, noise.length - 4 - random.nextInt(3)));
            }
            FrameDecoder decoder = new FrameDecoder();
            decoder.feed(ByteBuffer.wrap(noise));
            FrameFuzzTest.drainChecked(decoder, encoder);
        }
    }

    private interface Body {
        void write(com.esotericsoftware.kryo.io.Output out);
    }

    /** A frame built from raw Kryo primitives, independently of the message serializers. */
    private static byte[] frame(Body body) {
        com.esotericsoftware.kryo.io.Output out = new com.esotericsoftware.kryo.io.Output(64, -1);
        body.write(out);
        return withLength(out.toBytes());
    }

    private static byte[] withLength(byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
    }

    private static ProtocolException assertRejected(byte[] bytes) {
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(ByteBuffer.wrap(bytes));
        return assertThrows(ProtocolException.class, decoder::next);
    }

    private static List<Object> drain(FrameDecoder decoder) {
        List<Object> out = new ArrayList<>();
        for (Object m = decoder.next(); m != null; m = decoder.next()) {
            out.add(m);
        }
        return out;
    }
}
