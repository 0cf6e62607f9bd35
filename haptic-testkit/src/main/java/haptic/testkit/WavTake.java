package haptic.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** A 32-bit float WAV the server recorded (--record), read back whole for sample-position checks. */
public final class WavTake {
    private final float[][] channels;
    private final float sampleRate;

    private WavTake(float[][] channels, float sampleRate) {
        this.channels = channels;
        this.sampleRate = sampleRate;
    }

    /** Reads the fmt and data chunks; any other chunk is skipped. */
    public static WavTake read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.limit() < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException(file + " is not a RIFF/WAVE file");
        }
        int channels = 0;
        float rate = 0;
        int pos = 12;
        while (pos + 8 <= b.limit()) {
            int id = b.getInt(pos);
            long size = b.getInt(pos + 4) & 0xffffffffL;
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                channels = b.getShort(body + 2);
                rate = b.getInt(body + 4);
            } else if (id == 0x61746164) { // "data"
                if (channels == 0) {
                    throw new IOException(file + ": data before fmt");
                }
                long bytes = Math.min(size, b.limit() - body);
                int frames = (int) (bytes / 4 / channels);
                float[][] out = new float[channels][frames];
                for (int f = 0; f < frames; f++) {
                    for (int c = 0; c < channels; c++) {
                        out[c][f] = b.getFloat(body + (f * channels + c) * 4);
                    }
                }
                return new WavTake(out, rate);
            }
            pos = body + (int) ((size + 1) & ~1L);
        }
        throw new IOException(file + " has no data chunk");
    }

    public float[] channel(int c) {
        return channels[c];
    }

    public int channelCount() {
        return channels.length;
    }

    public int frames() {
        return channels.length == 0 ? 0 : channels[0].length;
    }

    public float sampleRate() {
        return sampleRate;
    }

    /** First frame at or after {@code from} where channel {@code c} is not zero, or -1. */
    public int firstSound(int c, int from) {
        float[] ch = channels[c];
        for (int i = Math.max(0, from); i < ch.length; i++) {
            if (ch[i] != 0f) {
                return i;
            }
        }
        return -1;
    }

    /** Largest magnitude on channel {@code c} in [from, to). */
    public float peak(int c, int from, int to) {
        float p = 0;
        float[] ch = channels[c];
        for (int i = Math.max(0, from); i < Math.min(to, ch.length); i++) {
            p = Math.max(p, Math.abs(ch[i]));
        }
        return p;
    }
}
