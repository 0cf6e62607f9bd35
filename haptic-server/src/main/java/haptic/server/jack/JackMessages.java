package haptic.server.jack;

import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Takes over libjack's error and info output. By default libjack prints to stderr, which would repeat
 * "cannot connect to server socket" every few hundred milliseconds while we wait for a lost server;
 * instead the last error is kept so our own messages can quote it once.
 */
final class JackMessages {
    private static final JackNative.MessageCallback ERRORS = JackMessages::error;
    private static final JackNative.MessageCallback INFO = message -> { };
    private static volatile String lastError = "";
    private static boolean installed;

    private JackMessages() {
    }

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

    /** The most recent libjack error message, or "" if none. */
    static String lastError() {
        return lastError;
    }

    private static void error(Pointer message) {
        lastError = message == null ? "" : message.getString(0);
    }
}
