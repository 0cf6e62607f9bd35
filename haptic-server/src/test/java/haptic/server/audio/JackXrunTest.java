package haptic.server.audio;

import haptic.testkit.Await;
import haptic.testkit.JackdServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** JACK's xrun notifications reach {@link AudioOutput#xruns()}. */
class JackXrunTest {
    @Test
    void aStalledCycleIsCountedAsAnXrun() throws AudioException {
        StallOnRequest engine = new StallOnRequest();
        try (JackdServer server = JackdServer.start(256);
             AudioOutput out = AudioOutput.start(JackPlaybackTest.jackOptions(server.name()), engine, l -> { })) {
            assertEquals("jack", out.backendName());
            Await.until(() -> engine.calls > 50, 10_000, "JACK cycles");
            long before = out.xruns();
            engine.stall = true;
            Await.until(() -> out.xruns() > before, 5_000, "an xrun after a 30 ms stall in a 5.3 ms period");
            assertEquals("jack", out.backendName(), "a single stall must not cost the client");
        }
    }

    private static final class StallOnRequest implements AudioCallback {
        volatile boolean stall;
        volatile long calls;

        @Override
        public void prepare(float sampleRate, int maxFrames) {
        }

        @Override
        public void process(float[][] out, int frames, long firstFrameNanos) {
            calls = calls + 1;
            if (stall) {
                stall = false;
                Await.sleep(30);
            }
        }
    }
}
