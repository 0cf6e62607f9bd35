package haptic.plugin;

/**
 * The audio thread's end of the note path. Every note and expression point carries the time it is meant
 * to sound ({@link EventTimes#current()}).
 *
 * <p>Notes are never dropped for lack of a link entry: they wait in the overflow, in order, and
 * {@link #retry()} moves them on at the start of the next block. Only if the overflow is full too (the IPC
 * thread has not run for thousands of notes) is a note counted as lost.
 *
 * <p>Expression travels as timed points so that a bend inside one long block arrives as a ramp: per
 * channel, points within the same millisecond coalesce into the last of them, and each millisecond's point
 * goes out when the next millisecond's arrives, before a note on its channel, or at the end of the block.
 * A point that finds no link entry is not queued behind notes: the channel's {@link ExpressionSlots} entry
 * (always the latest value) is marked, and the IPC thread sends that instead.
 */
final class NoteOutbox implements NoteSink {
    static final long POINT_NANOS = 1_000_000L;

    private final NoteLink link;
    private final NoteOverflow overflow;
    private final EventTimes times;
    private final ExpressionSlots slots;
    private final boolean[] pointWaiting = new boolean[ZoneLayout.CHANNELS];
    private final long[] pointTime = new long[ZoneLayout.CHANNELS];
    private final float[] pointPressure = new float[ZoneLayout.CHANNELS];
    private final float[] pointBend = new float[ZoneLayout.CHANNELS];
    private final float[] pointTimbre = new float[ZoneLayout.CHANNELS];
    /** Written only on the audio thread. */
    private volatile long lost;

    NoteOutbox(NoteLink link, NoteOverflow overflow, EventTimes times, ExpressionSlots slots) {
        this.link = link;
        this.overflow = overflow;
        this.times = times;
        this.slots = slots;
    }

    /** Called on the audio thread. */
    @Override
    public void noteOn(int channel, int note, float velocity, float pressure, float bend, float timbre) {
        flushPoint(channel);
        send(NoteEvent.ON, channel, note, velocity, pressure, bend, timbre, times.current());
    }

    /** Called on the audio thread. */
    @Override
    public void noteOff(int channel, int note, float velocity) {
        flushPoint(channel);
        send(NoteEvent.OFF, channel, note, velocity, 0f, 0f, 0f, times.current());
    }

    /** Called on the audio thread. */
    @Override
    public void expression(int channel, float pressure, float bend, float timbre) {
        long t = times.current();
        if (pointWaiting[channel] && Math.floorDiv(t, POINT_NANOS) != Math.floorDiv(pointTime[channel], POINT_NANOS)) {
            flushPoint(channel);
        }
        pointWaiting[channel] = true;
        pointTime[channel] = t;
        pointPressure[channel] = pressure;
        pointBend[channel] = bend;
        pointTimbre[channel] = timbre;
    }

    /** The block is over: every channel's last point goes out. Called on the audio thread. */
    void endBlock() {
        for (int c = 0; c < pointWaiting.length; c++) {
            flushPoint(c);
        }
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
     * Drops waiting notes and points; only while the audio thread is not processing. Called on the host's main
     * thread, after the IPC thread has stopped.
     */
    void clear() {
        overflow.clear();
        java.util.Arrays.fill(pointWaiting, false);
    }

    private void flushPoint(int channel) {
        if (!pointWaiting[channel]) {
            return;
        }
        pointWaiting[channel] = false;
        NoteEvent e = overflow.isEmpty() ? link.claim() : null;
        if (e == null) {
            slots.dropped(channel, pointTime[channel]);
            return;
        }
        e.set(NoteEvent.EXPRESSION, channel, 0, 0f, pointPressure[channel], pointBend[channel], pointTimbre[channel],
                pointTime[channel]);
        link.publish(e);
    }

    private void send(int kind, int channel, int note, float velocity, float pressure, float bend, float timbre,
                      long time) {
        if (overflow.isEmpty()) {
            NoteEvent e = link.claim();
            if (e != null) {
                e.set(kind, channel, note, velocity, pressure, bend, timbre, time);
                link.publish(e);
                return;
            }
        }
        if (!overflow.add(kind, channel, note, velocity, pressure, bend, timbre, time)) {
            lost = lost + 1;
        }
    }
}
