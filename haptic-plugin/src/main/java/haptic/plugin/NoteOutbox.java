package haptic.plugin;

/**
 * The audio thread's end of the note path. Notes are never dropped for lack of a link entry: they wait in
 * the overflow, in order, and {@link #retry()} moves them on at the start of the next block. Only if the
 * overflow is full too (the IPC thread has not run for thousands of notes) is a note counted as lost.
 */
final class NoteOutbox implements NoteSink {
    private final NoteLink link;
    private final NoteOverflow overflow;
    /** Written only on the audio thread. */
    private volatile long lost;

    NoteOutbox(NoteLink link, NoteOverflow overflow) {
        this.link = link;
        this.overflow = overflow;
    }

    /** Called on the audio thread. */
    @Override
    public void noteOn(int channel, int note, float velocity, float pressure, float bend, float timbre) {
        send(NoteEvent.ON, channel, note, velocity, pressure, bend, timbre);
    }

    /** Called on the audio thread. */
    @Override
    public void noteOff(int channel, int note, float velocity) {
        send(NoteEvent.OFF, channel, note, velocity, 0f, 0f, 0f);
    }

    /** Moves waiting notes into the link while it has room. Called on the audio thread. */
    void retry() {
        while (!overflow.isEmpty()) {
            NoteEvent e = link.claim();
            if (e == null) {
                return;
            }
            overflow.takeInto(e);
            link.publish(e);
        }
    }

    /** Notes waiting in the overflow. For tests, while no other thread uses the outbox. */
    int waiting() {
        return overflow.size();
    }

    /**
     * Notes lost because link and overflow were both full (written by the audio thread only). Called on the IPC
     * thread.
     */
    long lost() {
        return lost;
    }

    /**
     * Drops waiting notes; only while the audio thread is not processing. Called on the host's main thread, after the
     * IPC thread has stopped.
     */
    void clear() {
        overflow.clear();
    }

    private void send(int kind, int channel, int note, float velocity, float pressure, float bend, float timbre) {
        long now = System.nanoTime();
        if (overflow.isEmpty()) {
            NoteEvent e = link.claim();
            if (e != null) {
                e.set(kind, channel, note, velocity, pressure, bend, timbre, now);
                link.publish(e);
                return;
            }
        }
        if (!overflow.add(kind, channel, note, velocity, pressure, bend, timbre, now)) {
            lost = lost + 1;
        }
    }
}
