package haptic.panel;

import haptic.protocol.TransducerLevels;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LevelHistoryTest {
    private static TransducerLevels levels(long frame, float... rms) {
        float[] peak = new float[rms.length];
        for (int i = 0; i < rms.length; i++) {
            peak[i] = rms[i] * 1.4142135f;
        }
        return new TransducerLevels(frame, peak, rms);
    }

    @Test
    void keepsTheNewestOldestFirstWithTimesFromFrames() {
        LevelHistory h = new LevelHistory(3, 2);
        h.add(levels(800, 0.1f, 0.01f));
        h.add(levels(1600, 0.2f, 0.02f));
        h.add(levels(2400, 0.3f, 0.03f));
        h.add(levels(3200, 0.4f, 0.04f));
        assertEquals(3, h.size());
        float[] t = new float[3];
        float[] peak = new float[3];
        float[] rms = new float[3];
        float[] one = new float[3];
        h.copy(48000f, t, peak, rms, 1, one);
        assertArrayEquals(new float[]{-1600 / 48000f, -800 / 48000f, 0f}, t, 1e-6f);
        assertArrayEquals(new float[]{LevelStyle.decibels(0.2f), LevelStyle.decibels(0.3f), LevelStyle.decibels(0.4f)},
                rms, 1e-4f, "loudest RMS is transducer 0's here");
        assertArrayEquals(new float[]{LevelStyle.decibels(0.2f * 1.4142135f), LevelStyle.decibels(0.3f * 1.4142135f),
                LevelStyle.decibels(0.4f * 1.4142135f)}, peak, 1e-4f);
        assertArrayEquals(new float[]{-33.979f, -30.458f, -27.959f}, one, 1e-2f, "transducer 1's own RMS");
    }

    @Test
    void aRepeatedFrameIsIgnoredAndABackwardsFrameStartsAfresh() {
        LevelHistory h = new LevelHistory(8, 1);
        h.add(levels(100, 0.5f));
        h.add(levels(100, 0.9f));
        assertEquals(1, h.size());
        h.add(levels(200, 0.5f));
        h.add(levels(50, 0.25f)); // the server restarted: its frame counter began again
        assertEquals(1, h.size());
        float[] t = new float[1];
        float[] a = new float[1];
        float[] b = new float[1];
        float[] c = new float[1];
        h.copy(48000f, t, a, b, 0, c);
        assertEquals(LevelStyle.decibels(0.25f), c[0], 1e-5);
    }

    @Test
    void anUnknownTransducerReadsAsSilence() {
        LevelHistory h = new LevelHistory(4, 2);
        h.add(levels(1, 0.5f, 0.5f));
        float[] t = new float[1];
        float[] a = new float[1];
        float[] b = new float[1];
        float[] c = new float[1];
        h.copy(48000f, t, a, b, 7, c);
        assertEquals(LevelStyle.FLOOR_DB, c[0]);
    }
}
