package haptic.jack;

/**
 * A JACK client operation failed. Unchecked so that {@link JackPorts#list(String)} keeps its plain
 * signature; {@link #serverUnreachable()} separates "no server" (expected, handled by falling back)
 * from real failures.
 */
public final class JackClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean serverUnreachable;

    JackClientException(String message, boolean serverUnreachable) {
        super(message);
        this.serverUnreachable = serverUnreachable;
    }

    JackClientException(String message, Throwable cause) {
        super(message, cause);
        this.serverUnreachable = false;
    }

    /** True when no JACK server with the requested name answered. */
    public boolean serverUnreachable() {
        return serverUnreachable;
    }
}
