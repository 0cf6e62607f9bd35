package haptic.server.timing;

import haptic.protocol.Protocol;
import haptic.server.link.EngineCommand;

/**
 * Maps each command's time to the moment the audio thread applies it, and keeps what waits in time order.
 *
 * <p>A timed command is due at {@code time + delay(instance)} ({@link InstanceLatency}). An untimed one is
 * due one server period after it arrived, which keeps the spacing of untimed commands that arrive in a
 * stream instead of quantising them to period starts. A time that is negative or further ahead than
 * {@link #MAX_AHEAD_NANOS} cannot be meant: it is counted as a time fault and treated as untimed. A NoteOff
 * is never due before the NoteOn of the same note that came before it, so a note whose NoteOff carries
 * an earlier time (clock trouble in the sender) still starts and is released at once.
 *
 * <p>Confined to the audio thread.
 */
public final class Scheduler {
    /** Events further in the future than this are treated as untimed and counted as faults. */
    public static final long MAX_AHEAD_NANOS = 10_000_000_000L;
    private static final int NOTES = 16 * 128;

    private final Schedule schedule;
    private final InstanceLatency latency;
    /** Due time of the last NoteOn per (instance, channel, note); NoteOffs are never due before it. */
    private final long[] noteOnDue;
    private long serverPeriodNanos;
    private long sequence;
    private long lateCommands;
    private long worstLateNanos;
    private long timeFaults;

    public Scheduler(int capacity, InstanceLatency latency) {
        this.schedule = new Schedule(capacity);
        this.latency = latency;
        this.noteOnDue = new long[latency.instances() * NOTES];
    }

    public void serverPeriod(long nanos) {
        serverPeriodNanos = nanos;
        latency.serverPeriod(nanos);
    }

    public InstanceLatency latency() {
        return latency;
    }

    public boolean isFull() {
        return schedule.isFull();
    }

    public int waiting() {
        return schedule.size();
    }

    /** Sets {@code c}'s due time and copies it into the schedule; {@code now} is the current period's start. */
    public void add(EngineCommand c, long now) {
        long due;
        long t = c.time;
        if (t == Protocol.UNTIMED) {
            due = c.arrivalNanos + serverPeriodNanos;
        } else if (t < 0 || t - now > MAX_AHEAD_NANOS) {
            timeFaults++;
            due = c.arrivalNanos + serverPeriodNanos;
        } else {
            due = t + latency.delayNanos(c.instance);
        }
        int note = noteIndex(c);
        if (note >= 0) {
            if (c.type == EngineCommand.NOTE_ON) {
                noteOnDue[note] = due;
            } else if (c.type == EngineCommand.NOTE_OFF && due < noteOnDue[note]) {
                due = noteOnDue[note];
            }
        }
        c.due = due;
        c.sequence = sequence++;
        schedule.add(c);
    }

    /** The earliest waiting command if it is due before {@code end}, else null; stays in the schedule. */
    public EngineCommand peekDue(long end) {
        EngineCommand first = schedule.peek();
        return first != null && first.due < end ? first : null;
    }

    /**
     * Takes the earliest command, applied at {@code appliedAt}; a timed one applied after its due time is counted
     * late, and teaches its instance's latency. Hand it back with {@link #release}.
     */
    public EngineCommand take(long appliedAt) {
        EngineCommand c = schedule.poll();
        long lateBy = appliedAt - c.due;
        if (c.time != Protocol.UNTIMED && lateBy > 0 && lateBy > LATE_TOLERANCE_NANOS) {
            lateCommands++;
            if (lateBy > worstLateNanos) {
                worstLateNanos = lateBy;
            }
            if (lateBy <= MAX_LEARNED_NANOS) {
                // What would have been on time: the delay this command got, plus its lateness.
                latency.late(c.instance, c.due - c.time + lateBy);
            }
        }
        return c;
    }

    public void release(EngineCommand c) {
        schedule.release(c);
    }

    /** Forgets every waiting command and the note table (the engine they were meant for is gone). */
    public void clear() {
        schedule.clear();
        java.util.Arrays.fill(noteOnDue, 0L);
    }

    /**
     * Lateness beyond this is an outage (an xrun, a stalled sender), not how late this sender's events run:
     * counted, but not learnt, or one hiccup would raise the instance's latency for good.
     */
    static final long MAX_LEARNED_NANOS = 20_000_000L;

    /** Applying at whole samples rounds a due time up by less than one sample; that is not lateness. */
    static final long LATE_TOLERANCE_NANOS = 50_000L;

    public long lateCommands() {
        return lateCommands;
    }

    public float worstLateMs() {
        return worstLateNanos / 1e6f;
    }

    public long timeFaults() {
        return timeFaults;
    }

    private int noteIndex(EngineCommand c) {
        if ((c.type != EngineCommand.NOTE_ON && c.type != EngineCommand.NOTE_OFF)
                || c.instance < 0 || c.instance >= latency.instances()
                || c.channel < 0 || c.channel >= 16 || c.note < 0 || c.note >= 128) {
            return -1;
        }
        return c.instance * NOTES + c.channel * 128 + c.note;
    }
}
