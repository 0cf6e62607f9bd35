package haptic.server.ipc;

import haptic.server.link.EngineCommand;

import java.util.Arrays;

/**
 * Commands the IPC thread could not hand to the audio thread yet, oldest first, in a ring of
 * preallocated entries.
 *
 * <p>Expression updates are the only commands that may be merged: a newer EXPRESSION for the same
 * (instance, channel) overwrites the one still waiting, in place, as long as no note event or lifecycle
 * command for that channel has been queued after it. That barrier keeps the meaning of the stream: an
 * expression that was sent for the next note never moves in front of the NoteOff of the previous one.
 *
 * <p>Confined to the IPC thread.
 */
final class CommandBacklog {
    /** MPE member channels as the protocol carries them (0..15). */
    static final int CHANNELS = 16;
    private static final long NONE = -1;

    private final EngineCommand[] ring;
    private final int instanceSlots;
    /** Sequence number of the EXPRESSION that may still absorb updates, per instance * CHANNELS + channel. */
    private final long[] mergeTarget;
    /** Sequence number of the oldest waiting command. */
    private long head;
    /** Sequence number the next appended command gets. */
    private long tail;
    private long merged;
    private int highWater;

    CommandBacklog(int capacity, int instanceSlots) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        ring = new EngineCommand[capacity];
        for (int i = 0; i < capacity; i++) {
            ring[i] = new EngineCommand();
        }
        this.instanceSlots = instanceSlots;
        mergeTarget = new long[instanceSlots * CHANNELS];
        Arrays.fill(mergeTarget, NONE);
    }

    int capacity() {
        return ring.length;
    }

    int size() {
        return (int) (tail - head);
    }

    int free() {
        return ring.length - size();
    }

    boolean isEmpty() {
        return head == tail;
    }

    /** EXPRESSION updates absorbed into a waiting entry instead of being appended. */
    long merged() {
        return merged;
    }

    /** Most commands ever waiting at once. */
    int highWater() {
        return highWater;
    }

    /** The oldest waiting command (still owned by the backlog), or null. */
    EngineCommand peek() {
        return isEmpty() ? null : ring[index(head)];
    }

    void removeHead() {
        if (isEmpty()) {
            throw new IllegalStateException("backlog is empty");
        }
        head++;
    }

    /**
     * Copies {@code c} to the end of the backlog, or merges it into a waiting expression update.
     *
     * @return false if the backlog is full and {@code c} was not taken
     */
    boolean append(EngineCommand c) {
        int key = channelKey(c.instance, c.channel);
        if (c.type == EngineCommand.EXPRESSION && key >= 0) {
            long target = mergeTarget[key];
            if (target >= head) {
                ring[index(target)].copyFrom(c);
                merged++;
                return true;
            }
        }
        if (size() == ring.length) {
            return false;
        }
        ring[index(tail)].copyFrom(c);
        updateMergeTargets(c, key);
        tail++;
        highWater = Math.max(highWater, size());
        return true;
    }

    private void updateMergeTargets(EngineCommand c, int key) {
        switch (c.type) {
            case EngineCommand.EXPRESSION:
            case EngineCommand.NOTE_ON:
            case EngineCommand.NOTE_OFF:
                if (key >= 0) {
                    mergeTarget[key] = c.type == EngineCommand.EXPRESSION ? tail : NONE;
                }
                break;
            case EngineCommand.RESET_INSTANCE:
            case EngineCommand.RELEASE_INSTANCE:
                if (c.instance >= 0 && c.instance < instanceSlots) {
                    Arrays.fill(mergeTarget, c.instance * CHANNELS, (c.instance + 1) * CHANNELS, NONE);
                }
                break;
            case EngineCommand.PANIC:
                Arrays.fill(mergeTarget, NONE);
                break;
            default:
                break;
        }
    }

    private int channelKey(int instance, int channel) {
        if (instance < 0 || instance >= instanceSlots || channel < 0 || channel >= CHANNELS) {
            return -1;
        }
        return instance * CHANNELS + channel;
    }

    private int index(long sequence) {
        return (int) (sequence % ring.length);
    }
}
