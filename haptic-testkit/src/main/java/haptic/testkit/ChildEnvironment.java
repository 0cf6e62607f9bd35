package haptic.testkit;

import java.util.Map;

/** The environment of a child process a test starts: entries to set, and null values for entries to remove. */
public final class ChildEnvironment {
    private ChildEnvironment() {
    }

    /** Sets every entry with a value and removes every entry mapped to null (e.g. DISPLAY for a no-display test). */
    public static ProcessBuilder apply(ProcessBuilder pb, Map<String, String> env) {
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        return pb;
    }
}
