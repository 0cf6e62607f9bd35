package haptic.protocol;

/**
 * The peer sent (or the caller tried to send) something the protocol does not allow. The connection
 * it came from can no longer be trusted to be in sync and should be closed.
 *
 * <p>Unchecked so that Kryo serializers can throw it directly from {@code read}/{@code write}.
 */
public final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
