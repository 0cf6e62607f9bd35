package haptic.jack;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * pthread_detach for the JACK process thread after it ended itself: libjack created it joinable and only
 * joins it when it cancels it, so a thread that left by pthread_exit would keep its stack until the process
 * exits. Detaching a thread that has terminated releases it.
 */
final class PosixThreads {
    static {
        Native.register(PosixThreads.class, NativeLibrary.getInstance("c"));
    }

    private PosixThreads() {
    }

    /** Called on the thread closing a session, once JACK's process thread has ended. */
    static void detach(long pthread) {
        if (pthread != 0) {
            pthread_detach(pthread);
        }
    }

    private static native int pthread_detach(long thread);
}
