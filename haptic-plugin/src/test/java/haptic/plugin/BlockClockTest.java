package haptic.plugin;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The block clock against hosts whose process() calls are late by scheduling noise: the smoothed block
 * starts must follow the ideal line (start + samples / rate), not the noisy observations.
 */
class BlockClockTest {
    private static final double RATE = 48000;

    /** Runs {@code blocks} blocks of {@code frames}; returns the worst |smoothed - ideal| after {@code settle}. */
    private static double[] run(int frames, int blocks, int settle, double lateMaxNanos, double ppm, long seed) {
        BlockClock clock = new BlockClock();
        clock.restart(RATE);
        Random rnd = new Random(seed);
        long t0 = 5_000_000_000L;
        double minErr = Double.POSITIVE_INFINITY;
        double maxErr = Double.NEGATIVE_INFINITY;
        double worstStep = 0;
        double previousErr = Double.NaN;
        for (int k = 0; k < blocks; k++) {
            double ideal = t0 + k * frames * 1e9 / RATE * (1 + ppm * 1e-6);
            long observed = (long) (ideal + rnd.nextDouble() * lateMaxNanos);
            long smoothed = clock.begin(observed);
            clock.end(frames);
            double err = smoothed - ideal;
            if (k >= settle) {
                minErr = Math.min(minErr, err);
                maxErr = Math.max(maxErr, err);
                if (!Double.isNaN(previousErr)) {
                    worstStep = Math.max(worstStep, Math.abs(err - previousErr));
                }
                previousErr = err;
            }
        }
        return new double[] {minErr, maxErr, worstStep};
    }

    @Test
    void callsLateByUpToABlockStillGiveSampleAccurateSpacing() {
        for (int frames : new int[] {64, 256, 1024, 2048}) {
            double block = frames * 1e9 / RATE;
            // The lower envelope of N uniformly late calls is found to within block / N: after 1000 blocks, 43 µs
            // at 2048 frames. (A host that supplies ProcessContext.systemTime needs none of this settling.)
            double[] r = run(frames, 4000, 1000, block, 0, frames);
            // The spacing between any two nearby blocks' starts is what inter-onset intervals see.
            assertTrue(r[2] <= BlockClock.SLEW_NANOS + 1, frames + " frames: a step of " + r[2] + " ns between blocks");
            // After settling, the line wanders by less than 0.1 ms, so latency stays constant to that.
            assertTrue(r[1] - r[0] < 100_000, frames + " frames: error spread " + (r[1] - r[0]) + " ns");
        }
    }

    @Test
    void followsAnAudioClockThatRunsSlowerOrFasterThanOurs() {
        // Sound cards against CLOCK_MONOTONIC stay within tens of ppm; 50 ppm over 85 s of 256-frame blocks.
        for (double ppm : new double[] {-50, 50}) {
            double[] r = run(256, 16_000, 2000, 200_000, ppm, 7);
            assertTrue(r[0] > -1_500_000 && r[1] < 1_500_000, ppm + " ppm: error " + r[0] + ".." + r[1] + " ns");
        }
    }

    @Test
    void anExactHostTimeIsPassedThrough() {
        BlockClock clock = new BlockClock();
        clock.restart(RATE);
        for (int k = 0; k < 1000; k++) {
            long ideal = 1_000_000_000L + Math.round(k * 1024 * 1e9 / RATE);
            assertEquals(ideal, clock.begin(ideal), 2, "block " + k);
            clock.end(1024);
        }
    }

    @Test
    void frameOffsetsAddAtTheRate() {
        BlockClock clock = new BlockClock();
        clock.restart(44100);
        long start = clock.begin(123_456_789L);
        assertEquals(start + 10_000_000L, clock.at(441), 1);
    }

    @Test
    void aHostThatStopsCallingForAWhileRestartsTheLine() {
        BlockClock clock = new BlockClock();
        clock.restart(RATE);
        long t = 1_000_000_000L;
        for (int k = 0; k < 100; k++) {
            clock.begin(t + Math.round(k * 64 * 1e9 / RATE));
            clock.end(64);
        }
        long later = t + 5_000_000_000L;
        assertEquals(later, clock.begin(later), "after a 5 s pause the block starts now, not 5 s ago");
        assertEquals(1, clock.gaps());
    }

    @Test
    void subBlocksOfOneCycleContinueTheLine() {
        BlockClock clock = new BlockClock();
        clock.restart(RATE);
        long t0 = 2_000_000_000L;
        for (int k = 0; k < 200; k++) {
            long cycle = t0 + Math.round(k * 1024 * 1e9 / RATE);
            // The host runs each 1024-frame cycle as sub-blocks of 100, 300 and 624 frames, back to back.
            long a = clock.begin(cycle + 50_000);
            clock.end(100);
            long b = clock.begin(cycle + 60_000);
            clock.end(300);
            long c = clock.begin(cycle + 70_000);
            clock.end(624);
            if (k > 40) {
                assertEquals(Math.round(100 * 1e9 / RATE), b - a, 2, "cycle " + k + ": the second sub-block's start");
                assertEquals(Math.round(400 * 1e9 / RATE), c - a, 2, "cycle " + k + ": the third sub-block's start");
            }
        }
        assertEquals(0, clock.gaps(), "sub-blocks are not gaps");
    }

    @Test
    void aHostRenderingFasterThanRealTimeRestartsRatherThanRunAhead() {
        BlockClock clock = new BlockClock();
        clock.restart(RATE);
        long t = 3_000_000_000L;
        long last = 0;
        for (int k = 0; k < 2000; k++) {
            last = clock.begin(t + k * 10_000L); // 1024 frames every 10 µs
            clock.end(1024);
        }
        long now = t + 2000 * 10_000L;
        assertTrue(last - now < 100_000_000L, "the line ran " + (last - now) + " ns ahead of the clock");
    }
}
