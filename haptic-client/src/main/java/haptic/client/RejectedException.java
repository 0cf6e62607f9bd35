package haptic.client;

import java.io.IOException;

/** The server refused us: a HelloRejected during the handshake, or an ErrorReply to a request. */
public final class RejectedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public RejectedException(String reason) {
        super("haptic server refused: " + reason);
        this.reason = reason;
    }

    /** The server's own words. */
    public String reason() {
        return reason;
    }
}
