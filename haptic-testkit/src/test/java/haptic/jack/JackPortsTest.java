package haptic.jack;

import haptic.testkit.JackdServer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JackPortsTest {
    @Test
    void listsEveryPortWithDirectionAndType() {
        try (JackdServer server = JackdServer.start(256);
             JackSession other = JackSession.open("lister-test", server.name())) {
            other.registerOutput("source");
            List<String> ports = JackPorts.list(server.name());
            for (int i = 1; i <= 32; i++) {
                assertTrue(ports.contains("system:playback_" + i + "  (input, 32 bit float mono audio, physical)"),
                        "system:playback_" + i + " in " + ports);
            }
            assertTrue(ports.contains("lister-test:source  (output, 32 bit float mono audio)"), ports.toString());
            assertEquals(33, ports.size(), ports.toString());
        }
    }

    @Test
    void noServerIsAClearError() {
        String absent = "haptic-absent-" + ProcessHandle.current().pid();
        JackClientException e = assertThrows(JackClientException.class, () -> JackPorts.list(absent));
        assertTrue(e.serverUnreachable());
        assertTrue(e.getMessage().startsWith("no JACK server '" + absent + "' is running"), e.getMessage());
    }
}
