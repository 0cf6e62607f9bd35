package haptic.protocol;

/**
 * The one clock that every process on the machine stamps event times with: CLOCK_MONOTONIC, in
 * nanoseconds. On Linux, HotSpot's {@link System#nanoTime()} reads exactly that clock (os::javaTimeNanos
 * calls clock_gettime(CLOCK_MONOTONIC)), as do the C test hosts; readings from two processes are therefore
 * directly comparable. JACK is the exception: jackd2 keeps its cycle times on CLOCK_MONOTONIC_RAW, so the
 * server's JACK backend maps them onto this clock (haptic.jack.CycleTimes; haptic-server's
 * SharedClockOnJackTest checks the mapped cycle times against nanoTime on every build).
 */
public final class SharedClock {
    private SharedClock() {
    }

    /** Now, on the shared clock. Any thread; never allocates. Never returns {@link Protocol#UNTIMED}. */
    public static long now() {
        long t = System.nanoTime();
        return t == Protocol.UNTIMED ? 1L : t;
    }
}
