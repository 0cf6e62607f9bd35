package haptic.jack;

import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Takes over libjack's error and info output. By default libjack prints to stderr, which would repeat
 * "cannot connect to server socket" every few hundred milliseconds while we wait for a lost server;
 * instead the recent errors are kept so our own messages can quote them once.
 */
final class JackMessages {
    private static final int KEPT = 8;
    private static final JackNative.MessageCallback ERRORS = JackMessages::error;
    private static final JackNative.MessageCallback INFO = message -> { };
    /** Written under its own lock by libjack's reporting thread ({@link #error}) and the opening thread. */
    private static final Deque<String> RECENT = new ArrayDeque<>();
    /** Written only under the class lock, by the thread opening a session. */
    private static boolean installed;

    private JackMessages() {
    }

    /** Called on the thread opening a session (under JackSession's open lock). */
    static synchronized void install() {
        if (installed) {
            return;
        }
        CallbackThreadInitializer init = new CallbackThreadInitializer(true, true, "haptic-jack-messages");
        Native.setCallbackThreadInitializer(ERRORS, init);
        Native.setCallbackThreadInitializer(INFO, init);
        JackNative.jack_set_error_function(ERRORS);
        JackNative.jack_set_info_function(INFO);
        installed = true;
    }

    /** Forgets earlier errors, so that {@link #recent()} describes what happens next. Called on the opening thread. */
    static void clear() {
        synchronized (RECENT) {
            RECENT.clear();
        }
    }

    /**
     * libjack's errors since the last {@link #clear()}, oldest first (at most the last few). Called on the
     * opening thread.
     */
    static List<String> recent() {
        synchronized (RECENT) {
            return new ArrayList<>(RECENT);
        }
    }

    /** Runs on whatever thread libjack reports from; only reached on error paths. */
    private static void error(Pointer message) {
        if (message == null) {
            return;
        }
        String text = message.getString(0);
        synchronized (RECENT) {
            if (RECENT.size() == KEPT) {
                RECENT.removeFirst();
            }
            RECENT.addLast(text);
        }
    }
}
