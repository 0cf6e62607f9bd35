package haptic.server.audio;

import haptic.testkit.Await;
import haptic.testkit.JackCapture;
import haptic.testkit.JackdServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JackPlaybackTest {
    static final int PERIOD = 256;
    static final int CHANNELS = 32;

    static AudioOptions jackOptions(String server) {
        AudioOptions o = new AudioOptions();
        o.backend = Backend.JACK;
        o.jackServer = server;
        o.clientName = "haptic-test";
        o.portNames = new String[CHANNELS];
        for (int i = 0; i < CHANNELS; i++) {
            o.portNames[i] = "transducer-" + (i + 1);
        }
        return o;
    }

    static List<String> ourPorts(String client) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < CHANNELS; i++) {
            names.add(client + ":transducer-" + (i + 1));
        }
        return names;
    }

    @Test
    void thirtyTwoChannelsArriveIntactAtAnotherJackClient() throws AudioException {
        List<String> log = new CopyOnWriteArrayList<>();
        TestSignal signal = new TestSignal();
        try (JackdServer server = JackdServer.start(PERIOD)) {
            AudioOutput out = AudioOutput.start(jackOptions(server.name()), signal, log::add);
            try {
                assertEquals("jack", out.backendName());
                assertEquals(48000f, out.sampleRate());
                assertEquals(PERIOD, out.periodFrames());
                assertEquals(48000f, signal.preparedRate);
                assertEquals(PERIOD, signal.preparedFrames);
                assertTrue(log.get(0).contains("JACK server '" + server.name() + "'"), log.toString());

                try (JackCapture capture = new JackCapture(server.name(), ourPorts("haptic-test"), 3.0)) {
                    long from = CapturedSignal.alignedAfterNow(capture, PERIOD, 4);
                    Await.until(() -> capture.frames() >= from + 48000, 10_000, "one second of captured audio");
                    int blocks = CapturedSignal.verify(capture, from, capture.frames(), PERIOD);
                    assertTrue(blocks >= 48000 / PERIOD * 8 / 10, "only " + blocks + " periods were captured");
                }
            } finally {
                out.close();
            }
            assertFalse(signal.contractBroken, signal.contractProblem);
            assertEquals(0, Await.liveThreads("haptic-jack-process"),
                    "JACK's process thread must have left the JVM when the client closed");
        }
    }
}
