package haptic.server.audio;

/** The requested audio output cannot be started; the message says why in terms a user can act on. */
public final class AudioException extends Exception {
    private static final long serialVersionUID = 1L;

    public AudioException(String message) {
        super(message);
    }

    public AudioException(String message, Throwable cause) {
        super(message, cause);
    }
}
