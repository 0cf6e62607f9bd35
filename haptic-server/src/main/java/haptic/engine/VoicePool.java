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

    int inUse() {
        return voices.length - freeCount;
    }

    /**
     * The voice to cut off for a new note when the pool is full. In order of preference: one already fading
     * out with nothing queued, the one that started releasing first, the one that started first, and only
     * then the oldest note still waiting for its slot. Ties go to the lowest slot.
     */
    Voice victim() {
        Voice best = null;
        int bestRank = Integer.MAX_VALUE;
        long bestTime = Long.MAX_VALUE;
        for (Voice v : voices) {
            int rank;
            long time;
            if (v.state == Voice.FADING) {
                if (v.hasPending) {
                    rank = 3;
                    time = v.pending.time;
                } else {
                    rank = 0;
                    time = v.fadeStart;
                }
            } else if (v.state == Voice.PLAYING) {
                if (v.released) {
                    rank = 1;
                    time = v.releaseTime;
                } else {
                    rank = 2;
                    time = v.startTime;
                }
            } else {
                continue;
            }
            if (rank < bestRank || (rank == bestRank && time < bestTime)) {
                best = v;
                bestRank = rank;
                bestTime = time;
            }
        }
        return best;
    }
}
