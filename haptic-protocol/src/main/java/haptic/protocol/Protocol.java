package haptic.protocol;

/** Limits and the version that both ends of a connection must agree on. */
public final class Protocol {
    /** Handshake version; peers must match exactly. Bump on any incompatible wire change. */
    public static final int VERSION = 1;
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
