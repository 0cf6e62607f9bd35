package haptic.panel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LevelStyleTest {
    @Test
    void decibelsAreTwentyLogTenAboveTheFloor() {
        assertEquals(0f, LevelStyle.decibels(1f), 1e-5);
        assertEquals(-6.0206f, LevelStyle.decibels(0.5f), 1e-3);
        assertEquals(-20f, LevelStyle.decibels(0.1f), 1e-4);
        assertEquals(LevelStyle.FLOOR_DB, LevelStyle.decibels(0f));
        assertEquals(LevelStyle.FLOOR_DB, LevelStyle.decibels(Float.NaN));
        assertEquals(LevelStyle.FLOOR_DB, LevelStyle.decibels(1e-9f));
    }

    @Test
    void decibelTextNeverShowsMinusZero() {
        assertEquals("0.0", LevelStyle.decibelText(0.99999f));
        assertEquals("0.0", LevelStyle.decibelText(1f));
        assertEquals("-6.0", LevelStyle.decibelText(0.5f));
        assertEquals("-20.0", LevelStyle.decibelText(0.1f));
        assertEquals("-inf", LevelStyle.decibelText(0f));
    }

    @Test
    void normalisedSpansFloorToFullScale() {
        assertEquals(0f, LevelStyle.normalised(0f));
        assertEquals(1f, LevelStyle.normalised(1f), 1e-6);
        assertEquals(1f, LevelStyle.normalised(4f), "over full scale still reads as full");
        float half = (float) Math.pow(10, LevelStyle.FLOOR_DB / 2 / 20);
        assertEquals(0.5f, LevelStyle.normalised(half), 1e-4);
    }

    @Test
    void louderIsAlwaysBrighter() {
        // Packing to 8 bits can lower one channel a step before another rises, so between neighbouring
        // levels allow one step of rounding (1/255 of luminance), and over coarser steps demand a real rise.
        float rounding = 1f / 255f;
        float previous = -1f;
        for (int i = 0; i <= 1000; i++) {
            float lum = LevelStyle.luminance(LevelStyle.colour(i / 1000f));
            assertTrue(lum >= previous - rounding, "luminance must not fall at " + i / 1000f);
            previous = lum;
        }
        for (int i = 0; i < 20; i++) {
            float lower = LevelStyle.luminance(LevelStyle.colour(i / 20f));
            float higher = LevelStyle.luminance(LevelStyle.colour((i + 1) / 20f));
            assertTrue(higher > lower + rounding, "5 % louder must look brighter from " + i / 20f);
        }
        float silent = LevelStyle.luminance(LevelStyle.colour(0f));
        float full = LevelStyle.luminance(LevelStyle.colour(1f));
        assertTrue(full - silent > 0.6f, "silence and full scale must be far apart: " + silent + " vs " + full);
    }

    @Test
    void packsAsImGuiAbgr() {
        assertEquals(0xff0000ff, LevelStyle.pack(1f, 0f, 0f, 1f), "red is the low byte");
        assertEquals(0x80ff0000, LevelStyle.pack(0f, 0f, 1f, 128f / 255f), "blue above green, alpha on top");
        assertEquals(0xff000000 | (LevelStyle.colour(0.3f) & 0xffffff), LevelStyle.colour(0.3f));
    }

    @Test
    void discNeverShrinksToNothing() {
        assertEquals(0.4f, LevelStyle.radiusShare(0f), 1e-6);
        assertEquals(1f, LevelStyle.radiusShare(1f), 1e-6);
        assertTrue(LevelStyle.radiusShare(0.5f) > LevelStyle.radiusShare(0.4f));
    }
}
