package haptic.testkit;

import haptic.jack.JackPortBuffer;
import haptic.jack.JackSession;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The capture's frame clock: samples land at their JACK frame time, and "now" maps onto capture indices. */
class JackCaptureTest {
    private static final int PERIOD = 256;

    @Test
    void capturedSamplesSitAtTheirFrameTime() {
        try (JackdServer server = JackdServer.start(PERIOD);
             JackSession source = JackSession.open("clock", server.name())) {
            // The source writes its own JACK frame time into each sample: after capture, sample i must read
            // startFrameTime + i, which proves both the placement and the clock the capture exposes.
            JackPortBuffer port = source.registerOutput("frame_time");
            float[] block = new float[source.bufferSize()];
            source.onProcess(nframes -> {
                long t = source.lastFrameTime();
                for (int i = 0; i < nframes; i++) {
                    block[i] = (float) ((t + i) & 0xFFFFFF);
                }
                port.write(block, nframes);
            }, "clock-source");
            source.activate();

            try (JackCapture capture = new JackCapture(server.name(), List.of(port.name()), 2.0)) {
                long from = (capture.frames() / PERIOD + 4) * PERIOD;
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (capture.frames() < from + 24000) {
                    assertTrue(System.nanoTime() < deadline, "no audio captured");
                    Thread.onSpinWait();
                }
                long instant = System.nanoTime();
                long atInstant = capture.indexAtNanoTime(instant);
                long now = capture.indexNow();
                long frames = capture.frames();
                float[] c = capture.channel(0);
                long start = capture.startFrameTime();
                for (long i = from; i < frames; i++) {
                    assertEquals((float) ((start + i) & 0xFFFFFF), c[(int) i], "capture index " + i);
                }
                assertTrue(Math.abs(now - atInstant) < PERIOD,
                        "the same instant read two ways: indexNow " + now + ", indexAtNanoTime " + atInstant);
                assertTrue(now >= frames - PERIOD && now <= frames + 2L * PERIOD,
                        "indexNow " + now + " should be within a period of the last stored cycle end " + frames);
            }
        }
    }
}
