package haptic.server.audio;

import haptic.testkit.Await;
import haptic.testkit.ThreadAllocation;
import haptic.testkit.JackdServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole JACK path — JNA callback entry, our glue, port buffer copies — allocates nothing per cycle. */
class JackAllocationTest {
    @Test
    void jackProcessThreadAllocatesNothingAfterWarmUp() throws AudioException {
        TestSignal signal = new TestSignal();
        AudioOptions o = JackPlaybackTest.jackOptions(null);
        try (JackdServer server = JackdServer.start(64)) {
            o.jackServer = server.name();
            try (AudioOutput out = AudioOutput.start(o, signal, line -> { })) {
                assertEquals("jack", out.backendName());
                Await.until(() -> signal.calls > 1500, 10_000, "two seconds of warm-up cycles");
                long tid = signal.processThreadId;
                assertTrue(tid != 0);
                assertTrue(Thread.currentThread().getId() != tid);

                long calls0 = signal.calls;
                long bytes0 = ThreadAllocation.bytes(tid);
                Await.sleep(2500);
                long bytes1 = ThreadAllocation.bytes(tid);
                long cycles = signal.calls - calls0;

                System.out.printf("JACK process thread (ours): %d bytes over %d cycles (%.2f B/cycle), xruns %d%n",
                        bytes1 - bytes0, cycles, (bytes1 - bytes0) / (double) cycles, out.xruns());
                assertTrue(cycles >= 1500, "only " + cycles + " cycles in 2.5 s at 750/s");
                assertEquals(0, bytes1 - bytes0, "bytes allocated on the JACK process thread over " + cycles + " cycles");
                assertEquals(tid, signal.processThreadId);
                assertFalse(signal.contractBroken, signal.contractProblem);
            }
        }
    }
}
