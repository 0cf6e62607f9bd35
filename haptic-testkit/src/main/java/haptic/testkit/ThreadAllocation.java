package haptic.testkit;

import java.lang.management.ManagementFactory;

/** Bytes allocated by another thread, read from the test thread. */
public final class ThreadAllocation {
    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private ThreadAllocation() {
    }

    public static long bytes(long threadId) {
        long b = MX.getThreadAllocatedBytes(threadId);
        if (b < 0) {
            throw new IllegalStateException("thread " + threadId + " is gone or allocation accounting is off");
        }
        return b;
    }
}
