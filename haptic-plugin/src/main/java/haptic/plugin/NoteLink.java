package haptic.plugin;

import org.jctools.queues.SpscArrayQueue;

/**
 * Audio thread → IPC thread note channel: filled entries travel on one SPSC queue and come back empty on
 * another, so after construction neither side allocates. One producer (the audio thread) claims and
 * publishes; one consumer (the IPC thread) polls and recycles.
 */
final class NoteLink {
    private final SpscArrayQueue<NoteEvent> forward;
    private final SpscArrayQueue<NoteEvent> free;

    NoteLink(int capacity) {
        forward = new SpscArrayQueue<>(capacity);
        free = new SpscArrayQueue<>(capacity);
        for (int i = 0; i < capacity; i++) {
            free.offer(new NoteEvent());
        }
    }

    /** Producer: an entry to fill, or null while every entry is in flight. Called on the audio thread. */
    NoteEvent claim() {
        return free.poll();
    }

    /** Producer: hands a claimed entry over; cannot fail because both queues hold the same entries. Audio thread. */
    void publish(NoteEvent e) {
        forward.offer(e);
    }

    /** Consumer: the oldest published entry, or null. Called on the IPC thread. */
    NoteEvent poll() {
        return forward.poll();
    }

    /** Consumer: returns a handled entry. Called on the IPC thread. */
    void recycle(NoteEvent e) {
        free.offer(e);
    }
}
