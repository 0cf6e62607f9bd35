package haptic.server.audio;

import haptic.jack.JackClientException;
import haptic.jack.JackCycle;
import haptic.jack.JackPortBuffer;
import haptic.jack.JackPortInfo;
import haptic.jack.JackSession;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The engine playing into JACK: one output port per transducer, filled from the callback's buffers on JACK's
 * process thread. Opening and starting are separate so that a replacement can be fully set up while the
 * previous sink still runs, leaving only stop-old/start-new as the hand-over.
 */
final class JackSink implements AudioSink {
    private final JackSession session;
    private final AudioCallback callback;
    private final List<String> connect;
    private final JackPortBuffer[] ports;
    private final int maxFrames;
    private final float sampleRate;
    private final Playback playback;

    private JackSink(JackSession session, AudioCallback callback, List<String> connect, String[] portNames) {
        this.session = session;
        this.callback = callback;
        this.connect = connect;
        this.sampleRate = session.sampleRate();
        this.maxFrames = session.bufferSize();
        this.ports = new JackPortBuffer[portNames.length];
        for (int i = 0; i < portNames.length; i++) {
            ports[i] = session.registerOutput(portNames[i]);
        }
        this.playback = new Playback(session, callback, ports, maxFrames);
    }

    /**
     * Opens a client and registers the ports, without activating. Called on the starting thread or the audio
     * supervisor.
     *
     * @param strict  whether a missing --connect destination is an error (first start) or only logged (reconnect)
     * @throws JackClientException if no JACK server answers
     * @throws AudioException      if JACK answers but this configuration cannot work on it
     */
    static JackSink open(AudioOptions o, String[] portNames, AudioCallback callback, Runnable onServerGone,
                         boolean strict) throws AudioException {
        JackSession session = JackSession.open(o.resolvedClientName(), o.jackServer);
        List<String> connect = o.resolvedConnect();
        try {
            if (strict) {
                checkConnectTargets(connect, portNames.length, session.ports());
            }
            JackSink sink = new JackSink(session, callback, connect, portNames);
            session.onShutdown(onServerGone);
            session.onProcess(sink.playback, "haptic-jack-process");
            return sink;
        } catch (JackClientException e) {
            session.close();
            throw new AudioException(e.getMessage(), e);
        } catch (AudioException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Any thread (a pure check). */
    static void checkConnectTargets(List<String> connect, int outputs, List<JackPortInfo> existing)
            throws AudioException {
        if (connect.size() > outputs) {
            throw new AudioException("--connect names " + connect.size() + " ports but there are only " + outputs
                    + " outputs");
        }
        List<String> missing = new ArrayList<>();
        for (String name : connect) {
            if (existing.stream().noneMatch(p -> p.name().equals(name))) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            List<String> inputs = new ArrayList<>();
            for (JackPortInfo p : existing) {
                if (p.input()) {
                    inputs.add(p.name());
                }
            }
            throw new AudioException("--connect: no JACK port named " + String.join(", ", missing)
                    + ". Existing input ports: " + (inputs.isEmpty() ? "(none)" : String.join(", ", inputs)));
        }
    }

    /**
     * Prepares the engine, activates and applies --connect. Strict: a connection failure is an AudioException;
     * otherwise it is logged and that output stays unconnected. Called on the starting thread or the audio supervisor.
     */
    void start(boolean strict, Consumer<String> log) throws AudioException {
        callback.prepare(sampleRate, maxFrames);
        playback.started = true;
        try {
            session.activate();
        } catch (JackClientException e) {
            throw new AudioException(e.getMessage(), e);
        }
        for (int i = 0; i < connect.size(); i++) {
            try {
                session.connect(ports[i].name(), connect.get(i));
            } catch (JackClientException e) {
                if (strict) {
                    throw new AudioException(e.getMessage() + " (is it an input port of matching type?)", e);
                }
                log.accept("audio: " + e.getMessage() + "; that output stays unconnected");
            }
        }
    }

    /** Called on the audio supervisor thread. */
    boolean serverGone() {
        return session.serverLost();
    }

    /**
     * The period JACK switched to after start (jack_bufsize), or 0 if unchanged. A longer period than prepared
     * is output as silence; either way the sink needs a restart so the engine is prepared for the new size.
     * Called on the audio supervisor thread.
     */
    int changedPeriod() {
        return playback.changedPeriod;
    }

    /**
     * Full JACK names ("client:port") of our outputs, in layout order; the client name may not be the one asked for.
     * Any thread.
     */
    List<String> outputPortNames() {
        List<String> names = new ArrayList<>(ports.length);
        for (JackPortBuffer p : ports) {
            names.add(p.name());
        }
        return names;
    }

    /** Called on the starting thread or the audio supervisor. */
    String describe() {
        return "JACK server '" + session.serverName() + "' as client '" + session.clientName() + "', "
                + String.format("%.0f Hz / %d frames, %d output ports", sampleRate, maxFrames, ports.length);
    }

    @Override
    public float sampleRate() {
        return sampleRate;
    }

    @Override
    public int periodFrames() {
        return maxFrames;
    }

    @Override
    public long xruns() {
        return session.xruns();
    }

    @Override
    public ProcessFaults faults() {
        return playback.faults;
    }

    @Override
    public void stop() {
        session.close();
        // The process thread's last act is a volatile write of the cycle count; reading it after the thread has
        // stopped orders everything that cycle did before whatever the caller starts next.
        session.cycles();
    }

    /**
     * The part that runs on JACK's process thread: render, then copy into the port buffers. A class of its own
     * so it holds no string constants — C2 interns a class's unresolved strings on the thread that triggers
     * the compilation, which here would be the real-time thread.
     */
    private static final class Playback implements JackCycle {
        private final JackSession session;
        private final AudioCallback callback;
        private final JackPortBuffer[] ports;
        private final float[][] out;
        private final int maxFrames;
        private final ProcessFaults faults = new ProcessFaults();
        /**
         * Written after prepare(), by the thread that starts the sink; reading it each cycle makes the prepared
         * engine state visible here.
         */
        private volatile boolean started;
        /** Written only on JACK's process thread. */
        private volatile int changedPeriod;

        Playback(JackSession session, AudioCallback callback, JackPortBuffer[] ports, int maxFrames) {
            this.session = session;
            this.callback = callback;
            this.ports = ports;
            this.maxFrames = maxFrames;
            this.out = new float[ports.length][maxFrames];
        }

        /** Called on JACK's process thread. */
        @Override
        public void run(int nframes) {
            if (nframes != maxFrames && changedPeriod != nframes) {
                changedPeriod = nframes;
            }
            if (!started || nframes > maxFrames) {
                silence(nframes);
                return;
            }
            try {
                callback.process(out, nframes, session.cycleStartNanos());
            } catch (Throwable t) {
                faults.record(t);
                silence(nframes);
                return;
            }
            for (int ch = 0; ch < ports.length; ch++) {
                ports[ch].write(out[ch], nframes);
            }
        }

        private void silence(int nframes) {
            for (JackPortBuffer p : ports) {
                p.silence(nframes);
            }
        }
    }
}
