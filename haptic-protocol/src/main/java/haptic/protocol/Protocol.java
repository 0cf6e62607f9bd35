package haptic.protocol;

/** Limits and the version that both ends of a connection must agree on. */
public final class Protocol {
    /**
     * Handshake version; peers must match exactly. Bump on any incompatible wire change. 2: note, expression,
     * parameter and pulse messages carry a {@link SharedClock} time; {@link HostBlock} added.
     */
    public static final int VERSION = 2;
    /** The time of a message that should take effect as soon as possible. */
    public static final long UNTIMED = 0L;
    /** Largest payload of one frame, in bytes (the 4-byte length prefix is not included). */
    public static final int MAX_FRAME = 65536;
    /** Longest string field, in UTF-16 chars. */
    public static final int MAX_STRING_CHARS = 256;
    /** Longest array field, in elements. */
    public static final int MAX_ARRAY_LENGTH = 1024;
    /** Bytes of the big-endian payload length that precedes every frame. */
    public static final int LENGTH_PREFIX = 4;

    private Protocol() {
    }
}
