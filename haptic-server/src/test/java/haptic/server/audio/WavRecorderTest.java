package haptic.server.audio;

import haptic.testkit.Await;
import haptic.testkit.ThreadAllocation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WavRecorderTest {
    private static final int CHANNELS = 32;
    private static final int PERIOD = 64;

    @TempDir
    Path dir;

    /** Writes {@code periods} periods of {@link TestSignal}; the ring must be big enough to take them all. */
    private static long record(WavRecorder r, int periods) {
        boolean[] accepted = burst(r, periods);
        for (int p = 0; p < periods; p++) {
            assertTrue(accepted[p], "period " + p + " was dropped");
        }
        return (long) periods * PERIOD;
    }

    /** Writes periods of {@link TestSignal} as fast as possible; returns which ones the recorder accepted. */
    private static boolean[] burst(WavRecorder r, int periods) {
        float[][] out = new float[CHANNELS][PERIOD];
        boolean[] accepted = new boolean[periods];
        for (int p = 0; p < periods; p++) {
            long n = (long) p * PERIOD;
            for (int ch = 0; ch < CHANNELS; ch++) {
                for (int i = 0; i < PERIOD; i++) {
                    out[ch][i] = TestSignal.value(ch, n + i);
                }
            }
            accepted[p] = r.write(out, PERIOD);
        }
        return accepted;
    }

    @Test
    void javaSoundReadsBackEverySampleOfEveryChannel() throws IOException, UnsupportedAudioFileException {
        Path file = dir.resolve("take.wav");
        long frames;
        try (WavRecorder r = new WavRecorder(file, CHANNELS, 48000, 3)) {
            frames = record(r, 48000 * 2 / PERIOD);
            assertEquals(0, r.droppedFrames());
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in.getFormat();
            assertEquals(AudioFormat.Encoding.PCM_FLOAT, f.getEncoding());
            assertEquals(CHANNELS, f.getChannels());
            assertEquals(32, f.getSampleSizeInBits());
            assertEquals(48000f, f.getSampleRate());
            assertFalse(f.isBigEndian());
            assertEquals(frames, in.getFrameLength());
            ByteBuffer data = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(frames * CHANNELS * 4, data.remaining());
            assertSignal(data, frames);
        }
        assertEquals(WavHeader.SIZE + frames * CHANNELS * 4, Files.size(file));
    }

    @Test
    void pastTheRiffLimitTheFileBecomesRf64() throws IOException {
        Path file = dir.resolve("long.wav");
        long frames;
        try (WavRecorder r = new WavRecorder(file, CHANNELS, 48000, 1, 100_000)) {
            frames = record(r, 100);
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RF64", fourCc(b));
        assertEquals(0xFFFFFFFFL, b.getInt() & 0xFFFFFFFFL);
        assertEquals("WAVE", fourCc(b));
        assertEquals("ds64", fourCc(b));
        assertEquals(28, b.getInt());
        long riffSize = b.getLong();
        long dataSize = b.getLong();
        long sampleCount = b.getLong();
        assertEquals(0, b.getInt());
        assertEquals(Files.size(file) - 8, riffSize);
        assertEquals(frames * CHANNELS * 4, dataSize);
        assertEquals(frames, sampleCount);

        assertEquals("fmt ", fourCc(b));
        assertEquals(40, b.getInt());
        assertEquals((short) 0xFFFE, b.getShort());
        assertEquals(CHANNELS, b.getShort());
        assertEquals(48000, b.getInt());
        assertEquals(48000 * CHANNELS * 4, b.getInt());
        assertEquals(CHANNELS * 4, b.getShort());
        assertEquals(32, b.getShort());
        assertEquals(22, b.getShort());
        assertEquals(32, b.getShort());
        b.getInt();
        assertEquals(3, b.getInt(), "sub-format GUID starts with WAVE_FORMAT_IEEE_FLOAT");
        b.position(b.position() + 12);

        assertEquals("fact", fourCc(b));
        assertEquals(4, b.getInt());
        assertEquals(-1, b.getInt());
        assertEquals("data", fourCc(b));
        assertEquals(-1, b.getInt());
        assertEquals(dataSize, b.remaining());
        assertSignal(b, frames);
    }

    @Test
    void writesAfterCloseAreDroppedAndCounted() throws IOException {
        WavRecorder r = new WavRecorder(dir.resolve("closed.wav"), 2, 48000, 1);
        r.close();
        assertFalse(r.write(new float[2][PERIOD], PERIOD));
        assertEquals(0, r.recordedFrames());
        assertEquals(PERIOD, r.droppedFrames());
        r.close();
    }

    @Test
    void aFullRingDropsWholePeriodsAndKeepsTheRestInOrder() throws IOException, UnsupportedAudioFileException {
        Path file = dir.resolve("burst.wav");
        int periods = 48000 * 4 / PERIOD;
        boolean[] accepted;
        WavRecorder r = new WavRecorder(file, CHANNELS, 48000, 1);
        try {
            accepted = burst(r, periods);
        } finally {
            r.close();
        }
        int kept = 0;
        for (boolean a : accepted) {
            kept += a ? 1 : 0;
        }
        System.out.println("burst of " + periods + " periods into a 1 s ring: " + (periods - kept) + " dropped");
        assertEquals((long) (periods - kept) * PERIOD, r.droppedFrames());
        assertEquals((long) kept * PERIOD, r.recordedFrames());
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            assertEquals((long) kept * PERIOD, in.getFrameLength());
            ByteBuffer data = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            for (int p = 0; p < periods; p++) {
                if (!accepted[p]) {
                    continue;
                }
                for (int i = 0; i < PERIOD; i++) {
                    for (int ch = 0; ch < CHANNELS; ch++) {
                        float expected = TestSignal.value(ch, (long) p * PERIOD + i);
                        float got = data.getFloat();
                        if (got != expected) {
                            assertEquals(expected, got, "period " + p + ", frame " + i + ", channel " + ch);
                        }
                    }
                }
            }
            assertEquals(0, data.remaining());
        }
    }

    @Test
    void writeAllocatesNothing() throws IOException {
        try (WavRecorder r = new WavRecorder(dir.resolve("alloc.wav"), CHANNELS, 48000, 2)) {
            float[][] out = new float[CHANNELS][PERIOD];
            for (int i = 0; i < 20_000; i++) {
                r.write(out, PERIOD);
            }
            long tid = Thread.currentThread().getId();
            long before = ThreadAllocation.bytes(tid);
            int accepted = 0;
            for (int i = 0; i < 20_000; i++) {
                if (r.write(out, PERIOD)) {
                    accepted++;
                }
            }
            long after = ThreadAllocation.bytes(tid);
            assertTrue(accepted + r.droppedFrames() / PERIOD >= 20_000);
            assertEquals(0, after - before, "bytes allocated by 20000 write() calls");
        }
    }

    private static void assertSignal(ByteBuffer data, long frames) {
        for (long n = 0; n < frames; n++) {
            for (int ch = 0; ch < CHANNELS; ch++) {
                float got = data.getFloat();
                if (got != TestSignal.value(ch, n)) {
                    assertEquals(TestSignal.value(ch, n), got, "frame " + n + ", channel " + ch);
                }
            }
        }
        assertEquals(0, data.remaining());
    }

    private static String fourCc(ByteBuffer b) {
        byte[] id = new byte[4];
        b.get(id);
        return new String(id, java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void theHeaderIsKeptCurrentWhileRecording() throws IOException, UnsupportedAudioFileException {
        Path file = dir.resolve("live.wav");
        try (WavRecorder r = new WavRecorder(file, CHANNELS, 48000, 1)) {
            long frames = record(r, 100);
            Await.until(() -> {
                try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
                    return in.getFrameLength() == frames;
                } catch (IOException | UnsupportedAudioFileException e) {
                    return false;
                }
            }, 5_000, "the header to report the frames written so far");
        }
        assertTrue(Files.size(file) > WavHeader.SIZE);
    }
}
