package haptic.client;

import haptic.protocol.EngineStatus;
import haptic.protocol.HelloAccepted;
import haptic.protocol.Role;
import haptic.protocol.TransducerLevels;

import java.io.IOException;
import java.time.Duration;

/** {@code haptic levels}: meter lines until {@code count} have been printed (0: until interrupted). */
record LevelsCommand(long count) implements CliCommand {
    private static final Duration POLL = Duration.ofSeconds(1);

    @Override
    public Role role() {
        return Role.OBSERVER;
    }

    @Override
    public int execute(Session s) throws IOException {
        HelloAccepted server = s.client().accepted();
        s.out().println("layout " + server.layout().name() + ", " + server.layout().size() + " transducers; peak per "
                + "transducer from '" + LevelMeter.RAMP.charAt(1) + "' (faint) to '"
                + LevelMeter.RAMP.charAt(LevelMeter.RAMP.length() - 1) + "' (full scale)");
        String lastStatus = null;
        long printed = 0;
        while (count <= 0 || printed < count) {
            Object msg = s.client().receive(POLL);
            if (msg instanceof TransducerLevels levels) {
                s.out().println(LevelMeter.line(levels, server.layout()));
                printed++;
            } else if (msg instanceof EngineStatus status) {
                String key = LevelMeter.statusKey(status);
                if (!key.equals(lastStatus)) {
                    s.out().println(LevelMeter.statusLine(status));
                    lastStatus = key;
                }
            }
            s.out().flush();
        }
        return 0;
    }
}
