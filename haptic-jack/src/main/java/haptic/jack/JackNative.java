package haptic.jack;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * Our own JNA direct mapping of the libjack functions that run every cycle or that JNAJack cannot express.
 *
 * <p>Pointers are declared as {@code long} on purpose: a direct-mapped {@code Pointer} return or callback
 * parameter makes JNA allocate a new {@code Pointer} object per call, which on the process thread means
 * garbage every cycle (measured: 24 B per cycle for a non-null {@code void *arg} declared as Pointer).
 *
 * <p>This class runs on JACK's process thread, so it holds no string literals: when C2 compiles a method it
 * first interns every unresolved string constant of the method's class, allocating on the thread that
 * triggered the compilation. The library name and checks live in {@link LibJack}.
 */
final class JackNative {
    static final int OPTION_NO_START_SERVER = 0x01;
    static final int OPTION_SERVER_NAME = 0x04;

    /** jack_status_t bit set when no server could be reached. */
    static final int STATUS_SERVER_FAILED = 0x10;

    static final int PORT_IS_INPUT = 0x1;
    static final int PORT_IS_OUTPUT = 0x2;
    static final int PORT_IS_PHYSICAL = 0x4;

    static {
        Native.register(JackNative.class, LibJack.load());
    }

    private JackNative() {
    }

    /** {@code int (*JackProcessCallback)(jack_nframes_t nframes, void *arg)}. */
    public interface ProcessCallback extends Callback {
        /** Called on JACK's process thread. */
        int invoke(int nframes, long arg);
    }

    /** {@code int (*JackXRunCallback)(void *arg)}. */
    public interface XrunCallback extends Callback {
        /** Called on JACK's notification thread. */
        int invoke(long arg);
    }

    /** {@code void (*)(const char *msg)}, for libjack's error and info functions. */
    public interface MessageCallback extends Callback {
        /** Called on whatever thread libjack reports from. */
        void invoke(Pointer message);
    }

    /**
     * {@code jack_client_open} is variadic (the server name travels in the varargs), which direct mapping
     * cannot call, so it alone goes through an interface mapping. Setup time only.
     */
    interface Opener extends Library {
        Opener INSTANCE = Native.load(LibJack.NAME, Opener.class);

        /** Called on the thread opening a session, under JackSession's open lock. */
        Pointer jack_client_open(String clientName, int options, IntByReference status, Object... args);
    }

    /** Setup and close only: any thread except JACK's callback threads. */
    static native int jack_set_process_callback(long client, ProcessCallback callback, long arg);

    /** Setup and close only: any thread except JACK's callback threads. */
    static native int jack_set_xrun_callback(long client, XrunCallback callback, long arg);

    /** Setup and close only: any thread except JACK's callback threads. */
    static native int jack_client_close(long client);

    /** The process thread's pthread_t (jack_native_thread_t on Linux). Called on the closing thread. */
    static native long jack_client_thread_id(long client);

    /** Setup and close only: any thread except JACK's callback threads. */
    static native String jack_get_client_name(long client);

    /** Called on JACK's process thread. */
    static native long jack_port_get_buffer(long port, int nframes);

    /** Setup and close only: any thread except JACK's callback threads. */
    static native long jack_port_by_name(long client, String portName);

    /** Setup and close only: any thread except JACK's callback threads. */
    static native int jack_port_flags(long port);

    /** Setup and close only: any thread except JACK's callback threads. */
    static native String jack_port_type(long port);

    /** Any thread. */
    static native int jack_frame_time(long client);

    /** Any thread, JACK's process thread included. */
    static native int jack_last_frame_time(long client);

    /** Any thread. */
    static native int jack_time_to_frames(long client, long usecs);

    /** Any thread. */
    static native long jack_get_time();

    /**
     * {@code int jack_get_cycle_times(client, jack_nframes_t *current_frames, jack_time_t *current_usecs,
     * jack_time_t *next_usecs, float *period_usecs)}, the out-parameters as native addresses. JACK's process thread.
     */
    static native int jack_get_cycle_times(long client, long currentFrames, long currentUsecs, long nextUsecs,
                                           long periodUsecs);

    /** Setup and close only: any thread except JACK's callback threads. */
    static native void jack_set_error_function(MessageCallback callback);

    /** Setup and close only: any thread except JACK's callback threads. */
    static native void jack_set_info_function(MessageCallback callback);
}
