package haptic.server.audio;

import haptic.protocol.SharedClock;
import haptic.testkit.Await;
import haptic.testkit.JackdServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Event times from other processes (SharedClock, System.nanoTime()) are placed on JACK's cycle times
 * (jack_get_cycle_times, libjack's clock, which is CLOCK_MONOTONIC_RAW in jackd2 and so must be mapped).
 * Each period's first-frame time as the JACK backend reports it must lie just before the moment the
 * callback runs, by less than two periods, never after it. (Unmapped, it lay 252 ms before.)
 */
class SharedClockOnJackTest {
    @Test
    void jackCycleTimesAreOnTheSharedClock() throws AudioException {
        Probe probe = new Probe();
        try (JackdServer server = JackdServer.start(256);
             AudioOutput out = AudioOutput.start(JackPlaybackTest.jackOptions(server.name()), probe, l -> { })) {
            Await.until(() -> probe.calls > 200, 10_000, "JACK cycles");
        }
        long period = (long) (256 / 48000.0 * 1e9);
        assertTrue(probe.zero == 0, probe.zero + " periods without a cycle time");
        assertTrue(probe.minLead >= 0, "a cycle time " + (-probe.minLead) + " ns after the callback ran");
        assertTrue(probe.maxLead < 2 * period, "a cycle time " + probe.maxLead + " ns before the callback ran");
    }

    private static final class Probe implements AudioCallback {
        volatile long calls;
        long zero;
        long minLead = Long.MAX_VALUE;
        long maxLead = Long.MIN_VALUE;

        @Override
        public void prepare(float sampleRate, int maxFrames) {
        }

        @Override
        public void process(float[][] out, int frames, long firstFrameNanos) {
            long now = SharedClock.now();
            if (calls > 20) { // past start-up, where JACK's loop is still locking
                if (firstFrameNanos == 0) {
                    zero++;
                } else {
                    long lead = now - firstFrameNanos;
                    minLead = Math.min(minLead, lead);
                    maxLead = Math.max(maxLead, lead);
                }
            }
            calls = calls + 1;
        }
    }
}
