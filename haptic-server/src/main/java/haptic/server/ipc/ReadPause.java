package haptic.server.ipc;

import java.util.function.Consumer;

/**
 * Back-pressure from the audio thread to the clients: while the backlog of commands waiting for the
 * audio thread is nearly full, no client is read at all, so their bytes wait in the kernel's socket
 * buffers (and, once those fill, in the clients) instead of in server memory. The gap between the pause
 * and resume thresholds keeps reads from flapping on and off around one level. Confined to the IPC thread.
 */
final class ReadPause {
    private final CommandOutbox outbox;
    private final Consumer<String> log;
    /** Below this many free backlog entries, client reads pause until the audio thread catches up. */
    private final int pauseBelow;
    private final int resumeAbove;
    private boolean paused;

    ReadPause(CommandOutbox outbox, Consumer<String> log) {
        this.outbox = outbox;
        this.log = log;
        this.pauseBelow = outbox.backlogCapacity() / 8;
        this.resumeAbove = outbox.backlogCapacity() / 2;
    }

    boolean paused() {
        return paused;
    }

    /** Pauses or resumes reads after the backlog changed. @return whether it switched */
    boolean adjust() {
        int free = outbox.backlogFree();
        if (!paused && free < pauseBelow) {
            paused = true;
            log.accept("ipc: engine is behind (" + outbox.backlogSize() + " commands waiting); pausing client reads");
            return true;
        }
        if (paused && free > resumeAbove) {
            paused = false;
            log.accept("ipc: engine caught up; resuming client reads");
            return true;
        }
        return false;
    }
}
