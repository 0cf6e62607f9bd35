package haptic.plugin;

/**
 * Current normalised value of every catalog parameter. Written by the audio thread (automation points)
 * and the host thread (edits, state), read by the host, the state writer and the IPC thread, which sends
 * each automatable value whenever it differs from what it last sent: repeated automation coalesces.
 */
final class ParameterValues {
    private final Slot[] slots = new Slot[ParameterCatalog.COUNT];

    ParameterValues() {
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot();
            slots[i].normalized = ParameterCatalog.defaultNormalized(i);
        }
    }

    /** Any thread: the host's main thread (getParameter, state) and the IPC thread. */
    double get(int index) {
        return slots[index].normalized;
    }

    /**
     * Clamps into 0..1; NaN is ignored. Called on the audio thread (automation) and the host's main thread (edits,
     * state); each slot is one volatile double, so the last write wins and nothing is torn.
     */
    void set(int index, double normalized) {
        set(index, normalized, haptic.protocol.Protocol.UNTIMED);
    }

    /** As {@link #set(int, double)}, remembering when the value should take effect (SharedClock ns, or untimed). */
    void set(int index, double normalized, long time) {
        Slot s = slots[index];
        if (normalized >= 0.0) {
            s.time = time;
            s.normalized = Math.min(1.0, normalized);
        } else if (normalized < 0.0) {
            s.time = time;
            s.normalized = 0.0;
        }
    }

    /** When the current value should take effect, as set with it. Any thread; may pair with a newer value. */
    long time(int index) {
        return slots[index].time;
    }

    private static final class Slot {
        /** Two writers, audio thread and host main thread; last write wins (see {@link ParameterValues#set}). */
        volatile double normalized;
        volatile long time;
    }
}
