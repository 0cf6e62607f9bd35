package haptic.client;

/** The command line is wrong; carries the usage text of the command the user was attempting. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String usage;

    public UsageException(String message, String usage) {
        super(message);
        this.usage = usage;
    }

    public String usage() {
        return usage;
    }
}
