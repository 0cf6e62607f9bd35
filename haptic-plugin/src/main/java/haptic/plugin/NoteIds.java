package haptic.plugin;

/**
 * Which sounding note a VST3 noteId stands for, so note expression (which names only the noteId) reaches
 * the right channel. An open-addressing table sized for every (channel, note) pair at once, so it never
 * fills: each key holds at most one noteId, the latest NoteOn's.
 */
final class NoteIds {
    static final int KEYS = ZoneLayout.CHANNELS * 128;
    private static final int SLOTS = KEYS * 2;
    private static final int MASK = SLOTS - 1;
    private static final int EMPTY = -1;

    private final int[] ids = new int[SLOTS];
    private final int[] keys = new int[SLOTS];
    private final boolean[] used = new boolean[SLOTS];
    /** noteId held by each key, or EMPTY. */
    private final int[] idOfKey = new int[KEYS];

    NoteIds() {
        java.util.Arrays.fill(idOfKey, EMPTY);
    }

    static int key(int channel, int note) {
        return channel * 128 + note;
    }

    void put(int noteId, int key) {
        if (idOfKey[key] != EMPTY) {
            remove(idOfKey[key]);
        }
        int existing = find(noteId);
        if (existing >= 0) {
            // The host reused an id while its previous note still holds it: the new note wins.
            idOfKey[keys[existing]] = EMPTY;
            keys[existing] = key;
            idOfKey[key] = noteId;
            return;
        }
        int s = slot(noteId);
        while (used[s]) {
            s = (s + 1) & MASK;
        }
        used[s] = true;
        ids[s] = noteId;
        keys[s] = key;
        idOfKey[key] = noteId;
    }

    /** @return the key of this noteId, or -1 */
    int keyOf(int noteId) {
        int s = find(noteId);
        return s < 0 ? -1 : keys[s];
    }

    void removeKey(int key) {
        if (idOfKey[key] != EMPTY) {
            remove(idOfKey[key]);
        }
    }

    void clear() {
        java.util.Arrays.fill(used, false);
        java.util.Arrays.fill(idOfKey, EMPTY);
    }

    private void remove(int noteId) {
        int s = find(noteId);
        if (s < 0) {
            return;
        }
        idOfKey[keys[s]] = EMPTY;
        used[s] = false;
        // Backward-shift deletion keeps probe chains intact without tombstones.
        int hole = s;
        int next = (s + 1) & MASK;
        while (used[next]) {
            int home = slot(ids[next]);
            boolean movable = hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
            if (movable) {
                used[hole] = true;
                ids[hole] = ids[next];
                keys[hole] = keys[next];
                used[next] = false;
                hole = next;
            }
            next = (next + 1) & MASK;
        }
    }

    private int find(int noteId) {
        int s = slot(noteId);
        while (used[s]) {
            if (ids[s] == noteId) {
                return s;
            }
            s = (s + 1) & MASK;
        }
        return -1;
    }

    private static int slot(int noteId) {
        int h = noteId * 0x9E3779B9;
        return (h ^ (h >>> 16)) & MASK;
    }
}
