package haptic.protocol;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seeded random frames: the decoder may only ever produce valid messages or a ProtocolException. */
class FrameFuzzTest {
    private static final int FRAMES = 100_000;

    @Test
    void randomAndMutatedFramesNeverEscapeAsAnythingButProtocolException() {
        Random random = new Random(20240611L);
        FrameEncoder encoder = new FrameEncoder();
        List<Object> samples = Samples.all();
        byte[][] valid = samples.stream().map(encoder::encode).toArray(byte[][]::new);
        Integer[] ids = Messages.all().values().toArray(Integer[]::new);
        FrameDecoder decoder = new FrameDecoder();
        int messages = 0;
        int failures = 0;
        for (int i = 0; i < FRAMES; i++) {
            byte[] frame;
            switch (i % 3) {
                case 0 -> {
                    frame = new byte[4 + 1 + random.nextInt(64)];
                    random.nextBytes(frame);
                }
                case 1 -> {
                    byte[] source = valid[random.nextInt(valid.length)];
                    frame = source.clone();
                    for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                        frame[4 + random.nextInt(frame.length - 4)] = (byte) random.nextInt(256);
                    }
                }
                default -> {
                    frame = new byte[4 + 1 + random.nextInt(96)];
                    random.nextBytes(frame);
                    frame[4] = (byte) (ids[random.nextInt(ids.length)] + 2);
                }
            }
            ByteBuffer.wrap(frame).putInt(0, frame.length - 4);
            decoder.feed(ByteBuffer.wrap(frame));
            int got = drainChecked(decoder, encoder);
            if (got < 0) {
                failures++;
                decoder = new FrameDecoder();
            } else {
                messages += got;
            }
        }
        assertEquals(FRAMES, messages + failures, "every frame gives exactly one outcome");
        // The fuzz is only meaningful if both outcomes actually occur in quantity.
        assertTrue(messages > 1000, "valid messages decoded: " + messages);
        assertTrue(failures > 1000, "rejections: " + failures);
    }

    /**
     * Drains the decoder, checking that every message is a protocol type that re-encodes cleanly.
     *
     * @return number of messages, or -1 if a ProtocolException ended the stream
     */
    static int drainChecked(FrameDecoder decoder, FrameEncoder encoder) {
        int count = 0;
        try {
            for (Object m = decoder.next(); m != null; m = decoder.next()) {
                assertTrue(Messages.idOf(m.getClass()) >= 0, m.getClass().getName());
                encoder.encode(m);
                count++;
            }
        } catch (ProtocolException expected) {
            return -1;
        }
        return count;
    }
}
