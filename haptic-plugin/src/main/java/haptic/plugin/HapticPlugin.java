package haptic.plugin;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One VST3 component instance as the native shim sees it (the JNI contract is haptic-plugin/JNI.md).
 *
 * <p>Three threads meet here. The host thread configures, edits parameters and saves state; the audio
 * thread calls {@link #process}, which only translates events into preallocated slots and queue entries;
 * the IPC thread (started by {@link #setActive}) owns the socket and forwards what the audio thread left.
 *
 * <p>This class holds no string constants: HotSpot resolves a class's strings on whichever thread first
 * gets a method of it compiled, and that may be the audio thread. Text lives in the classes it delegates to.
 */
public final class HapticPlugin {
    /** Records the shared event buffer holds. */
    public static final int EVENT_CAPACITY = 1024;
    /** Bytes per event record. */
    public static final int EVENT_BYTES = HostEvents.RECORD_BYTES;
    static final int LINK_CAPACITY = 2048;
    static final int OVERFLOW_CAPACITY = 8192;

    private final ByteBuffer events =
            ByteBuffer.allocateDirect(EVENT_CAPACITY * EVENT_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final PluginLog log;
    private final ParameterValues values = new ParameterValues();
    private final NoteOutbox outbox;
    private final ExpressionSlots slots = new ExpressionSlots();
    private final MpeTranslator translator;
    private final AudioBlock block;
    private final EventTimes times = new EventTimes();
    private final HostSetup setup = new HostSetup();
    private final ServerConnection connection;
    /** Written only on the host's main thread, under this object's lock. */
    private boolean disposed;

    /** Called on the host's main (UI) thread. */
    public HapticPlugin(String resourcesDir) {
        PluginConf conf = PluginConf.load(resourcesDir);
        String instanceId = InstanceIds.next();
        log = PluginLog.open(conf.log);
        log.prefix(instanceId);
        NoteLink link = new NoteLink(LINK_CAPACITY);
        outbox = new NoteOutbox(link, new NoteOverflow(OVERFLOW_CAPACITY), times, slots);
        translator = new MpeTranslator(outbox, slots);
        block = new AudioBlock(times, outbox, new HostEvents(events, translator, values, times), EVENT_CAPACITY);
        connection = new ServerConnection(conf.socketPath(), instanceId, link, outbox, slots, values, setup, log);
        PluginStartup.report(log, conf, connection.socket());
        RealtimeWarmup.run();
    }

    /** Version, content hash and protocol version, for the host log. Any thread. */
    public static String buildIdentity() {
        return BuildIdentity.text();
    }

    /** The buffer the shim writes event records into (direct, little-endian). Called once on the host's main thread. */
    public ByteBuffer eventBuffer() {
        return events;
    }

    /** Called once on the host's main thread. */
    public int eventCapacity() {
        return EVENT_CAPACITY;
    }

    /**
     * The rate turns sample offsets into times; rate and block size go to the server, which derives this
     * instance's latency from the block's duration. Called on the host's main thread, while not processing.
     */
    public void setupProcessing(double sampleRate, int maxBlock) {
        setup.set(sampleRate, maxBlock);
        times.restart(sampleRate);
    }

    /**
     * The latency to report to the host (VST3 getLatencySamples): this instance's scheduling latency in samples, as
     * the server will apply it by default — the host block, one server period, a margin — or the fixed LATENCY
     * parameter, plus the sync offset. Called on the host's main thread.
     */
    public int latencySamples() {
        return setup.latencySamples(values);
    }

    /**
     * Active: the IPC thread runs and (re)connects. Inactive: it forwards what is queued, releases every
     * note the host still holds, closes the socket and ends. The audio thread is not processing meanwhile.
     * Called on the host's main thread.
     */
    public synchronized void setActive(boolean active) {
        if (disposed) {
            return;
        }
        times.restart(0);
        if (active) {
            connection.start();
        } else {
            ClockReport.log(log, times);
            connection.stop();
            translator.forgetNotes();
            outbox.clear();
        }
    }

    /** Audio thread. When processing stops, every sounding note is released so none is left hanging. */
    public void setProcessing(boolean on) {
        if (!on) {
            translator.releaseAll();
            outbox.endBlock();
        }
        times.restart(0);
    }

    /** Bits of {@link #process}'s {@code batch}: the first and the last call for one host block. */
    public static final int FIRST_BATCH = AudioBlock.FIRST_BATCH;
    public static final int LAST_BATCH = AudioBlock.LAST_BATCH;

    /**
     * Audio thread: translates {@code numEvents} records from the event buffer, each stamped with its block's
     * time plus its sample offset. A block with more events than the buffer holds comes in several batches;
     * {@code batch} marks the first and the last. {@code contextState}, {@code systemTime} and
     * {@code projectTimeSamples} are the block's VST3 ProcessContext fields (state 0 without a context). Never
     * allocates, locks or blocks; notes that found the queue full last time are retried first, so order is kept.
     */
    public void process(int numEvents, int numSamples, int batch, int contextState, long systemTime,
                        long projectTimeSamples) {
        block.process(numEvents, numSamples, batch, contextState, systemTime, projectTimeSamples);
    }

    /** One whole block without a host context (tests and hosts without one). Audio thread. */
    public void process(int numEvents, int numSamples) {
        process(numEvents, numSamples, FIRST_BATCH | LAST_BATCH, 0, 0L, 0L);
    }

    /** Called on the host's main (UI) thread. */
    public int parameterCount() {
        return ParameterCatalog.COUNT;
    }

    /** Called on the host's main (UI) thread. */
    public String parameterInfo(int index) {
        return ParameterText.info(index);
    }

    /** Called on the host's main thread; reads what that thread or automation on the audio thread set last. */
    public double getParameter(int id) {
        int index = ParameterCatalog.indexOf(id);
        return index < 0 ? 0.0 : values.get(index);
    }

    /**
     * Controller side; an automatable value also goes to the server (the IPC thread sends what changed). Called on
     * the host's main thread; automation on the audio thread writes the same values, and the last write wins.
     */
    public void setParameter(int id, double normalized) {
        int index = ParameterCatalog.indexOf(id);
        if (index >= 0) {
            values.set(index, normalized, haptic.protocol.SharedClock.now());
        }
    }

    /** Called on the host's main (UI) thread. */
    public String parameterToString(int id, double normalized) {
        return ParameterText.format(id, normalized);
    }

    /** Called on the host's main (UI) thread. */
    public double parameterFromString(int id, String text) {
        return ParameterText.parse(id, text);
    }

    /** Called on the host's main (UI) thread. */
    public double normalizedToPlain(int id, double v) {
        return ParameterText.toPlain(id, v);
    }

    /** Called on the host's main (UI) thread. */
    public double plainToNormalized(int id, double v) {
        return ParameterText.toNormalized(id, v);
    }

    /** Called on the host's main (UI) thread. */
    public int midiControllerToParameter(int channel, int controller) {
        return MidiParameters.idFor(channel, controller);
    }

    /** Called on the host's main (UI) thread. */
    public byte[] getState() {
        return PluginState.write(values);
    }

    /** Called on the host's main (UI) thread. */
    public boolean setState(byte[] data) {
        return PluginState.read(data, values);
    }

    /**
     * Terminate: stops the IPC thread (releasing held notes, closing the socket) and closes the log. Called on the
     * host's main thread.
     */
    public synchronized void dispose() {
        if (disposed) {
            return;
        }
        setActive(false);
        disposed = true;
        log.close();
    }

    /** Whether the server has accepted this instance (for tests and diagnostics). Any thread. */
    boolean connected() {
        return connection.connected();
    }

    /** Any thread (for tests). */
    ServerConnection connection() {
        return connection;
    }

    /** Any thread (for tests). */
    NoteOutbox outbox() {
        return outbox;
    }
}
