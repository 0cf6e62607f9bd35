package haptic.plugin;

/**
 * Latest protocol expression of each channel, written by the audio thread. Expression normally reaches
 * the IPC thread as timed points through the note link; when a point found the link full, the audio
 * thread marks the slot ({@link #dropped}) and the IPC thread sends the slot's latest values instead, so
 * a flood of MPE changes coalesces here rather than filling a queue or displacing notes.
 *
 * <p>The values of a slot are separate volatile fields, so a reader can catch a half-written slot; the
 * mark is written last, and the next point or mark brings the finished values.
 */
final class ExpressionSlots {
    private final Slot[] slots = new Slot[ZoneLayout.CHANNELS];

    ExpressionSlots() {
        for (int c = 0; c < slots.length; c++) {
            slots[c] = new Slot();
        }
    }

    /** Called on the audio thread (the only writer). */
    void write(int channel, float pressure, float bend, float timbre) {
        Slot s = slots[channel];
        s.pressure = pressure;
        s.bend = bend;
        s.timbre = timbre;
    }

    /** A point for this channel at {@code time} found no room in the link. Called on the audio thread. */
    void dropped(int channel, long time) {
        Slot s = slots[channel];
        s.time = time;
        s.drops = s.drops + 1;
    }

    /** How often the channel's points found the link full; a change means: send the slot. Called on the IPC thread. */
    long drops(int channel) {
        return slots[channel].drops;
    }

    /** The time of the channel's last dropped point. Called on the IPC thread. */
    long time(int channel) {
        return slots[channel].time;
    }

    /** Called on the IPC thread. */
    float pressure(int channel) {
        return slots[channel].pressure;
    }

    /** Called on the IPC thread. */
    float bend(int channel) {
        return slots[channel].bend;
    }

    /** Called on the IPC thread. */
    float timbre(int channel) {
        return slots[channel].timbre;
    }

    private static final class Slot {
        /** All three written only on the audio thread. */
        volatile float pressure = ExpressionCache.DEFAULT_PRESSURE;
        volatile float bend;
        volatile float timbre = ExpressionCache.DEFAULT_TIMBRE;
        volatile long time;
        volatile long drops;
    }
}
