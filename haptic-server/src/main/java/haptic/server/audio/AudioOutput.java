package haptic.server.audio;

import haptic.jack.JackClientException;
import haptic.jack.JackSession;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Chooses the audio backend and keeps the engine running through JACK outages.
 *
 * <p>Exactly one sink calls the engine at a time: every switch stops (and joins) the old sink before the new
 * one's first period, and {@link AudioCallback#prepare} runs before each sink's first process(). If the JACK
 * server goes away, a headless pacer takes over at the same rate and period (silent, but commands keep being
 * applied) and a supervisor thread retries JACK until it returns.
 */
public final class AudioOutput implements AutoCloseable {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

    private final AudioOptions options;
    private final AudioCallback callback;
    private final Consumer<String> log;
    private final String[] portNames;
    private final String server;
    private final Object lock = new Object();
    private final AtomicBoolean closing = new AtomicBoolean();
    /** This and the next four fields are written only under {@code lock} (starting thread, supervisor, close()). */
    private volatile AudioSink sink;
    private volatile String backendName;
    private volatile float sampleRate;
    private volatile int periodFrames;
    private volatile long retiredXruns;
    /** Written once by the starting thread, before the supervisor starts. */
    private volatile Thread supervisor;
    /** Written only by the closing thread. */
    private volatile boolean closed;
    private boolean waitingForJack;
    private AudioSink faultsReportedFor;
    private long faultsReported;
    private String lastReconnectProblem;

    private AudioOutput(AudioOptions options, AudioCallback callback, Consumer<String> log) {
        this.options = options;
        this.callback = callback;
        this.log = log;
        this.portNames = options.resolvedPortNames();
        this.server = JackSession.resolveServer(options.jackServer);
    }

    /**
     * Starts the backend chosen by {@code o.backend}; logs one line saying which and why. Called on the thread
     * starting the server.
     */
    public static AudioOutput start(AudioOptions o, AudioCallback cb, Consumer<String> log) throws AudioException {
        AudioOutput a = new AudioOutput(o, cb, log);
        a.begin();
        Thread t = new Thread(a::supervise, "haptic-audio-supervisor");
        t.setDaemon(true);
        a.supervisor = t;
        t.start();
        return a;
    }

    private void begin() throws AudioException {
        if (portNames.length == 0) {
            throw new AudioException("no output ports configured");
        }
        synchronized (lock) {
            switch (options.backend) {
                case HEADLESS:
                    startHeadless(options.headlessRate, options.headlessPeriod, "headless");
                    log.accept(String.format("audio: headless paced sink at %.0f Hz / %d frames, output discarded "
                            + "(--backend headless: JACK not used)", sampleRate, periodFrames));
                    break;
                case JACK:
                    try {
                        JackSink j = startJack(true);
                        log.accept("audio: " + j.describe() + " (--backend jack)");
                    } catch (JackClientException e) {
                        throw new AudioException("--backend jack: " + e.getMessage()
                                + ". Start jackd first, or use --backend auto or headless.", e);
                    }
                    break;
                case AUTO:
                    try {
                        JackSink j = startJack(true);
                        log.accept("audio: " + j.describe() + " (--backend auto: a JACK server is running)");
                    } catch (JackClientException e) {
                        if (!e.serverUnreachable()) {
                            throw new AudioException("--backend auto: a JACK server answers but " + e.getMessage(), e);
                        }
                        startHeadless(options.headlessRate, options.headlessPeriod, "headless");
                        log.accept(String.format("audio: headless paced sink at %.0f Hz / %d frames, output discarded "
                                + "(--backend auto: %s)", sampleRate, periodFrames, e.getMessage()));
                    }
                    break;
                default:
                    throw new AudioException("unknown audio backend " + options.backend);
            }
        }
    }

    private JackSink startJack(boolean strict) throws AudioException {
        JackSink j = JackSink.open(options, portNames, callback, this::wakeSupervisor, strict);
        try {
            j.start(strict, log);
        } catch (AudioException | RuntimeException e) {
            j.stop();
            throw e;
        }
        use(j, "jack");
        return j;
    }

    private void startHeadless(float rate, int period, String name) throws AudioException {
        HeadlessPacer p;
        try {
            p = HeadlessPacer.start(callback, rate, period, portNames.length);
        } catch (IllegalArgumentException e) {
            throw new AudioException(e.getMessage(), e);
        }
        use(p, name);
    }

    private void use(AudioSink s, String name) {
        sampleRate = s.sampleRate();
        periodFrames = s.periodFrames();
        backendName = name;
        sink = s;
    }

    private void retire(AudioSink s) {
        s.stop();
        long x = s.xruns();
        if (sink == s) {
            sink = null;
        }
        retiredXruns += x;
    }

    /** Runs on a JACK notification thread: only wake the supervisor. */
    private void wakeSupervisor() {
        Thread t = supervisor;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void supervise() {
        while (!closed) {
            LockSupport.parkNanos(this, waitingForJack ? RETRY_NANOS : POLL_NANOS);
            synchronized (lock) {
                if (closed) {
                    return;
                }
                try {
                    superviseOnce();
                } catch (RuntimeException e) {
                    log.accept("audio: supervisor error (continuing): " + e);
                }
            }
        }
    }

    private void superviseOnce() {
        reportFaults();
        AudioSink s = sink;
        if (s instanceof JackSink) {
            JackSink j = (JackSink) s;
            if (j.serverGone()) {
                fallBack(j, "the JACK server '" + server + "' went away");
            } else if (j.changedPeriod() != 0) {
                fallBack(j, "JACK's period changed from " + j.periodFrames() + " to " + j.changedPeriod() + " frames");
                reconnect();
            }
        } else if (waitingForJack) {
            reconnect();
        }
    }

    private void fallBack(JackSink j, String why) {
        float rate = j.sampleRate();
        int period = j.periodFrames();
        retire(j);
        try {
            startHeadless(rate, period, "headless (waiting for JACK)");
        } catch (AudioException e) {
            throw new IllegalStateException("JACK's own rate and period were rejected", e);
        }
        waitingForJack = true;
        log.accept(String.format("audio: %s; the headless pacer keeps the engine running at %.0f Hz / %d frames "
                + "(output silent) while JACK is retried every %d ms", why, rate, period,
                TimeUnit.NANOSECONDS.toMillis(RETRY_NANOS)));
    }

    private void reconnect() {
        JackSink j;
        try {
            j = JackSink.open(options, portNames, callback, this::wakeSupervisor, false);
        } catch (JackClientException e) {
            if (!e.serverUnreachable()) {
                reportReconnectProblem(e.getMessage());
            }
            return;
        } catch (AudioException e) {
            reportReconnectProblem(e.getMessage());
            return;
        }
        AudioSink pacer = sink;
        if (pacer != null) {
            retire(pacer);
        }
        try {
            j.start(false, log);
        } catch (AudioException | RuntimeException e) {
            j.stop();
            log.accept("audio: JACK came back but could not be started: " + e.getMessage());
            try {
                startHeadless(sampleRate, periodFrames, "headless (waiting for JACK)");
            } catch (AudioException again) {
                throw new IllegalStateException("the previous rate and period were rejected", again);
            }
            return;
        }
        use(j, "jack");
        waitingForJack = false;
        lastReconnectProblem = null;
        log.accept("audio: JACK is back: " + j.describe()
                + (options.resolvedConnect().isEmpty() ? "" : ", --connect re-applied"));
    }

    /** Retries run every few hundred milliseconds; say what blocks them once, not on every attempt. */
    private void reportReconnectProblem(String problem) {
        if (!problem.equals(lastReconnectProblem)) {
            lastReconnectProblem = problem;
            log.accept("audio: JACK answers but cannot be used yet (still retrying): " + problem);
        }
    }

    private void reportFaults() {
        AudioSink s = sink;
        if (s == null) {
            return;
        }
        if (s != faultsReportedFor) {
            faultsReportedFor = s;
            faultsReported = 0;
        }
        long n = s.faults().count();
        if (n > faultsReported) {
            faultsReported = n;
            log.accept("audio: the engine's process() threw " + s.faults().last() + " (" + n
                    + " periods output as silence on this backend so far)");
        }
    }

    /** "jack", "headless" or "headless (waiting for JACK)". Any thread (the IPC thread reports it). */
    public String backendName() {
        return backendName;
    }

    /** Any thread. */
    public float sampleRate() {
        return sampleRate;
    }

    /** Any thread. */
    public int periodFrames() {
        return periodFrames;
    }

    /**
     * Full JACK names of the 32 outputs while JACK is the backend (JACK renames a client whose name is taken),
     * empty while headless. Any thread.
     */
    public List<String> jackOutputPorts() {
        AudioSink s = sink;
        return s instanceof JackSink ? ((JackSink) s).outputPortNames() : List.of();
    }

    /** Total over the run, across every backend used. Any thread, the audio thread included (volatile reads only). */
    public long xruns() {
        AudioSink s = sink;
        return retiredXruns + (s == null ? 0 : s.xruns());
    }

    /**
     * Stops the supervisor and the current backend (closing the JACK client). Idempotent and callable from any
     * thread except the audio callback itself.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closed = true;
        Thread t = supervisor;
        if (t != null && t != Thread.currentThread()) {
            LockSupport.unpark(t);
            joinUninterruptibly(t);
        }
        synchronized (lock) {
            AudioSink s = sink;
            if (s != null) {
                retire(s);
            }
        }
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
