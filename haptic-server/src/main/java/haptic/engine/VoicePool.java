package haptic.engine;

/**
 * A fixed set of voice slots of one kind, with a free list and a deterministic choice of which voice to
 * steal when every slot is taken.
 */
final class VoicePool {
    final Voice[] voices;
    private final int[] free;
    private int freeCount;

    VoicePool(Voice[] voices) {
        this.voices = voices;
        this.free = new int[voices.length];
        // Lowest slot first, so behaviour is reproducible run to run.
        for (int i = 0; i < voices.length; i++) {
            free[i] = voices.length - 1 - i;
        }
        freeCount = voices.length;
    }

    /** @return a free slot, or null if all are in use */
    Voice take() {
        if (freeCount == 0) {
            return null;
        }
        return voices[free[--freeCount]];
    }

    void giveBack(Voice v) {
        v.state = Voice.FREE;
        v.hasPending = false;
        free[freeCount++] = v.slot;
    }

    boolean owns(Voice v) {
        return v.slot < voices.length && voices[v.slot] == v;
    }

    int inUse() {
        return voices.length - freeCount;
    }

    /**
     * The voice to cut off for a new note when the pool is full. In order of preference: one already fading
     * out with nothing queued, the one that started releasing first, the one that started first, and only
     * then the oldest note still waiting for its slot. "First" is by event order, so notes of the same sample
     * are still told apart.
     */
    Voice victim() {
        Voice best = null;
        int bestRank = Integer.MAX_VALUE;
        long bestOrder = Long.MAX_VALUE;
        for (Voice v : voices) {
            int rank;
            long order;
            if (v.state == Voice.FADING) {
                if (v.hasPending) {
                    rank = 3;
                    order = v.pending.order;
                } else {
                    rank = 0;
                    order = v.fadeOrder;
                }
            } else if (v.state == Voice.PLAYING) {
                if (v.released) {
                    rank = 1;
                    order = v.releaseOrder;
                } else {
                    rank = 2;
                    order = v.startOrder;
                }
            } else {
                continue;
            }
            if (rank < bestRank || (rank == bestRank && order < bestOrder)) {
                best = v;
                bestRank = rank;
                bestOrder = order;
            }
        }
        return best;
    }
}
