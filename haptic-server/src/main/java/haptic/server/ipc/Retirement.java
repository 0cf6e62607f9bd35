package haptic.server.ipc;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * The end of a connection's service: its instance is released at once, because its voices must not hang
 * on a dead connection, while the socket closes only once the final reply, if any, is written. Confined
 * to the IPC thread.
 */
final class Retirement {
    private final CommandOutbox outbox;
    private final InstanceSlots slots;
    private final Consumer<String> log;

    Retirement(CommandOutbox outbox, InstanceSlots slots, Consumer<String> log) {
        this.outbox = outbox;
        this.slots = slots;
        this.log = log;
    }

    /** Stops serving {@code c} and logs why; a connection already retired keeps its first reason. */
    void retire(ClientConnection c, String reason) {
        if (!c.retire()) {
            return;
        }
        if (c.stage() == ClientConnection.Stage.CONTROLLER) {
            outbox.submit(outbox.draft().releaseInstance(c.slot()));
            slots.release(c.slot());
        } else if (c.stage() == ClientConnection.Stage.OBSERVER && c.telemetrySkipped() > 0) {
            reason += "; " + c.telemetrySkipped() + " telemetry snapshots skipped";
        }
        log.accept(c.describe() + " closed: " + reason);
    }

    /** Closes the socket of a connection that has nothing left to send (or that will not get it). */
    void close(ClientConnection c) {
        try {
            c.close();
        } catch (IOException e) {
            log.accept(c.describe() + ": error while closing: " + e.getMessage());
        }
    }
}
