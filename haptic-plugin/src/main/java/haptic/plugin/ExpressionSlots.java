package haptic.plugin;

/**
 * Latest protocol expression of each channel, written by the audio thread and collected by the IPC
 * thread. A flood of MPE changes just overwrites the slot, so it can never fill a queue: the IPC thread
 * sends a channel's values whenever they differ from what it last sent for that channel.
 *
 * <p>The three values of a slot are separate volatile fields, so a reader can catch a half-written
 * slot; it then differs from the finished slot too, which is sent on the next collection.
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
    }
}
