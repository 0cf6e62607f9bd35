package haptic.server.ipc;

import haptic.protocol.Param;
import haptic.protocol.Protocol;
import haptic.protocol.SharedClock;
import haptic.server.link.CommandLink;
import haptic.server.link.EngineCommand;

/**
 * The IPC thread's side of {@link CommandLink}: every submitted command reaches the audio thread, in
 * submission order, even while the link is full.
 *
 * <p>Commands the link cannot take wait in a {@link CommandBacklog}; once anything waits there, new
 * commands queue behind it so none overtakes an older one. The backlog never overflows because callers
 * ask {@link #canTakeFrame()} before handling each client frame (a frame yields at most
 * {@link #MAX_COMMANDS_PER_FRAME} commands), and the space that check keeps in reserve also covers one
 * RELEASE_INSTANCE per instance slot, which a disconnect may push at any moment.
 *
 * <p>Confined to the IPC thread, the link's only producer.
 */
final class CommandOutbox {
    /** A Hello yields one RESET_INSTANCE and at most one PARAMETER per parameter; other frames yield one command. */
    static final int MAX_COMMANDS_PER_FRAME = 1 + Param.values().length;
    /** Backlog space kept for commands that are already on their way when reads are paused. */
    static final int BASE_CAPACITY = 8192;

    private final CommandLink link;
    private final CommandBacklog backlog;
    private final EngineCommand draft = new EngineCommand();
    /** Free backlog entries that must remain before one more frame may be handled. */
    private final int frameReserve;

    CommandOutbox(CommandLink link, int instanceSlots) {
        this.link = link;
        this.frameReserve = instanceSlots + MAX_COMMANDS_PER_FRAME;
        this.backlog = new CommandBacklog(BASE_CAPACITY + frameReserve, instanceSlots);
    }

    /** A reusable entry to fill and pass to {@link #submit}; valid until the next submit. */
    EngineCommand draft() {
        draft.arrivalNanos = SharedClock.now();
        draft.time = Protocol.UNTIMED;
        return draft;
    }

    void submit(EngineCommand c) {
        if (backlog.isEmpty()) {
            EngineCommand entry = link.claim();
            if (entry != null) {
                entry.copyFrom(c);
                link.publish(entry);
                return;
            }
        }
        if (!backlog.append(c)) {
            // Unreachable while callers honour canTakeFrame(); failing loudly beats losing a NoteOff silently.
            throw new IllegalStateException("command backlog overflow (" + backlog.size() + " waiting)");
        }
    }

    /** Moves waiting commands into the link, oldest first, until the link is full. */
    void drain() {
        while (!backlog.isEmpty()) {
            EngineCommand entry = link.claim();
            if (entry == null) {
                return;
            }
            entry.copyFrom(backlog.peek());
            link.publish(entry);
            backlog.removeHead();
        }
    }

    /** True if one more client frame may be handled without risking a backlog overflow. */
    boolean canTakeFrame() {
        return backlog.free() >= frameReserve;
    }

    boolean hasBacklog() {
        return !backlog.isEmpty();
    }

    int backlogSize() {
        return backlog.size();
    }

    int backlogFree() {
        return backlog.free();
    }

    int backlogCapacity() {
        return backlog.capacity();
    }

    long mergedExpressions() {
        return backlog.merged();
    }

    int backlogHighWater() {
        return backlog.highWater();
    }
}
