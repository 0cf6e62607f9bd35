package haptic.protocol;

/**
 * A message that carries the time it should take effect: a {@link SharedClock} reading, or
 * {@link Protocol#UNTIMED} for as soon as possible.
 */
public interface Timed {
    long time();

    /** The time {@code msg} carries, {@link Protocol#UNTIMED} for a message that carries none. */
    static long of(Object msg) {
        return msg instanceof Timed t ? t.time() : Protocol.UNTIMED;
    }
}
