package haptic.cli;

import java.io.IOException;

/**
 * Exits the process when standard input closes: a parent that started this server with a pipe (the panel)
 * holds the pipe's other end, so when the parent dies for any reason the kernel closes it and we follow.
 */
final class ParentWatch {
    private ParentWatch() {
    }

    /** Called once on the main thread; the watch runs on its own daemon thread. */
    static void start() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // Input is ignored; only its end matters.
                }
            } catch (IOException ignored) {
                // A broken pipe means the parent is gone, same as EOF.
            }
            System.exit(0); // runs the shutdown hook: clients released, JACK closed, socket removed
        }, "haptic-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
