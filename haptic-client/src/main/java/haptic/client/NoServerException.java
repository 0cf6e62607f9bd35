package haptic.client;

import java.io.IOException;
import java.nio.file.Path;

/** Nothing is listening on the socket: it does not exist, or it is left over from a server that stopped. */
public final class NoServerException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path socket;

    public NoServerException(Path socket, IOException cause) {
        super("no haptic server at " + socket, cause);
        this.socket = socket;
    }

    public Path socket() {
        return socket;
    }
}
