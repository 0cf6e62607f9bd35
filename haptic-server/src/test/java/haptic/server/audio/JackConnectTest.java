package haptic.server.audio;

import haptic.testkit.Await;
import haptic.jack.JackSession;
import haptic.testkit.JackdServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JackConnectTest {
    @Test
    void unknownConnectTargetIsRejectedWithTheExistingPortsListed() {
        try (JackdServer server = JackdServer.start(256)) {
            AudioOptions o = JackPlaybackTest.jackOptions(server.name());
            o.connect = List.of("system:playback_1", "system:playback_99");
            AudioException e = assertThrows(AudioException.class, () -> AudioOutput.start(o, new TestSignal(), l -> { }));
            assertTrue(e.getMessage().contains("system:playback_99"), e.getMessage());
            String marker = "Existing input ports: ";
            int at = e.getMessage().indexOf(marker);
            assertTrue(at >= 0, e.getMessage());
            List<String> listed = List.of(e.getMessage().substring(at + marker.length()).split(", "));
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 32; i++) {
                expected.add("system:playback_" + i);
            }
            assertEquals(expected, listed);

            o.backend = Backend.AUTO;
            assertThrows(AudioException.class, () -> AudioOutput.start(o, new TestSignal(), l -> { }),
                    "auto mode must not hide a bad --connect behind the headless fallback");
        }
    }

    @Test
    void existingConnectTargetsAreAccepted() throws AudioException {
        try (JackdServer server = JackdServer.start(256)) {
            AudioOptions o = JackPlaybackTest.jackOptions(server.name());
            o.connect = List.of("system:playback_1", "system:playback_2");
            TestSignal signal = new TestSignal();
            try (AudioOutput out = AudioOutput.start(o, signal, l -> { })) {
                assertEquals("jack", out.backendName());
                Await.until(() -> signal.calls > 10, 10_000, "JACK cycles");
                try (JackSession observer = JackSession.open("observer", server.name())) {
                    assertEquals(List.of("system:playback_1"), observer.connections("haptic-test:transducer-1"));
                    assertEquals(List.of("system:playback_2"), observer.connections("haptic-test:transducer-2"));
                    assertEquals(List.of(), observer.connections("haptic-test:transducer-3"));
                }
            }
        }
    }

    @Test
    void moreConnectTargetsThanOutputsIsAnError() {
        try (JackdServer server = JackdServer.start(256)) {
            AudioOptions o = JackPlaybackTest.jackOptions(server.name());
            o.portNames = new String[] {"a", "b"};
            o.connect = List.of("system:playback_1", "system:playback_2", "system:playback_3");
            AudioException e = assertThrows(AudioException.class, () -> AudioOutput.start(o, new TestSignal(), l -> { }));
            assertTrue(e.getMessage().contains("only 2 outputs"), e.getMessage());
        }
    }

    @Test
    void aServerThatAnswersButRefusesUsIsAnErrorEvenInAutoMode() {
        try (JackdServer server = JackdServer.start(256)) {
            AudioOptions o = JackPlaybackTest.jackOptions(server.name());
            o.backend = Backend.AUTO;
            o.clientName = "x".repeat(100);
            AudioException e = assertThrows(AudioException.class, () -> AudioOutput.start(o, new TestSignal(), l -> { }));
            assertTrue(e.getMessage().contains("refused client") && e.getMessage().contains("too long"), e.getMessage());
        }
    }
}
