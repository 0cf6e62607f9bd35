package haptic.client;

/**
 * A parsed command line: either help to print ({@code help} non-null, {@code command} null) or a
 * command to run against the server at {@code socketOverride} (null: the default socket).
 */
record Invocation(String socketOverride, CliCommand command, String help) {

    static Invocation help(String text) {
        return new Invocation(null, null, text);
    }
}
