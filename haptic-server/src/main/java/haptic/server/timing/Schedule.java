package haptic.server.timing;

import haptic.server.link.EngineCommand;

/**
 * The audio thread's time-ordered store of commands that are not due yet: a binary min-heap on
 * ({@link EngineCommand#due}, {@link EngineCommand#sequence}) over preallocated entries, so equal times keep
 * arrival order and nothing allocates after construction. Insert and removal are O(log n), which bounds
 * the work per period however many future events wait (10 000 in {@code ScheduleTest}).
 *
 * <p>Confined to the audio thread.
 */
public final class Schedule {
    private final EngineCommand[] heap;
    /** Entries not in the heap, ready to take a copy. */
    private final EngineCommand[] spare;
    private int size;
    private int spares;

    public Schedule(int capacity) {
        heap = new EngineCommand[capacity];
        spare = new EngineCommand[capacity];
        for (int i = 0; i < capacity; i++) {
            spare[i] = new EngineCommand();
        }
        spares = capacity;
    }

    public int size() {
        return size;
    }

    public boolean isFull() {
        return size == heap.length;
    }

    /** Copies {@code c} (whose due and sequence are set) into the schedule. The caller checks {@link #isFull}. */
    public void add(EngineCommand c) {
        EngineCommand e = spare[--spares];
        spare[spares] = null;
        e.copyFrom(c);
        int i = size++;
        heap[i] = e;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(e, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = e;
    }

    /** The earliest entry, or null when empty. Stays owned by the schedule. */
    public EngineCommand peek() {
        return size == 0 ? null : heap[0];
    }

    /** Removes the earliest entry; hand it back with {@link #release} once applied. */
    public EngineCommand poll() {
        if (size == 0) {
            return null;
        }
        EngineCommand first = heap[0];
        EngineCommand last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                int right = child + 1;
                if (right < size && before(heap[right], heap[child])) {
                    child = right;
                }
                if (!before(heap[child], last)) {
                    break;
                }
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = last;
        }
        return first;
    }

    /** Returns an entry taken by {@link #poll}. */
    public void release(EngineCommand e) {
        spare[spares++] = e;
    }

    /** Drops everything waiting (a rebuilt engine, tests). */
    public void clear() {
        while (size > 0) {
            release(poll());
        }
    }

    private static boolean before(EngineCommand a, EngineCommand b) {
        return a.due < b.due || (a.due == b.due && a.sequence < b.sequence);
    }
}
