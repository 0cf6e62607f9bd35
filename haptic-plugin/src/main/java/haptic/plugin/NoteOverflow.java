package haptic.plugin;

/**
 * Audio-side FIFO for notes the {@link NoteLink} had no room for, retried at the start of every block.
 * Preallocated parallel arrays; nothing here allocates.
 */
final class NoteOverflow {
    private final int[] kind;
    private final int[] channel;
    private final int[] note;
    private final float[] velocity;
    private final float[] pressure;
    private final float[] bend;
    private final float[] timbre;
    private final long[] nanos;
    private int head;
    private int size;

    NoteOverflow(int capacity) {
        kind = new int[capacity];
        channel = new int[capacity];
        note = new int[capacity];
        velocity = new float[capacity];
        pressure = new float[capacity];
        bend = new float[capacity];
        timbre = new float[capacity];
        nanos = new long[capacity];
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** @return false if full */
    boolean add(int k, int ch, int n, float vel, float p, float b, float t, long at) {
        if (size == kind.length) {
            return false;
        }
        int i = (head + size) % kind.length;
        kind[i] = k;
        channel[i] = ch;
        note[i] = n;
        velocity[i] = vel;
        pressure[i] = p;
        bend[i] = b;
        timbre[i] = t;
        nanos[i] = at;
        size++;
        return true;
    }

    /** Moves the oldest note into {@code e}; only when not empty. */
    void takeInto(NoteEvent e) {
        int i = head;
        e.set(kind[i], channel[i], note[i], velocity[i], pressure[i], bend[i], timbre[i], nanos[i]);
        head = (head + 1) % kind.length;
        size--;
    }

    void clear() {
        head = 0;
        size = 0;
    }
}
