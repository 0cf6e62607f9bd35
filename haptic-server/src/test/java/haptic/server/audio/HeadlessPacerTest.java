package haptic.server.audio;

import haptic.testkit.Await;
import haptic.testkit.ThreadAllocation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadlessPacerTest {
    @Test
    void pacesAtRoughlyTheRequestedRateWithoutAllocating() {
        TestSignal signal = new TestSignal();
        try (HeadlessPacer pacer = HeadlessPacer.start(signal, 48000, 64, 32)) {
            assertEquals(1, signal.prepares);
            assertEquals(48000f, signal.preparedRate);
            assertEquals(64, signal.preparedFrames);
            Await.until(() -> signal.calls > 1500, 10_000, "warm-up periods");
            long tid = signal.processThreadId;
            long calls0 = signal.calls;
            long bytes0 = ThreadAllocation.bytes(tid);
            long t0 = System.nanoTime();
            Await.sleep(1000);
            long bytes1 = ThreadAllocation.bytes(tid);
            long calls = signal.calls - calls0;
            double seconds = (System.nanoTime() - t0) / 1e9;

            double expected = seconds * 48000 / 64;
            System.out.printf("headless pacer: %d periods in %.3f s (expected %.0f), %d bytes, xruns %d%n",
                    calls, seconds, expected, bytes1 - bytes0, pacer.xruns());
            assertTrue(calls > expected * 0.5 && calls < expected * 1.5,
                    calls + " periods where about " + expected + " were due");
            assertEquals(0, bytes1 - bytes0, "bytes allocated by the pacing thread over " + calls + " periods");
        }
        assertFalse(signal.contractBroken, signal.contractProblem);
    }

    @Test
    void aPeriodOverrunByMoreThanAPeriodIsAnXrunAndPacingResumes() {
        AudioCallback stalling = new AudioCallback() {
            private int calls;

            @Override
            public void prepare(float sampleRate, int maxFrames) {
            }

            @Override
            public void process(float[][] out, int frames, long firstFrameNanos) {
                if (++calls == 20) {
                    Await.sleep(20);
                }
            }
        };
        try (HeadlessPacer pacer = HeadlessPacer.start(stalling, 48000, 64, 2)) {
            Await.until(() -> pacer.cycles() > 100, 10_000, "periods after the stall");
            assertTrue(pacer.xruns() >= 1, "a 20 ms stall in a 1.3 ms period must count as an xrun");
        }
    }

    @Test
    void stopJoinsThePacingThread() {
        TestSignal signal = new TestSignal();
        HeadlessPacer pacer = HeadlessPacer.start(signal, 48000, 64, 4);
        Await.until(() -> signal.calls > 10, 10_000, "periods");
        pacer.stop();
        long after = signal.calls;
        Await.sleep(50);
        assertEquals(after, signal.calls, "process() after stop() returned");
        pacer.stop();
    }
}
