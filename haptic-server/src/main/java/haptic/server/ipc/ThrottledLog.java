package haptic.server.ipc;

import java.util.function.Consumer;

/**
 * One kind of log line that may come in floods (refused connections, a persistent fault): at most one
 * line per interval reaches the log, the ones held back are counted in the next. Confined to the IPC
 * thread.
 */
final class ThrottledLog {
    private final Consumer<String> log;
    private final long intervalNanos;
    private boolean written;
    private long lastNanos;
    private long held;

    ThrottledLog(Consumer<String> log, long intervalNanos) {
        this.log = log;
        this.intervalNanos = intervalNanos;
    }

    void accept(String line, long nowNanos) {
        if (written && nowNanos - lastNanos < intervalNanos) {
            held++;
            return;
        }
        log.accept(held == 0 ? line : line + " (" + held + " similar lines not shown)");
        written = true;
        lastNanos = nowNanos;
        held = 0;
    }
}
