package haptic.protocol;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Field encodings shared by the message serializers, each checking the same rule on write and on
 * read, so a sender learns about a bad value before the peer drops the connection.
 *
 * <p>Kryo's own {@code readString}/{@code readBytes}/{@code readFloats} allocate whatever length the
 * peer claims before checking that the bytes exist; these readers check the length against both the
 * protocol bound and the bytes left in the frame first, so hostile lengths cannot exhaust memory.
 */
final class WireFormat {
    /** UTF-8 needs at most 3 bytes per UTF-16 char (a surrogate pair takes 4 bytes for 2 chars). */
    private static final int MAX_STRING_BYTES = Protocol.MAX_STRING_CHARS * 3;

    private WireFormat() {
    }

    static void writeFinite(Output out, float v, String field) {
        out.writeFloat(requireFinite(v, field));
    }

    static float readFinite(Input in, String field) {
        return requireFinite(in.readFloat(), field);
    }

    static float requireFinite(float v, String field) {
        if (!Float.isFinite(v)) {
            throw new ProtocolException(field + " is not finite");
        }
        return v;
    }

    static void writeRanged(Output out, int v, int min, int max, String field) {
        out.writeVarInt(requireRange(v, min, max, field), true);
    }

    static int readRanged(Input in, int min, int max, String field) {
        return requireRange(in.readVarInt(true), min, max, field);
    }

    static int requireRange(int v, int min, int max, String field) {
        if (v < min || v > max) {
            throw new ProtocolException(field + " " + v + " is outside " + min + ".." + max);
        }
        return v;
    }

    static void writeChannel(Output out, int channel, String field) {
        writeRanged(out, channel, 0, 15, field);
    }

    static int readChannel(Input in, String field) {
        return readRanged(in, 0, 15, field);
    }

    static void writeNote(Output out, int note, String field) {
        writeRanged(out, note, 0, 127, field);
    }

    static int readNote(Input in, String field) {
        return readRanged(in, 0, 127, field);
    }

    static void writeParamId(Output out, int paramId, String field) {
        out.writeVarInt(requireKnownParam(paramId, field), true);
    }

    static int readParamId(Input in, String field) {
        return requireKnownParam(in.readVarInt(true), field);
    }

    private static int requireKnownParam(int paramId, String field) {
        if (Param.byId(paramId) == null) {
            throw new ProtocolException(field + " " + paramId + " is not a known parameter id");
        }
        return paramId;
    }

    static void writeString(Output out, String s, String field) {
        requireNonNull(s, field);
        if (s.length() > Protocol.MAX_STRING_CHARS) {
            throw new ProtocolException(field + " is longer than " + Protocol.MAX_STRING_CHARS + " chars");
        }
        ByteBuffer utf8;
        try {
            utf8 = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(s));
        } catch (CharacterCodingException e) {
            throw new ProtocolException(field + " is not valid Unicode", e);
        }
        out.writeVarInt(utf8.remaining(), true);
        out.writeBytes(utf8.array(), utf8.arrayOffset() + utf8.position(), utf8.remaining());
    }

    static String readString(Input in, String field) {
        int length = readLength(in, MAX_STRING_BYTES, 1, field);
        byte[] bytes = in.readBytes(length);
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException(field + " is not valid UTF-8", e);
        }
        if (s.length() > Protocol.MAX_STRING_CHARS) {
            throw new ProtocolException(field + " is longer than " + Protocol.MAX_STRING_CHARS + " chars");
        }
        return s;
    }

    static void writeStrings(Output out, String[] values, String field) {
        writeArrayLength(out, requireNonNull(values, field).length, field);
        for (int i = 0; i < values.length; i++) {
            writeString(out, values[i], field + "[" + i + "]");
        }
    }

    static String[] readStrings(Input in, String field) {
        // Each string takes at least its one-byte length prefix.
        String[] values = new String[readLength(in, Protocol.MAX_ARRAY_LENGTH, 1, field)];
        for (int i = 0; i < values.length; i++) {
            values[i] = readString(in, field + "[" + i + "]");
        }
        return values;
    }

    static void writeFloats(Output out, float[] values, String field) {
        writeArrayLength(out, requireNonNull(values, field).length, field);
        for (int i = 0; i < values.length; i++) {
            out.writeFloat(requireFinite(values[i], field + "[" + i + "]"));
        }
    }

    static float[] readFloats(Input in, String field) {
        float[] values = new float[readLength(in, Protocol.MAX_ARRAY_LENGTH, Float.BYTES, field)];
        for (int i = 0; i < values.length; i++) {
            values[i] = readFinite(in, field + "[" + i + "]");
        }
        return values;
    }

    static void writeParamIds(Output out, int[] values, String field) {
        writeArrayLength(out, requireNonNull(values, field).length, field);
        for (int i = 0; i < values.length; i++) {
            writeParamId(out, values[i], field + "[" + i + "]");
        }
    }

    static int[] readParamIds(Input in, String field) {
        int[] values = new int[readLength(in, Protocol.MAX_ARRAY_LENGTH, 1, field)];
        for (int i = 0; i < values.length; i++) {
            values[i] = readParamId(in, field + "[" + i + "]");
        }
        return values;
    }

    static <T> T requireNonNull(T value, String field) {
        if (value == null) {
            throw new ProtocolException(field + " is null");
        }
        return value;
    }

    static void requireSameLength(int a, int b, String fieldA, String fieldB) {
        if (a != b) {
            throw new ProtocolException(fieldA + " has " + a + " elements but " + fieldB + " has " + b);
        }
    }

    private static void writeArrayLength(Output out, int length, String field) {
        if (length > Protocol.MAX_ARRAY_LENGTH) {
            throw new ProtocolException(field + " has more than " + Protocol.MAX_ARRAY_LENGTH + " elements");
        }
        out.writeVarInt(length, true);
    }

    /** Reads a length and proves the frame holds at least {@code minBytesEach} per element before anyone allocates. */
    private static int readLength(Input in, int max, int minBytesEach, String field) {
        int length = in.readVarInt(true);
        if (length < 0 || length > max) {
            throw new ProtocolException(field + " length " + Integer.toUnsignedString(length) + " exceeds " + max);
        }
        long needed = (long) length * minBytesEach;
        if (needed > in.limit() - in.position()) {
            throw new ProtocolException(field + " claims " + length + " elements but the frame ends first");
        }
        return length;
    }
}
