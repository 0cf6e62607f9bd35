package haptic.jack;

import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackPort;
import org.jaudiolibs.jnajack.JackPortFlags;
import org.jaudiolibs.jnajack.JackPortType;
import org.jaudiolibs.jnajack.lowlevel.JackLibrary;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One JACK client: opened with JackNoStartServer (we never spawn jackd), ports, connections, the
 * real-time process callback and the shutdown/xrun notifications.
 *
 * <p>JNAJack does the setup work (ports, connections, port listing, shutdown notification, close). The
 * client itself is opened through our own mapping because JNAJack cannot pass a server name, and the
 * process callback is ours because JNAJack's allocates every cycle (see {@link JackPortBuffer}).
 *
 * <p>libjack keeps process-wide state: after a server dies, the next {@code jack_client_open} in the process
 * deletes every client still open on it, leaving dangling pointers. So every open and close goes through one
 * lock, and an open first closes the sessions whose server has gone.
 */
public final class JackSession implements AutoCloseable {
    private static final Object OPEN_LOCK = new Object();
    /** Written only under {@link #OPEN_LOCK}, by whichever thread opens or closes a session. */
    private static final Set<JackSession> OPEN = new HashSet<>();
    /** Written only under {@link #OPEN_LOCK} (by {@link #open}). */
    private static Constructor<JackClient> wrapper;

    private final String serverName;
    private final long client;
    private final JackClient jna;
    private final int bufferSizeAtOpen;
    /** Incremented only on JACK's xrun notification thread. */
    private final AtomicLong xruns = new AtomicLong();
    private final JackNative.XrunCallback xrunEntry = arg -> {
        xruns.incrementAndGet();
        return 0;
    };
    private final ProcessEntry processEntry = new ProcessEntry();
    /** Used only on JACK's process thread. */
    private final CycleTimes cycleTimes = new CycleTimes();
    /** Written by the thread that sets the session up ({@link #onShutdown}); read on JACK's notification thread. */
    private volatile Runnable shutdownListener;
    /** Written only on JACK's shutdown notification thread ({@link #serverGone}). */
    private volatile boolean serverLost;
    /** Written only under {@link #OPEN_LOCK}, by the closing thread. */
    private boolean closed;

    private JackSession(String serverName, long client, JackClient jna) throws JackException {
        this.serverName = serverName;
        this.client = client;
        this.jna = jna;
        this.bufferSizeAtOpen = jna.getBufferSize();
    }

    /**
     * Opens a client on the named server (null: $JACK_DEFAULT_SERVER, else "default"). Never starts a server.
     * Any thread except JACK's callback threads; opens and closes are serialized by one lock.
     *
     * @throws JackClientException with {@link JackClientException#serverUnreachable()} set if no server answered
     */
    public static JackSession open(String clientName, String server) {
        String resolved = resolveServer(server);
        synchronized (OPEN_LOCK) {
            JackMessages.install();
            closeSessionsOfLostServers();
            JackMessages.clear();
            IntByReference status = new IntByReference();
            Pointer p = server == null
                    ? JackNative.Opener.INSTANCE.jack_client_open(clientName, JackNative.OPTION_NO_START_SERVER, status)
                    : JackNative.Opener.INSTANCE.jack_client_open(clientName,
                            JackNative.OPTION_NO_START_SERVER | JackNative.OPTION_SERVER_NAME, status, server);
            if (p == null) {
                int s = status.getValue();
                if ((s & JackNative.STATUS_SERVER_FAILED) != 0) {
                    throw new JackClientException("no JACK server '" + resolved + "' is running", true);
                }
                // libjack's first complaint names the cause; what follows is cleanup noise.
                List<String> said = JackMessages.recent();
                throw new JackClientException(String.format("JACK server '%s' refused client '%s' "
                        + "(jack_client_open status 0x%x%s)", resolved, clientName, s,
                        said.isEmpty() ? "" : "; libjack: " + said.get(0).replaceAll("\\s+", " ").trim()), false);
            }
            long address = Pointer.nativeValue(p);
            JackSession session;
            try {
                String actualName = JackNative.jack_get_client_name(address);
                session = new JackSession(resolved, address, wrap(actualName, address));
            } catch (ReflectiveOperationException | JackException | RuntimeException e) {
                JackNative.jack_client_close(address);
                throw new JackClientException("cannot set up a JACK client on '" + resolved + "': " + e, e);
            }
            OPEN.add(session);
            try {
                session.installNotifications();
            } catch (RuntimeException e) {
                session.closeLocked();
                throw e;
            }
            return session;
        }
    }

    /** The server a null name means: $JACK_DEFAULT_SERVER, else "default" (what libjack itself does). Any thread. */
    public static String resolveServer(String server) {
        if (server != null) {
            return server;
        }
        String env = System.getenv("JACK_DEFAULT_SERVER");
        return env == null || env.isEmpty() ? "default" : env;
    }

    /** Hands our client pointer to JNAJack, whose public API can only open clients on the default server. */
    private static JackClient wrap(String name, long address) throws ReflectiveOperationException, JackException {
        if (wrapper == null) {
            Constructor<JackClient> c = JackClient.class.getDeclaredConstructor(
                    String.class, Jack.class, JackLibrary._jack_client.class);
            c.setAccessible(true);
            wrapper = c;
        }
        return wrapper.newInstance(name, Jack.getInstance(), new JackLibrary._jack_client(new Pointer(address)));
    }

    private void installNotifications() {
        try {
            jna.onShutdown(c -> serverGone());
        } catch (JackException e) {
            throw new JackClientException("cannot watch for JACK shutdown: " + e.getMessage(), e);
        }
        Native.setCallbackThreadInitializer(xrunEntry,
                new CallbackThreadInitializer(true, true, "haptic-jack-notify"));
        JackNative.jack_set_xrun_callback(client, xrunEntry, 0);
    }

    private static void closeSessionsOfLostServers() {
        for (JackSession s : new ArrayList<>(OPEN)) {
            if (s.serverLost) {
                s.closeLocked();
            }
        }
    }

    /** Called on a JACK thread; keep it short. */
    private void serverGone() {
        serverLost = true;
        Runnable r = shutdownListener;
        if (r != null) {
            r.run();
        }
    }

    /** Any thread (fixed at open). */
    public String serverName() {
        return serverName;
    }

    /** The client name JACK gave us (it may append a suffix to make it unique). Any thread. */
    public String clientName() {
        return jna.getName();
    }

    /** Any thread except JACK's callback threads. */
    public float sampleRate() {
        try {
            return jna.getSampleRate();
        } catch (JackException e) {
            throw new JackClientException("cannot read the JACK sample rate", e);
        }
    }

    /**
     * The current period size; JACK never passes more frames than this to the process callback. Any thread
     * except JACK's callback threads.
     */
    public int bufferSize() {
        try {
            return jna.getBufferSize();
        } catch (JackException e) {
            throw new JackClientException("cannot read the JACK buffer size", e);
        }
    }

    /** Called on the thread that set the session up, before {@link #activate()}. */
    public JackPortBuffer registerOutput(String shortName) {
        return register(shortName, JackPortFlags.JackPortIsOutput);
    }

    /** Called on the thread that set the session up, before {@link #activate()}. */
    public JackPortBuffer registerInput(String shortName) {
        return register(shortName, JackPortFlags.JackPortIsInput);
    }

    private JackPortBuffer register(String shortName, JackPortFlags direction) {
        JackPort port;
        try {
            port = jna.registerPort(shortName, JackPortType.AUDIO, direction);
        } catch (JackException e) {
            throw new JackClientException("cannot register JACK port '" + shortName + "' (name too long, "
                    + "duplicate or invalid?)", e);
        }
        String fullName = port.getName();
        long address = JackNative.jack_port_by_name(client, fullName);
        if (address == 0) {
            throw new JackClientException("registered port " + fullName + " cannot be found again", false);
        }
        return new JackPortBuffer(address, fullName, bufferSizeAtOpen);
    }

    /**
     * Installs the real-time work. Must be called before {@link #activate()}. The JACK thread is attached to
     * the JVM once, as a daemon named {@code threadName}, and stays attached: detaching after each cycle
     * would create a new {@code Thread} object every period. Called on the thread that set the session up.
     */
    public void onProcess(JackCycle cycle, String threadName) {
        processEntry.cycle = cycle;
        Native.setCallbackThreadInitializer(processEntry, new CallbackThreadInitializer(true, false, threadName));
        int rc = JackNative.jack_set_process_callback(client, processEntry, 0);
        if (rc != 0) {
            throw new JackClientException("jack_set_process_callback failed (" + rc + ")", false);
        }
    }

    /**
     * Runs on a JACK thread when the server goes away; it must only set flags or wake a thread. Called on the
     * thread that set the session up.
     */
    public void onShutdown(Runnable listener) {
        shutdownListener = listener;
    }

    /** Called on the thread that set the session up. */
    public void activate() {
        try {
            jna.activate();
        } catch (JackException e) {
            throw new JackClientException("cannot activate JACK client " + clientName(), e);
        }
    }

    /** Called on the thread that set the session up, after {@link #activate()}. */
    public void connect(String source, String destination) {
        try {
            Jack.getInstance().connect(jna, source, destination);
        } catch (JackException e) {
            throw new JackClientException("cannot connect " + source + " -> " + destination, e);
        }
    }

    /** Every port in the graph with its direction and type. Any thread except JACK's callback threads. */
    public List<JackPortInfo> ports() {
        String[] names;
        try {
            names = Jack.getInstance().getPorts(jna, null, null, null);
        } catch (JackException e) {
            throw new JackClientException("cannot list JACK ports", e);
        }
        List<JackPortInfo> out = new ArrayList<>(names.length);
        for (String name : names) {
            long port = JackNative.jack_port_by_name(client, name);
            if (port == 0) {
                continue;
            }
            int flags = JackNative.jack_port_flags(port);
            out.add(new JackPortInfo(name, (flags & JackNative.PORT_IS_INPUT) != 0, JackNative.jack_port_type(port),
                    (flags & JackNative.PORT_IS_PHYSICAL) != 0));
        }
        return out;
    }

    /**
     * Full names of the ports connected to {@code portName} (any client's port). Any thread except JACK's
     * callback threads.
     */
    public List<String> connections(String portName) {
        try {
            return List.of(Jack.getInstance().getAllConnections(jna, portName));
        } catch (JackException e) {
            throw new JackClientException("cannot read the connections of " + portName, e);
        }
    }

    /**
     * Real-time safe: JACK's frame time at the start of the current (or last) cycle, as an unsigned 32-bit count.
     * Any thread, JACK's process thread included.
     */
    public long lastFrameTime() {
        return JackNative.jack_last_frame_time(client) & 0xffffffffL;
    }

    /**
     * Real-time safe: when the current cycle started, SharedClock nanoseconds (JACK's filtered estimate), or 0 if
     * JACK cannot tell. Called on JACK's process thread.
     */
    public long cycleStartNanos() {
        return cycleTimes.currentStartNanos(client);
    }

    /** JACK's estimate of the current frame time (unsigned 32-bit). Any thread. */
    public long frameTime() {
        return JackNative.jack_frame_time(client) & 0xffffffffL;
    }

    /** Converts a {@link System#nanoTime()} instant to JACK frame time (unsigned 32-bit). Any thread. */
    public long frameTimeAtNanoTime(long nanoTime) {
        long jackMicros = JackNative.jack_get_time();
        long ageMicros = (System.nanoTime() - nanoTime) / 1000;
        return JackNative.jack_time_to_frames(client, jackMicros - ageMicros) & 0xffffffffL;
    }

    /** Any thread, the audio thread included (an atomic read, no allocation). */
    public long xruns() {
        return xruns.get();
    }

    /** Process cycles run so far. Any thread. */
    public long cycles() {
        return processEntry.cycles;
    }

    /** Any thread. */
    public boolean serverLost() {
        return serverLost;
    }

    /** Number of cycles whose work threw; the last such throwable is {@link #cycleFailure()}. Any thread. */
    public long cycleFailures() {
        return processEntry.failures;
    }

    /** Any thread. */
    public Throwable cycleFailure() {
        return processEntry.failure;
    }

    /**
     * The native jack_client_t*, for real-time code in this package that calls {@link JackNative} directly.
     * Any thread (fixed at open).
     */
    long clientAddress() {
        return client;
    }

    /** JNAJack's view of this client, for measuring its stock process path against ours. Any thread. */
    JackClient jnaJackClient() {
        return jna;
    }

    /**
     * Closes the client; when this returns JACK's process thread has stopped. Idempotent; any thread except
     * JACK's own callback threads.
     */
    @Override
    public void close() {
        synchronized (OPEN_LOCK) {
            closeLocked();
        }
    }

    private void closeLocked() {
        if (closed) {
            return;
        }
        closed = true;
        stopProcessThread();
        jna.close();
        OPEN.remove(this);
    }

    /**
     * jack_client_close stops the process thread with an asynchronous pthread_cancel, and the server only
     * waits for its graph to switch, not for our callback to return — a thread cancelled inside the JVM leaves
     * a dead JavaThread behind and the next stack walk crashes the VM (seen in testing). So first ask the
     * thread to leave by itself: the callback returns non-zero, libjack deactivates the client and ends the
     * thread with pthread_exit, and JNA detaches it from the JVM on the way out.
     *
     * <p>Only when no more cycles come (the server died, the thread waits in libjack where cancelling is
     * harmless) is the thread left to jack_client_close; then we just make sure it is not mid-cycle.
     */
    private void stopProcessThread() {
        processEntry.stopRequested = true;
        Thread t = processEntry.thread;
        if (t == null) {
            return;
        }
        if (!serverLost && joined(t, TimeUnit.SECONDS.toMillis(2))) {
            // The client is now inactive, which is when libjack accepts callback changes: no more xrun calls
            // into Java on the notification thread that jack_client_close is about to cancel.
            JackNative.jack_set_xrun_callback(client, null, 0);
            PosixThreads.detach(JackNative.jack_client_thread_id(client));
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        while (processEntry.inCycle && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        sleepQuietly(50);
    }

    private static boolean joined(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The function JACK calls every period. A class of its own because it runs on the real-time thread and
     * must hold no string constants (see {@link JackNative}); its fields are the cycle's only shared state.
     */
    private static final class ProcessEntry implements JackNative.ProcessCallback {
        /** Written by the thread that sets the session up ({@link JackSession#onProcess}). */
        private volatile JackCycle cycle;
        /** Written by the closing thread, under {@code OPEN_LOCK}. */
        private volatile boolean stopRequested;
        /** The remaining fields are written only on JACK's process thread. */
        private volatile Thread thread;
        private volatile boolean inCycle;
        private volatile long cycles;
        private volatile long failures;
        private volatile Throwable failure;

        /** Called on JACK's process thread, once per period. */
        @Override
        public int invoke(int nframes, long arg) {
            if (stopRequested) {
                // Non-zero: libjack deactivates the client and ends this thread itself (see stopProcessThread).
                return 1;
            }
            inCycle = true;
            if (thread == null) {
                thread = Thread.currentThread();
            }
            try {
                cycle.run(nframes);
            } catch (Throwable t) {
                failure = t;
                failures = failures + 1;
            }
            cycles = cycles + 1;
            inCycle = false;
            return 0;
        }
    }
}
