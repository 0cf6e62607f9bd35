package haptic.testkit;

import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Polling with a generous timeout: a condition that never holds fails the test, slowness alone does not. */
public final class Await {
    /** Long enough for a loaded 2-core CI machine to start a JVM child or a jackd; short enough to fail a hang. */
    private static final long DEFAULT_TIMEOUT_MILLIS = 20_000;

    private Await() {
    }

    public static void until(BooleanSupplier condition, String what) {
        until(condition, DEFAULT_TIMEOUT_MILLIS, what);
    }

    public static void until(BooleanSupplier condition, long timeoutMillis, String what) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeoutMillis + " ms waiting for " + what);
            }
            sleep(5);
        }
    }

    /** Live threads with this name, e.g. JACK threads still attached to the JVM. */
    public static long liveThreads(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive())
                .count();
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
