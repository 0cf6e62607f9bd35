package haptic.server.timing;

import haptic.protocol.Param;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InstanceLatencyTest {
    private static final long PERIOD = 1_333_333L;

    private static InstanceLatency latency() {
        InstanceLatency l = new InstanceLatency(4);
        l.serverPeriod(PERIOD);
        return l;
    }

    @Test
    void automaticIsTheHostBlockPlusAPeriodPlusTheMargin() {
        InstanceLatency l = latency();
        l.hostBlock(0, 48000f, 1024);
        assertEquals(21_333_333L + PERIOD + InstanceLatency.BASE_MARGIN_NANOS, l.latencyNanos(0));
        assertEquals(PERIOD + InstanceLatency.BASE_MARGIN_NANOS, l.latencyNanos(1), "no host block: the CLI");
    }

    @Test
    void aBurstOfLateEventsGrowsTheMarginOnceToWhatTheyNeeded() {
        InstanceLatency l = latency();
        long before = l.delayNanos(0);
        for (int i = 0; i < 8; i++) {
            // Eight events of one late block, each 2 ms late with the delay they all got.
            l.late(0, before + 2_000_000L);
        }
        assertEquals(before + 2_000_000L + InstanceLatency.GROWTH_HEADROOM_NANOS, l.delayNanos(0));
        l.late(0, before + 1_000_000L);
        assertEquals(before + 2_000_000L + InstanceLatency.GROWTH_HEADROOM_NANOS, l.delayNanos(0), "never shrinks");
        l.hostBlock(0, 48000f, 256);
        assertEquals(5_333_333L + PERIOD + InstanceLatency.BASE_MARGIN_NANOS, l.latencyNanos(0),
                "a new host block starts the margin over");
    }

    @Test
    void fixedLatenciesWinAndSyncOffsetShiftsButNeverBelowZero() {
        InstanceLatency l = latency();
        l.fixAll(8f);
        assertEquals(8_000_000L, l.latencyNanos(2));
        l.parameter(2, Param.LATENCY, 12f);
        assertEquals(12_000_000L, l.latencyNanos(2), "the instance's own parameter wins");
        l.late(2, 50_000_000L);
        assertEquals(12_000_000L, l.latencyNanos(2), "a fixed latency does not learn");
        l.parameter(2, Param.SYNC_OFFSET, -5f);
        assertEquals(7_000_000L, l.delayNanos(2));
        l.parameter(2, Param.SYNC_OFFSET, -100f);
        assertEquals(0L, l.delayNanos(2));
        l.reset(2);
        assertEquals(8_000_000L, l.delayNanos(2), "a new controller in the slot gets the server's setting");
    }
}
