package haptic.server.audio;

import haptic.testkit.Await;
import haptic.testkit.JackCapture;
import haptic.testkit.JackdServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jackd crashes mid-play: the engine keeps running on the headless pacer, and JACK is picked up again. */
class JackReconnectTest {
    private static final int PERIOD = JackPlaybackTest.PERIOD;

    @Test
    void survivesJackdCrashAndReconnectsWhenItReturns() throws AudioException {
        List<String> log = new CopyOnWriteArrayList<>();
        TestSignal signal = new TestSignal();
        try (JackdServer server = JackdServer.start(PERIOD);
             AudioOutput out = AudioOutput.start(JackPlaybackTest.jackOptions(server.name()), signal, log::add)) {
            Await.until(() -> signal.calls > 100, 10_000, "JACK cycles");
            assertEquals(1, signal.prepares);

            server.kill();
            Await.until(() -> out.backendName().equals("headless (waiting for JACK)"), 5_000,
                    "the switch to the headless pacer; log: " + log);
            assertEquals(2, signal.prepares, "prepare() again before the pacer's first period");
            assertEquals(48000f, signal.preparedRate);
            assertEquals(PERIOD, signal.preparedFrames, "the pacer keeps JACK's period");
            long before = signal.calls;
            Await.until(() -> signal.calls > before + 50, 5_000, "process() calls from the headless pacer");
            Await.until(() -> log.stream().anyMatch(l -> l.contains("went away")), 5_000, "the outage log line; " + log);

            server.restart();
            long restarted = System.nanoTime();
            Await.until(() -> out.backendName().equals("jack"), 10_000, "the return to JACK; log: " + log);
            long reconnectMillis = (System.nanoTime() - restarted) / 1_000_000;
            System.out.println("back on JACK " + reconnectMillis + " ms after jackd accepted clients again");
            assertTrue(reconnectMillis <= 2000, "reconnected only after " + reconnectMillis + " ms");
            Await.until(() -> log.stream().anyMatch(l -> l.contains("JACK is back")), 5_000, "the return log line; " + log);
            assertEquals(3, signal.prepares, "prepare() again before JACK's first period");

            try (JackCapture capture = new JackCapture(server.name(), JackPlaybackTest.ourPorts("haptic-test"), 2.0)) {
                long from = CapturedSignal.alignedAfterNow(capture, PERIOD, 4);
                Await.until(() -> capture.frames() >= from + 24000, 10_000, "captured audio after the reconnect");
                int blocks = CapturedSignal.verify(capture, from, capture.frames(), PERIOD);
                assertTrue(blocks >= 24000 / PERIOD * 8 / 10, "only " + blocks + " periods were captured");
            }
            assertFalse(signal.contractBroken, signal.contractProblem);
        } finally {
            log.forEach(System.out::println);
        }
    }

    @AfterEach
    void noJackThreadStaysAttached() {
        assertEquals(0, Await.liveThreads("haptic-jack-process"),
                "every JACK process thread must have left the JVM once its client closed");
    }

    @Test
    void aPeriodChangeRestartsTheClientWithTheEnginePreparedForIt() throws AudioException {
        List<String> log = new CopyOnWriteArrayList<>();
        TestSignal signal = new TestSignal();
        try (JackdServer server = JackdServer.start(PERIOD);
             AudioOutput out = AudioOutput.start(JackPlaybackTest.jackOptions(server.name()), signal, log::add)) {
            Await.until(() -> signal.calls > 20, 10_000, "JACK cycles");
            server.changePeriod(2 * PERIOD);
            Await.until(() -> out.periodFrames() == 2 * PERIOD && out.backendName().equals("jack"), 10_000,
                    "a restart at the new period; log: " + log);
            assertEquals(2 * PERIOD, signal.preparedFrames);
            Await.until(() -> log.stream().anyMatch(l -> l.contains("period changed from 256 to 512")), 5_000,
                    "the log line; " + log);

            try (JackCapture capture = new JackCapture(server.name(), JackPlaybackTest.ourPorts("haptic-test"), 2.0)) {
                long from = CapturedSignal.alignedAfterNow(capture, 2 * PERIOD, 4);
                Await.until(() -> capture.frames() >= from + 24000, 10_000, "captured audio at the new period");
                int blocks = CapturedSignal.verify(capture, from, capture.frames(), 2 * PERIOD);
                assertTrue(blocks >= 24000 / (2 * PERIOD) * 8 / 10, "only " + blocks + " periods were captured");
            }
            assertFalse(signal.contractBroken, signal.contractProblem);
        } finally {
            log.forEach(System.out::println);
        }
    }
}
