package haptic.client;

import haptic.protocol.EngineStatus;
import haptic.protocol.TransducerLevels;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class LevelMeterTest {

    @Test
    void silenceIsBlankAndAnySignalIsVisible() {
        assertEquals(' ', LevelMeter.glyph(0f));
        assertEquals(' ', LevelMeter.glyph(-0.5f));
        assertEquals(' ', LevelMeter.glyph(Float.NaN));
        assertEquals('.', LevelMeter.glyph(1e-9f));
    }

    @Test
    void ninthsOfFullScaleStepThroughTheRamp() {
        String ramp = " .:-=+*#%@";
        for (int step = 1; step <= 9; step++) {
            float top = step / 9f;
            assertEquals(ramp.charAt(step), LevelMeter.glyph(top - 0.01f), "just below " + step + "/9");
        }
        assertEquals('@', LevelMeter.glyph(1f));
        assertEquals('@', LevelMeter.glyph(3f));
    }

    @Test
    void lineShowsEveryTransducerAndTheLoudest() {
        TransducerLevels levels = new TransducerLevels(42, new float[] {0.2f, 0.85f, 0f}, new float[3]);
        assertEquals("          42 |:% |  max 0.850 T02",
                LevelMeter.line(levels, FakeHapticServer.LAYOUT));
        assertEquals("           7 ||", LevelMeter.line(new TransducerLevels(7, new float[0], new float[0]),
                FakeHapticServer.LAYOUT));
    }

    @Test
    void statusKeyIgnoresLoadButNotVoices() {
        EngineStatus a = new EngineStatus(1, 3f, 0, 0, "x", 1f, 1, 0, 1, new float[0]);
        EngineStatus busier = new EngineStatus(1, 50f, 0, 0, "x", 1f, 1, 0, 1, new float[0]);
        EngineStatus moreVoices = new EngineStatus(2, 3f, 0, 0, "x", 1f, 1, 0, 1, new float[0]);
        assertEquals(LevelMeter.statusKey(a), LevelMeter.statusKey(busier));
        assertNotEquals(LevelMeter.statusKey(a), LevelMeter.statusKey(moreVoices));
    }
}
