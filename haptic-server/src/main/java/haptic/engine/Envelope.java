package haptic.engine;

/**
 * Linear attack to full level, hold, linear release to silence. Attack runs at a fixed rate, so a retrigger
 * from a non-zero level reaches full level sooner instead of jumping; release always takes exactly the release
 * time from wherever it starts.
 */
final class Envelope {
    static final int ATTACK = 0;
    static final int SUSTAIN = 1;
    static final int RELEASE = 2;
    static final int DONE = 3;

    private int stage = DONE;
    private double level;
    private double step;

    void attack(double attackSamples) {
        stage = ATTACK;
        step = 1.0 / Math.max(1.0, attackSamples);
    }

    void release(double releaseSamples) {
        if (stage == RELEASE || stage == DONE) {
            return;
        }
        if (level <= 0.0) {
            level = 0.0;
            stage = DONE;
            return;
        }
        stage = RELEASE;
        step = level / Math.max(1.0, releaseSamples);
    }

    /** Silence now, for a voice slot that is being reused. */
    void clear() {
        stage = DONE;
        level = 0.0;
    }

    /** Advances one sample and returns the level for it. */
    double next() {
        switch (stage) {
            case ATTACK:
                level += step;
                if (level >= 1.0) {
                    level = 1.0;
                    stage = SUSTAIN;
                }
                return level;
            case SUSTAIN:
                return 1.0;
            case RELEASE:
                level -= step;
                if (level <= 0.0) {
                    level = 0.0;
                    stage = DONE;
                }
                return level;
            default:
                return 0.0;
        }
    }

    /** The levels of the next n samples, exactly as n calls of {@link #next()} would return them. */
    void fill(double[] levels, int n) {
        if (stage == SUSTAIN || stage == DONE) {
            java.util.Arrays.fill(levels, 0, n, stage == SUSTAIN ? 1.0 : 0.0);
            return;
        }
        for (int j = 0; j < n; j++) {
            levels[j] = next();
        }
    }

    int stage() {
        return stage;
    }

    boolean done() {
        return stage == DONE;
    }

    double level() {
        return level;
    }
}
