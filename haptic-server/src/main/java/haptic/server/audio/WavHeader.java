package haptic.server.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The header of a 32-bit float WAVE_FORMAT_EXTENSIBLE file, in plain RIFF form or, past 4 GiB, as RF64
 * (EBU Tech 3306).
 *
 * <p>A 28-byte JUNK chunk is always reserved right after "WAVE". Below the limit readers skip it; above it
 * the same bytes become the ds64 chunk carrying the 64-bit sizes, and the 32-bit size fields are set to
 * 0xFFFFFFFF. So the switch to RF64 only rewrites the header in place, never moves the audio.
 */
final class WavHeader {
    static final int SIZE = 12 + (8 + 28) + (8 + 40) + (8 + 4) + 8;
    /** Largest size a 32-bit RIFF length field can carry. */
    static final long RIFF_LIMIT = 0xFFFFFFFFL;

    private static final short WAVE_FORMAT_EXTENSIBLE = (short) 0xFFFE;
    /** KSDATAFORMAT_SUBTYPE_IEEE_FLOAT, 00000003-0000-0010-8000-00AA00389B71, in its little-endian byte layout. */
    private static final byte[] SUBTYPE_IEEE_FLOAT = {
        0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00,
        (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71,
    };

    private WavHeader() {
    }

    /** Whether a file with this many frames needs RF64 under the given RIFF size limit. */
    static boolean needsRf64(long frames, int channels, long riffLimit) {
        return riffSize(frames, channels) > riffLimit;
    }

    private static long dataBytes(long frames, int channels) {
        return frames * channels * Float.BYTES;
    }

    private static long riffSize(long frames, int channels) {
        return SIZE - 8 + dataBytes(frames, channels);
    }

    /** Fills {@code b} (position 0, little-endian) with the header for {@code frames} frames. */
    static ByteBuffer write(ByteBuffer b, int channels, int sampleRate, long frames, long riffLimit) {
        boolean rf64 = needsRf64(frames, channels, riffLimit);
        long data = dataBytes(frames, channels);
        int blockAlign = channels * Float.BYTES;
        b.clear().order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii(rf64 ? "RF64" : "RIFF")).putInt(rf64 ? -1 : (int) riffSize(frames, channels)).put(ascii("WAVE"));

        b.put(ascii(rf64 ? "ds64" : "JUNK")).putInt(28);
        if (rf64) {
            b.putLong(riffSize(frames, channels)).putLong(data).putLong(frames).putInt(0);
        } else {
            b.put(new byte[28]);
        }

        b.put(ascii("fmt ")).putInt(40)
                .putShort(WAVE_FORMAT_EXTENSIBLE)
                .putShort((short) channels)
                .putInt(sampleRate)
                .putInt(sampleRate * blockAlign)
                .putShort((short) blockAlign)
                .putShort((short) 32)
                .putShort((short) 22)
                .putShort((short) 32)
                .putInt(0)
                .put(SUBTYPE_IEEE_FLOAT);

        b.put(ascii("fact")).putInt(4).putInt(rf64 ? -1 : (int) frames);
        b.put(ascii("data")).putInt(rf64 ? -1 : (int) data);
        return b.flip();
    }

    private static byte[] ascii(String fourCc) {
        return fourCc.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
