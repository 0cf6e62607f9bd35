package haptic.jack;

import java.util.ArrayList;
import java.util.List;

/** The `haptic-server ports` listing. */
public final class JackPorts {
    private JackPorts() {
    }

    /**
     * Every port of the JACK graph, one line each: name, direction, type (and "physical" for hardware ports).
     *
     * @param server JACK server name, or null for $JACK_DEFAULT_SERVER / "default"
     * @throws JackClientException if no JACK server is running under that name
     */
    public static List<String> list(String server) {
        try (JackSession s = JackSession.open("haptic-ports", server)) {
            List<String> lines = new ArrayList<>();
            for (JackPortInfo p : s.ports()) {
                lines.add(p.describe());
            }
            return lines;
        }
    }
}
