package haptic.panel;

import haptic.protocol.TransducerLevels;

/**
 * The last few seconds of levels, owned by the render thread: a ring of level messages reduced to
 * decibels (loudest peak, loudest RMS, and each transducer's RMS), read back oldest first with times
 * in seconds relative to the newest. A frame counter that goes backwards means the server restarted,
 * and the old history no longer lines up, so it is dropped.
 */
final class LevelHistory {
    private final int capacity;
    private final int transducers;
    private final long[] frames;
    private final float[] maxPeakDb;
    private final float[] maxRmsDb;
    private final float[][] rmsDb;
    private int next;
    private int size;

    LevelHistory(int capacity, int transducers) {
        this.capacity = capacity;
        this.transducers = transducers;
        frames = new long[capacity];
        maxPeakDb = new float[capacity];
        maxRmsDb = new float[capacity];
        rmsDb = new float[transducers][capacity];
    }

    int size() {
        return size;
    }

    int capacity() {
        return capacity;
    }

    /** How many transducers each entry holds. */
    int transducers() {
        return transducers;
    }

    void clear() {
        size = 0;
        next = 0;
    }

    /** Appends one message; messages with more transducers than the history holds keep the first ones. */
    void add(TransducerLevels levels) {
        if (size > 0) {
            long last = frames[(next + capacity - 1) % capacity];
            if (levels.frame() == last) {
                return;
            }
            if (levels.frame() < last) {
                clear();
            }
        }
        float peak = 0f;
        float rms = 0f;
        int n = Math.min(levels.rms().length, levels.peak().length);
        for (int i = 0; i < n; i++) {
            peak = Math.max(peak, levels.peak()[i]);
            rms = Math.max(rms, levels.rms()[i]);
        }
        frames[next] = levels.frame();
        maxPeakDb[next] = LevelStyle.decibels(peak);
        maxRmsDb[next] = LevelStyle.decibels(rms);
        for (int t = 0; t < transducers; t++) {
            rmsDb[t][next] = LevelStyle.decibels(t < levels.rms().length ? levels.rms()[t] : 0f);
        }
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    /**
     * Copies the history oldest first. Arrays must hold {@link #size()} elements.
     *
     * @param seconds    time of each entry relative to the newest (0 and below), from the frame counter
     * @param transducer whose RMS goes into {@code oneRmsDb}
     */
    void copy(float sampleRate, float[] seconds, float[] peakDb, float[] rmsMaxDb, int transducer, float[] oneRmsDb) {
        long newest = frames[(next + capacity - 1) % capacity];
        int first = (next + capacity - size) % capacity;
        float rate = sampleRate > 0 ? sampleRate : 48000f;
        boolean known = transducer >= 0 && transducer < transducers;
        for (int k = 0; k < size; k++) {
            int at = (first + k) % capacity;
            seconds[k] = (frames[at] - newest) / rate;
            peakDb[k] = maxPeakDb[at];
            rmsMaxDb[k] = maxRmsDb[at];
            oneRmsDb[k] = known ? rmsDb[transducer][at] : LevelStyle.FLOOR_DB;
        }
    }
}
