package haptic.panel;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * The panel's log: every line goes to stderr with a time stamp, and the latest one is kept for the
 * status strip. Called from any thread.
 */
final class Notices implements Consumer<String> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final PrintStream err;
    /** Written by whichever thread calls {@link #show}; each value is immutable and the last write wins. */
    private volatile Notice latest;

    /** A logged line and when it was logged ({@code System.nanoTime()}). */
    record Notice(String text, long nanos) {
    }

    Notices(PrintStream err) {
        this.err = err;
    }

    /** Logs a line and shows it in the status strip. Any thread. */
    void show(String text) {
        latest = new Notice(text, System.nanoTime());
        accept(text);
    }

    /** Logs a line without showing it (server output, routine events). Any thread; lines never interleave. */
    @Override
    public void accept(String text) {
        synchronized (err) {
            err.println(LocalTime.now().format(TIME) + " panel: " + text);
            err.flush();
        }
    }

    /** The last line passed to {@link #show}, or null. Called on the render thread. */
    Notice latest() {
        return latest;
    }
}
