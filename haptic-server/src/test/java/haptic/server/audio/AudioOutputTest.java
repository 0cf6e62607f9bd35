package haptic.server.audio;

import haptic.testkit.Await;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backend choice and lifecycle, without any JACK server. */
class AudioOutputTest {
    private static final String ABSENT = "haptic-absent-" + ProcessHandle.current().pid();

    private static AudioOptions options(Backend backend) {
        AudioOptions o = new AudioOptions();
        o.backend = backend;
        o.jackServer = ABSENT;
        o.headlessRate = 44100;
        o.headlessPeriod = 128;
        return o;
    }

    @Test
    void headlessNeverTouchesJackAndStopsOnClose() throws AudioException {
        List<String> log = new CopyOnWriteArrayList<>();
        TestSignal signal = new TestSignal();
        AudioOutput out = AudioOutput.start(options(Backend.HEADLESS), signal, log::add);
        try {
            assertEquals("headless", out.backendName());
            assertEquals(44100f, out.sampleRate());
            assertEquals(128, out.periodFrames());
            assertEquals(1, signal.prepares);
            assertEquals(44100f, signal.preparedRate);
            assertEquals(128, signal.preparedFrames);
            assertEquals(1, log.size(), log.toString());
            assertTrue(log.get(0).contains("headless") && log.get(0).contains("44100 Hz / 128 frames"), log.get(0));
            Await.until(() -> signal.calls > 20, 10_000, "headless periods");
        } finally {
            out.close();
        }
        long after = signal.calls;
        Await.sleep(50);
        assertEquals(after, signal.calls, "process() after close() returned");
        out.close();
        assertFalse(signal.contractBroken, signal.contractProblem);
    }

    @Test
    void autoFallsBackToHeadlessAndSaysWhy() throws AudioException {
        List<String> log = new CopyOnWriteArrayList<>();
        TestSignal signal = new TestSignal();
        try (AudioOutput out = AudioOutput.start(options(Backend.AUTO), signal, log::add)) {
            assertEquals("headless", out.backendName());
            assertEquals(1, log.size(), log.toString());
            assertTrue(log.get(0).contains("no JACK server '" + ABSENT + "' is running"), log.get(0));
            Await.until(() -> signal.calls > 20, 10_000, "headless periods");
        }
    }

    @Test
    void jackWithoutServerIsAClearError() {
        AudioException e = assertThrows(AudioException.class,
                () -> AudioOutput.start(options(Backend.JACK), new TestSignal(), l -> { }));
        assertTrue(e.getMessage().contains("no JACK server '" + ABSENT + "' is running"), e.getMessage());
    }

    @Test
    void exceptionsFromProcessAreReportedNotFatal() throws AudioException {
        List<String> log = new CopyOnWriteArrayList<>();
        IllegalStateException boom = new IllegalStateException("engine bug");
        AudioCallback failing = new AudioCallback() {
            @Override
            public void prepare(float sampleRate, int maxFrames) {
            }

            @Override
            public void process(float[][] out, int frames, long firstFrameNanos) {
                throw boom;
            }
        };
        try (AudioOutput out = AudioOutput.start(options(Backend.HEADLESS), failing, log::add)) {
            Await.until(() -> log.stream().anyMatch(l -> l.contains("engine bug")), 5_000, "a report; log: " + log);
            assertEquals("headless", out.backendName());
        }
    }
}
