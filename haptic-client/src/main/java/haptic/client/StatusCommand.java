package haptic.client;

import haptic.protocol.EngineStatus;
import haptic.protocol.Role;

import java.io.IOException;

/** {@code haptic status}: what the handshake told us, then the first engine status report. */
record StatusCommand() implements CliCommand {

    @Override
    public Role role() {
        return Role.OBSERVER;
    }

    @Override
    public int execute(Session s) throws IOException {
        s.out().print(StatusReport.server(s.client().accepted()));
        EngineStatus status = s.client().receive(EngineStatus.class, s.replyTimeout());
        if (status == null) {
            s.out().flush();
            s.err().println("haptic: no engine status from the server within " + s.replyTimeout().toMillis() + " ms");
            return 1;
        }
        s.out().print(StatusReport.engine(status));
        return 0;
    }
}
