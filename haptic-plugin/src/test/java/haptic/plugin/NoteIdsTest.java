package haptic.plugin;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NoteIdsTest {
    /** Random puts and removals against a HashMap model, enough to exercise probe chains and wrap-around. */
    @Test
    void agreesWithAMapUnderChurn() {
        NoteIds ids = new NoteIds();
        Map<Integer, Integer> idToKey = new HashMap<>();
        Map<Integer, Integer> keyToId = new HashMap<>();
        Random r = new Random(42);
        for (int step = 0; step < 200_000; step++) {
            int key = r.nextInt(NoteIds.KEYS);
            if (r.nextInt(3) > 0) {
                // Small id space so that ids get reused while still held, as hosts may do.
                int id = r.nextInt(3000);
                Integer oldId = keyToId.remove(key);
                if (oldId != null) {
                    idToKey.remove(oldId);
                }
                Integer oldKey = idToKey.remove(id);
                if (oldKey != null) {
                    keyToId.remove(oldKey);
                }
                idToKey.put(id, key);
                keyToId.put(key, id);
                ids.put(id, key);
            } else {
                Integer oldId = keyToId.remove(key);
                if (oldId != null) {
                    idToKey.remove(oldId);
                }
                ids.removeKey(key);
            }
            if (step % 1000 == 0) {
                for (int id = 0; id < 3000; id++) {
                    assertEquals(idToKey.getOrDefault(id, -1), ids.keyOf(id), "id " + id + " at step " + step);
                }
            }
        }
    }
}
