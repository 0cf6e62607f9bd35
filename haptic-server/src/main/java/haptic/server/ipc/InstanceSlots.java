package haptic.server.ipc;

/**
 * Which engine instance slots belong to a live controller, and under which instance id.
 * An empty instance id is anonymous: it never collides with another controller. Confined to the IPC
 * thread.
 */
final class InstanceSlots {
    private final boolean[] taken;
    private final String[] ids;
    private int inUse;

    InstanceSlots(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one instance slot, got " + count);
        }
        taken = new boolean[count];
        ids = new String[count];
    }

    int count() {
        return taken.length;
    }

    int inUse() {
        return inUse;
    }

    boolean isLive(String instanceId) {
        if (instanceId.isEmpty()) {
            return false;
        }
        for (int i = 0; i < taken.length; i++) {
            if (taken[i] && instanceId.equals(ids[i])) {
                return true;
            }
        }
        return false;
    }

    /** @return the lowest free slot, now owned by {@code instanceId}, or -1 if all are taken */
    int claim(String instanceId) {
        for (int i = 0; i < taken.length; i++) {
            if (!taken[i]) {
                taken[i] = true;
                ids[i] = instanceId;
                inUse++;
                return i;
            }
        }
        return -1;
    }

    void release(int slot) {
        if (!taken[slot]) {
            throw new IllegalStateException("instance slot " + slot + " is not taken");
        }
        taken[slot] = false;
        ids[slot] = null;
        inUse--;
    }
}
