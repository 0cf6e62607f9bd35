package haptic.protocol;

/** What a client intends to do with its connection. */
public enum Role {
    /** Plays notes and changes parameters (a plugin instance or the CLI). */
    CONTROLLER(1),
    /** Only receives levels and status (meters, panels). */
    OBSERVER(2);

    private final int code;

    Role(int code) {
        this.code = code;
    }

    /** Wire code; fixed here rather than taken from ordinal() so reordering the constants is harmless. */
    public int code() {
        return code;
    }

    /** @throws ProtocolException if no role has this code */
    public static Role fromCode(int code) {
        for (Role r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        throw new ProtocolException("unknown role code " + code);
    }
}
