package haptic.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LevelMeterTest {
    @Test
    void peakAndRmsOverTheWindowThenReset() {
        LevelMeter m = new LevelMeter(3);
        float[][] block = new float[3][100];
        float sinePeak = 0;
        for (int t = 0; t < 100; t++) {
            block[0][t] = 0.5f;
            block[1][t] = (float) Math.sin(2 * Math.PI * t / 25.0); // four whole periods
            block[2][t] = t == 37 ? -0.9f : 0f;
            sinePeak = Math.max(sinePeak, Math.abs(block[1][t]));
        }
        m.accumulate(block, 100);
        m.accumulate(block, 50);
        assertEquals(150, m.frames());
        float[] peak = new float[3];
        float[] rms = new float[3];
        m.takeInto(peak, rms);
        assertEquals(0.5f, peak[0]);
        assertEquals(0.5f, rms[0], 1e-6f);
        assertEquals(sinePeak, peak[1]);
        assertEquals(Math.sqrt(0.5), rms[1], 1e-3);
        assertEquals(0.9f, peak[2]);
        assertEquals(Math.sqrt(0.81 * 2 / 150), rms[2], 1e-6);
        assertEquals(0, m.frames());
        m.takeInto(peak, rms);
        assertEquals(0f, peak[0]);
        assertEquals(0f, rms[1]);
    }
}
