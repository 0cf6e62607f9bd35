package haptic.jack;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * jack_get_cycle_times for the process thread, without garbage: the four out-parameters live in one native
 * block allocated with the session and are passed by address. The times are JACK's delay-locked-loop
 * estimates of when the current cycle started, so they are smooth even when the process thread wakes up
 * late. They are on libjack's clock, which in jackd2 on Linux is CLOCK_MONOTONIC_RAW, not the
 * CLOCK_MONOTONIC everything else stamps with (the two differ by the NTP slewing since boot: 252 ms on one
 * machine here) — so each cycle also reads both clocks back to back and maps JACK's time onto ours through
 * their low-passed difference.
 *
 * <p>Holds no string constants (it runs on the real-time thread; see {@link JackNative}).
 */
final class CycleTimes {
    private static final int FRAMES = 0;
    private static final int CURRENT_USECS = 8;
    private static final int NEXT_USECS = 16;
    private static final int PERIOD_USECS = 24;

    /** The low-pass weight of each new clock-difference reading (about a second to settle at 64 frames). */
    private static final double OFFSET_GAIN = 1.0 / 64;

    private final Memory block = new Memory(32);
    private final long address = Pointer.nativeValue(block);
    /** nanoTime minus libjack's time, low-passed; NaN until the first reading. */
    private double offsetNanos = Double.NaN;

    /**
     * The current cycle's start in nanoseconds on the shared clock, or 0 if JACK could not say (the caller then
     * uses its own reading). Called on JACK's process thread.
     */
    long currentStartNanos(long client) {
        if (JackNative.jack_get_cycle_times(client, address + FRAMES, address + CURRENT_USECS, address + NEXT_USECS,
                address + PERIOD_USECS) != 0) {
            return 0;
        }
        long shared = System.nanoTime();
        long jack = JackNative.jack_get_time() * 1000L;
        double measured = shared - jack;
        offsetNanos = Double.isNaN(offsetNanos) ? measured : offsetNanos + (measured - offsetNanos) * OFFSET_GAIN;
        return block.getLong(CURRENT_USECS) * 1000L + (long) offsetNanos;
    }
}
