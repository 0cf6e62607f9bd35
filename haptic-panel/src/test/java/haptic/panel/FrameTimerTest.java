package haptic.panel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameTimerTest {
    @Test
    void summarisesAllFramesAndAveragesTheLastSixty() {
        FrameTimer t = new FrameTimer();
        for (int i = 1; i <= 2000; i++) {
            t.add(i * 1_000_000L); // i milliseconds
        }
        FrameTimer.Summary s = t.summary();
        assertEquals(2000, s.frames());
        assertEquals(1000.5, s.meanMillis(), 1e-9);
        assertEquals(1000, s.medianMillis(), 1e-9);
        assertEquals(1900, s.p95Millis(), 1e-9);
        assertEquals(2000, s.maxMillis(), 1e-9);
        assertEquals((1941 + 2000) / 2.0, t.recentMeanMillis(), 1e-9);
    }

    @Test
    void emptyIsZero() {
        assertEquals(0, new FrameTimer().recentMeanMillis());
        assertEquals(0, new FrameTimer().summary().frames());
    }
}
