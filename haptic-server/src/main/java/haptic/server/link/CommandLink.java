package haptic.server.link;

import org.jctools.queues.SpscArrayQueue;

/**
 * IPC thread → audio thread command channel.
 *
 * <p>Contract: exactly one producer thread (the IPC thread) calls {@link #claim()} and {@link #publish};
 * exactly one consumer thread at a time (the audio thread; a backend hands the role over only after the
 * previous consumer has stopped) calls {@link #poll()} and {@link #recycle}. Entries travel forward on one
 * SPSC queue and come back on another, so after construction nobody allocates.
 *
 * <p>When {@link #claim()} returns null the link is full: the producer must keep the command itself and
 * retry later (it must never drop a NoteOff).
 */
public final class CommandLink {
    private final SpscArrayQueue<EngineCommand> forward;
    private final SpscArrayQueue<EngineCommand> free;

    public CommandLink(int capacity) {
        forward = new SpscArrayQueue<>(capacity);
        free = new SpscArrayQueue<>(capacity);
        for (int i = 0; i < capacity; i++) {
            free.offer(new EngineCommand());
        }
    }

    /** Producer: an entry to fill, or null when every entry is in flight. Called on the IPC thread. */
    public EngineCommand claim() {
        return free.poll();
    }

    /**
     * Producer: hands a claimed entry to the consumer. Cannot fail for claimed entries (capacities match).
     * Called on the IPC thread.
     */
    public void publish(EngineCommand c) {
        if (!forward.offer(c)) {
            throw LinkMisuse.notClaimed();
        }
    }

    /** Consumer: next command or null. Return it with {@link #recycle} once applied. Called on the audio thread. */
    public EngineCommand poll() {
        return forward.poll();
    }

    /** Consumer: gives an applied entry back to the producer. Called on the audio thread. */
    public void recycle(EngineCommand c) {
        free.offer(c);
    }

    /** Either side: commands waiting for the consumer (approximate while the other side runs). */
    public int pending() {
        return forward.size();
    }

    /** Either side: entries the producer can still claim (approximate while the other side runs). */
    public int available() {
        return free.size();
    }
}
