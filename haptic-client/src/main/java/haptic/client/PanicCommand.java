package haptic.client;

import haptic.protocol.Panic;
import haptic.protocol.Role;

import java.io.IOException;

/**
 * {@code haptic send panic}. Sent as an observer: a controller's Panic only silences its own
 * instance, while the server applies an observer's to everyone.
 */
record PanicCommand() implements CliCommand {

    @Override
    public Role role() {
        return Role.OBSERVER;
    }

    @Override
    public int execute(Session s) throws IOException {
        s.client().send(new Panic());
        s.confirm();
        return 0;
    }
}
