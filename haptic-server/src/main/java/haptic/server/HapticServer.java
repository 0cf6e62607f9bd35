package haptic.server;

import haptic.protocol.ProductVersion;
import haptic.engine.EngineSettings;
import haptic.engine.Layout;
import haptic.engine.LayoutParser;
import haptic.protocol.LayoutInfo;
import haptic.protocol.SocketPaths;
import haptic.server.audio.AudioException;
import haptic.server.audio.AudioOptions;
import haptic.server.audio.AudioOutput;
import haptic.server.audio.WavRecorder;
import haptic.server.ipc.IpcServer;
import haptic.server.ipc.ServerInfo;
import haptic.server.link.CommandLink;
import haptic.server.link.TelemetryLink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A running server: socket IPC, engine on the audio thread, and the audio backend, wired together.
 * Start order is socket first (so a second server refuses before touching JACK), then audio.
 */
public final class HapticServer implements AutoCloseable {
    public static final String VERSION = ProductVersion.VERSION;
    /**
     * Entries in flight between the IPC thread and the audio thread. No more than one period can apply: anything
     * beyond waits in the IPC thread's backlog, where MPE updates coalesce, instead of queueing ahead of the next
     * NoteOn (see docs/learnings.md, "A flood queued ahead of other controllers' notes").
     */
    static final int COMMAND_CAPACITY = AudioCycle.MAX_COMMANDS_PER_PERIOD;

    private final Layout layout;
    private final Path socket;
    private final AudioCycle cycle;
    private final IpcServer ipc;
    private final Consumer<String> log;
    private volatile AudioOutput output;
    private WavRecorder recorder;
    private boolean closed;

    private HapticServer(ServerOptions o, Consumer<String> log) throws IOException {
        this.log = log;
        this.layout = loadLayout(o.layoutFile);
        this.socket = SocketPaths.resolve(o.socket);
        EngineSettings settings = EngineSettings.defaults().withSampleRate(o.audio.headlessRate).withCeiling(o.ceiling);
        CommandLink commands = new CommandLink(COMMAND_CAPACITY);
        TelemetryLink telemetry = new TelemetryLink(16, Layout.TRANSDUCERS, 128);
        this.cycle = new AudioCycle(layout, settings, commands, telemetry, this::xruns);
        cycle.fixLatency(o.latencyMs);
        this.ipc = new IpcServer(socket, commands, telemetry, new Info(), settings.instances, log);
    }

    /** Starts a server; on failure nothing is left running. Runs on the caller's thread (the starting thread). */
    public static HapticServer start(ServerOptions o, Consumer<String> log) throws IOException, AudioException {
        HapticServer s = new HapticServer(o, log);
        try {
            s.ipc.start();
            String[] portNames = new String[Layout.TRANSDUCERS];
            for (int i = 0; i < portNames.length; i++) {
                portNames[i] = s.layout.name(i);
            }
            AudioOptions ao = o.audio.withPortNames(portNames);
            if (o.record != null) {
                // The recorder needs the rate before audio starts; JACK may differ from the headless default,
                // so it is created after the backend is known and attached before the first useful period.
                s.output = AudioOutput.start(ao, s.cycle, log);
                s.recorder = new WavRecorder(o.record, Layout.TRANSDUCERS, s.output.sampleRate(), 10);
                s.cycle.setRecorder(s.recorder);
                log.accept("recording all " + Layout.TRANSDUCERS + " channels to " + o.record);
            } else {
                s.output = AudioOutput.start(ao, s.cycle, log);
            }
            log.accept(String.format("haptic-server %s listening on %s; backend %s at %.0f Hz / %d frames; layout %s",
                    VERSION, s.socket, s.output.backendName(), s.output.sampleRate(), s.output.periodFrames(),
                    s.layout.name()));
            return s;
        } catch (IOException | AudioException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Called on the starting thread. */
    static Layout loadLayout(Path file) throws IOException {
        if (file == null) {
            return Layout.defaultLayout();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return LayoutParser.parse(text, file.toString());
    }

    /** Called on the audio thread (telemetry); volatile reads only. */
    private long xruns() {
        AudioOutput o = output;
        return o == null ? 0 : o.xruns();
    }

    /** Any thread. */
    public Path socket() {
        return socket;
    }

    /** Any thread. */
    public Layout layout() {
        return layout;
    }

    /** Any thread. */
    public AudioCycle cycle() {
        return cycle;
    }

    /** Any thread. */
    public AudioOutput output() {
        return output;
    }

    /** Any thread. */
    public IpcServer ipc() {
        return ipc;
    }

    /**
     * Stops IPC (releasing every controller), then audio, then finishes the recording. Idempotent; any thread but
     * the IPC and audio threads (the CLI calls it from a shutdown hook).
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ipc.close();
        AudioOutput o = output;
        if (o != null) {
            o.close();
        }
        if (recorder != null) {
            cycle.setRecorder(null);
            recorder.close();
            if (recorder.droppedFrames() > 0) {
                log.accept("recording dropped " + recorder.droppedFrames() + " frames (disk too slow)");
            }
        }
        log.accept("haptic-server stopped");
    }

    private final class Info implements ServerInfo {
        private final LayoutInfo layoutInfo;

        Info() {
            String[] names = new String[Layout.TRANSDUCERS];
            float[] x = new float[Layout.TRANSDUCERS];
            float[] y = new float[Layout.TRANSDUCERS];
            for (int i = 0; i < names.length; i++) {
                names[i] = layout.name(i);
                x[i] = layout.x(i);
                y[i] = layout.y(i);
            }
            layoutInfo = new LayoutInfo(layout.name(), names, x, y);
        }

        /** Called on the IPC thread. */
        @Override
        public String serverVersion() {
            return VERSION;
        }

        /** Called on the IPC thread. */
        @Override
        public String backendName() {
            AudioOutput o = output;
            return o == null ? "starting" : o.backendName();
        }

        /** Called on the IPC thread. */
        @Override
        public float sampleRate() {
            AudioOutput o = output;
            return o == null ? 0 : o.sampleRate();
        }

        /** Called on the IPC thread. */
        @Override
        public int periodFrames() {
            AudioOutput o = output;
            return o == null ? 0 : o.periodFrames();
        }

        /** Called on the IPC thread. */
        @Override
        public LayoutInfo layout() {
            return layoutInfo;
        }
    }
}
