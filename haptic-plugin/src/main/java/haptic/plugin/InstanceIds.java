package haptic.plugin;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names controller instances for the server: unique among the instances of this process (one JVM hosts
 * them all) and among processes. Not saved with the state, so a duplicated track gets its own identity.
 */
final class InstanceIds {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private InstanceIds() {
    }

    static String next() {
        return "vst3-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    }
}
