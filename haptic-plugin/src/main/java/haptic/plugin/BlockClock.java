package haptic.plugin;

/**
 * When each host block starts, on the shared clock, smooth although the host calls process() at irregular
 * moments. The model is a straight line over the continuous sample counter, {@code start(n) = base + n *
 * nanosPerSample}, at the nominal rate; each block's observation (the host's ProcessContext.systemTime when
 * it is on our clock, else our own reading at process() entry) corrects {@code base}:
 *
 * <ul>
 * <li>A host is woken by its audio clock and then runs late by scheduling noise, never early, so the true
 *     timeline is the <em>lower envelope</em> of the observations. During the first {@link #LOCK_BLOCKS}
 *     blocks the line jumps down to any earlier observation.</li>
 * <li>After that, corrections are slew-limited to {@link #SLEW_NANOS} per block, so two events in nearby
 *     blocks keep their spacing to a fraction of a sample: an observation below the line pulls it down;
 *     when every observation of the last {@link #WINDOWS} windows (at least a second and 64 blocks each) lay
 *     above it by more than a dead band, it lifts by their minimum, which follows an audio clock that runs
 *     slower than ours. The dead band is eight times the expected minimum of that many uniformly late calls
 *     (block / count), so scheduling noise alone practically never lifts the line into itself; the price is
 *     that a slow audio clock is followed in steps of about that size.</li>
 * </ul>
 *
 * A call that follows the previous one within a tenth of that one's duration and 0.5 ms is not an
 * observation of when its block starts: the host split its cycle into sub-blocks (Ardour does, at parameter
 * changes), or it is catching up after a stall. Such a block just continues the line — unless the line then
 * runs ahead of our clock by more than the gap limit (a host rendering faster than real time), which restarts it.
 *
 * <p>A restart ({@link #restart}) forgets everything: the host's clock or the sample count jumped. An
 * observation further than {@link #GAP_NANOS} (or three blocks) from the line restarts it too: the host
 * stopped calling for a while (bypass, a stalled engine, a test harness), so its samples no longer map to
 * our time.
 *
 * <p>Audio thread only (restart also from the host thread while the audio thread is not processing).
 */
final class BlockClock {
    static final int LOCK_BLOCKS = 32;
    /** Largest correction per block after lock: 2 µs, a tenth of a sample at 48 kHz. */
    static final long SLEW_NANOS = 2_000L;
    /** Length of the window whose minimum lifts the line. */
    static final long WINDOW_NANOS = 1_000_000_000L;
    /** Calls closer than this (and than a tenth of the previous block) are sub-blocks of one host cycle. */
    static final long SUB_BLOCK_NANOS = 500_000L;
    /** An observation this far off the line means the host skipped time, not jitter. */
    static final long GAP_NANOS = 20_000_000L;
    /** Windows whose minima must all lie above the line before it lifts. */
    static final int WINDOWS = 8;
    static final int WINDOW_BLOCKS = 64;
    static final double DEAD_BAND_NANOS = 100_000;

    private double nanosPerSample = 1e9 / 48000.0;
    private boolean locked;
    private long blocks;
    private double base;
    private long counter;
    /** Correction still to apply, spread over the next blocks at most SLEW_NANOS each. */
    private double pending;
    private double windowMin = Double.POSITIVE_INFINITY;
    /** Minima of the last windows, relative to the current line (shifted whenever the line moves). */
    private final double[] minima = new double[WINDOWS];
    private int windowsSeen;
    private long windowBlocks;
    private long ringBlocks;
    private final long[] blocksIn = new long[WINDOWS];
    private int lastFrames;
    private long gaps;
    private long subBlocks;
    private long observed;
    /** The previous call's observation. */
    private long lastCall;
    private long windowStartCounter;
    private long blockStart;

    /** The next block starts a new line (rate change, transport jump, processing restarted). */
    void restart(double sampleRate) {
        if (sampleRate > 0) {
            nanosPerSample = 1e9 / sampleRate;
        }
        locked = false;
        blocks = 0;
        pending = 0;
        windowMin = Double.POSITIVE_INFINITY;
        windowsSeen = 0;
        windowBlocks = 0;
        ringBlocks = 0;
        java.util.Arrays.fill(blocksIn, 0L);
    }

    /**
     * A block begins; {@code observedNanos} is this block's observed start. @return its smoothed start.
     */
    long begin(long observedNanos) {
        if (!locked) {
            locked = true;
            base = observedNanos;
            counter = 0;
            windowStartCounter = 0;
            blocks = 1;
            blockStart = observedNanos;
            lastCall = observedNanos;
            return blockStart;
        }
        double predicted = base + counter * nanosPerSample;
        double r = observedNanos - predicted;
        double gapLimit = Math.max(GAP_NANOS, 3.0 * lastFrames * nanosPerSample);
        long sinceCall = observedNanos - lastCall;
        lastCall = observedNanos;
        if (sinceCall < Math.min(SUB_BLOCK_NANOS, 0.1 * lastFrames * nanosPerSample)) {
            if (-r > gapLimit) {
                gaps++;
                locked = false;
                return begin(observedNanos);
            }
            subBlocks++;
            blockStart = (long) predicted;
            return blockStart;
        }
        observed++;
        if (Math.abs(r) > gapLimit) {
            gaps++;
            locked = false;
            return begin(observedNanos);
        }
        blocks++;
        if (blocks <= LOCK_BLOCKS) {
            if (r < 0) {
                base += r;
            }
        } else {
            if (r < 0 && r < pending) {
                pending = r;
            }
            windowMin = Math.min(windowMin, r);
            windowBlocks++;
            if (windowBlocks >= WINDOW_BLOCKS && (counter - windowStartCounter) * nanosPerSample >= WINDOW_NANOS) {
                int slot = windowsSeen % WINDOWS;
                ringBlocks += windowBlocks - blocksIn[slot];
                blocksIn[slot] = windowBlocks;
                minima[slot] = windowMin;
                windowsSeen++;
                if (windowsSeen >= WINDOWS && pending >= 0) {
                    double lowest = Double.POSITIVE_INFINITY;
                    for (double m : minima) {
                        lowest = Math.min(lowest, m);
                    }
                    double deadBand = Math.max(DEAD_BAND_NANOS, 8.0 * lastFrames * nanosPerSample / ringBlocks);
                    if (lowest > deadBand) {
                        pending = Math.max(pending, lowest);
                    }
                }
                windowMin = Double.POSITIVE_INFINITY;
                windowStartCounter = counter;
                windowBlocks = 0;
            }
            double step = Math.max(-SLEW_NANOS, Math.min(SLEW_NANOS, pending));
            base += step;
            pending -= step;
            windowMin -= step;
            for (int i = 0; i < WINDOWS; i++) {
                minima[i] -= step;
            }
        }
        blockStart = (long) (base + counter * nanosPerSample);
        return blockStart;
    }

    /** The block that began has {@code samples} frames. */
    void end(int samples) {
        counter += Math.max(0, samples);
        if (samples > 0) {
            lastFrames = samples;
        }
        if (counter > (1L << 40)) {
            // Keep the products exact in a double: fold the count into the base.
            base += counter * nanosPerSample;
            windowStartCounter -= counter;
            counter = 0;
        }
    }

    /** The time of frame {@code offset} of the current block. */
    long at(int offset) {
        return blockStart + (long) (offset * nanosPerSample);
    }

    /** Blocks whose call time corrected the line. Any thread (approximate). */
    long observed() {
        return observed;
    }

    /** Blocks that continued the line as sub-blocks of a host cycle. Any thread (approximate). */
    long subBlocks() {
        return subBlocks;
    }

    /** Restarts because the host skipped time. */
    long gaps() {
        return gaps;
    }
}
