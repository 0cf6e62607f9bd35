package haptic.server;

import haptic.engine.Engine;
import haptic.engine.EngineSettings;
import haptic.engine.Layout;
import haptic.engine.LevelMeter;
import haptic.protocol.Param;
import haptic.server.audio.AudioCallback;
import haptic.server.audio.WavRecorder;
import haptic.server.link.CommandLink;
import haptic.server.link.EngineCommand;
import haptic.server.link.Telemetry;
import haptic.server.link.TelemetryLink;
import haptic.server.timing.InstanceLatency;
import haptic.server.timing.Scheduler;
import java.util.function.LongSupplier;

/**
 * The audio callback: owns the engine, applies commands at their sample offsets, meters, records, and
 * reports telemetry. Everything here runs on the real-time thread except {@link #prepare}.
 *
 * <p>Publication: {@link #prepare} runs on the thread that (re)starts a backend, before that backend's audio
 * thread calls {@link #process}, and never at the same time as it. It writes every plain field first and
 * the volatile {@link #engine} last; {@link #process} reads {@code engine} first. That volatile pair is
 * the happens-before edge, so this class is safe whatever the backend does (JACK's thread, the paced
 * sink's, a test's) and costs one volatile read per period.
 *
 * <p>Commands are applied at the sample their time asks for ({@link Scheduler}): a timed command at its time
 * plus its instance's latency, an untimed one a period after it arrived. The period's first frame has the
 * time the backend gives; frame k is k / rate later.
 */
public final class AudioCycle implements AudioCallback {
    /** Bounds the work one period can be asked to do; the rest waits for the next period. */
    static final int MAX_COMMANDS_PER_PERIOD = 2048;
    /** Future commands the audio side holds; beyond it the command link fills and the IPC side waits. */
    static final int SCHEDULE_CAPACITY = 16384;
    private static final float TELEMETRY_HZ = 60f;
    private static final int MAX_VOICE_SOURCES = 128;

    private final Layout layout;
    private final EngineSettings settings;
    private final CommandLink commands;
    private final TelemetryLink telemetry;
    private final LongSupplier xruns;
    private final CallbackTimer timer = new CallbackTimer();
    private final LevelMeter meter;
    /** Parameter state mirrored here so a rebuilt engine (sample-rate change) keeps every instance's settings. */
    private final float[][] instanceParams;
    private final boolean[][] instanceParamSet;
    private final float[] voiceScratch = new float[MAX_VOICE_SOURCES * 2];
    private final InstanceLatency latency;
    /** Commands waiting for their sample; survives engine rebuilds (times are on the shared clock, not the engine's). */
    private final Scheduler scheduler;

    /** Written last by {@link #prepare} (single writer at a time), read first by {@link #process}; see class doc. */
    private volatile Engine engine;
    private float sampleRate;
    private double nanosPerFrame;
    private long periodStartNanos;
    /** Frames rendered since start; stamps telemetry so observers can order and pace it. */
    private long frameClock;
    private float windowLoad;
    private int telemetryInterval;
    private volatile WavRecorder recorder;
    private volatile long audioThreadId = -1;
    private volatile float masterGain = Param.MASTER_GAIN.defaultValue();

    /** Any thread, before the cycle is handed to a backend. */
    public AudioCycle(Layout layout, EngineSettings settings, CommandLink commands, TelemetryLink telemetry,
                      LongSupplier xruns) {
        this.layout = layout;
        this.settings = settings;
        this.commands = commands;
        this.telemetry = telemetry;
        this.xruns = xruns;
        this.meter = new LevelMeter(Layout.TRANSDUCERS);
        this.instanceParams = new float[settings.instances][Param.values().length];
        this.instanceParamSet = new boolean[settings.instances][Param.values().length];
        this.latency = new InstanceLatency(settings.instances);
        this.scheduler = new Scheduler(SCHEDULE_CAPACITY, latency);
    }

    /** Called on the thread (re)starting a backend, before its first {@link #process}, never concurrently. */
    @Override
    public void prepare(float rate, int maxFrames) {
        Engine current = engine;
        if (current == null || rate != sampleRate) {
            EngineSettings s = settings.withSampleRate(rate);
            Engine fresh = new Engine(layout, s);
            for (int i = 0; i < instanceParams.length; i++) {
                for (Param p : Param.values()) {
                    if (instanceParamSet[i][p.ordinal()]) {
                        fresh.setParameter(i, p, instanceParams[i][p.ordinal()]);
                    }
                }
            }
            fresh.setMasterGain(masterGain);
            current = fresh;
            sampleRate = rate;
        }
        nanosPerFrame = 1e9 / rate;
        telemetryInterval = Math.max(1, Math.round(rate / TELEMETRY_HZ));
        periodStartNanos = 0;
        engine = current; // last: publishes everything above to the audio thread
    }

    /**
     * Called on the audio thread, once per period. {@code firstFrameNanos} is the SharedClock time of the period's
     * first frame as the backend's clock sees it (JACK's cycle time, the pacer's deadline); 0 if it has none.
     */
    @Override
    public void process(float[][] out, int frames, long firstFrameNanos) {
        Engine e = engine; // first: the acquire side of prepare()'s publication
        long start = System.nanoTime();
        audioThreadId = Thread.currentThread().getId();
        long t0 = firstFrameNanos != 0 ? firstFrameNanos : start;
        periodStartNanos = t0;
        scheduler.serverPeriod((long) (frames * nanosPerFrame));
        long end = t0 + (long) (frames * nanosPerFrame);

        EngineCommand c;
        int moved = 0;
        while (moved < MAX_COMMANDS_PER_PERIOD && !scheduler.isFull() && (c = commands.poll()) != null) {
            // What sets an instance's latency acts on arrival, so the commands right behind it are timed by it.
            if (!configureTiming(c)) {
                scheduler.add(c, t0);
            }
            commands.recycle(c);
            moved++;
        }
        int pos = 0;
        int applied = 0;
        while (applied < MAX_COMMANDS_PER_PERIOD && (c = scheduler.peekDue(end)) != null) {
            int offset = c.due <= t0 ? 0 : (int) Math.ceil((c.due - t0) / nanosPerFrame);
            if (offset >= frames) {
                break; // due in the last fraction of a frame: it lands on the next period's first frame
            }
            if (offset > pos) {
                e.render(out, pos, offset);
                pos = offset;
            }
            EngineCommand d = scheduler.take(t0 + (long) (pos * nanosPerFrame));
            apply(e, d);
            scheduler.release(d);
            applied++;
        }
        e.render(out, pos, frames);
        frameClock += frames;

        WavRecorder r = recorder;
        if (r != null) {
            r.write(out, frames);
        }
        meter.accumulate(out, frames);
        long elapsed = System.nanoTime() - start;
        timer.record(elapsed);
        float load = (float) (elapsed / nanosPerFrame / frames * 100.0);
        if (load > windowLoad) {
            windowLoad = load;
        }
        if (meter.frames() >= telemetryInterval) {
            publishTelemetry(e);
        }
    }

    /** @return whether {@code c} only configures scheduling (and is done); a reset also goes on to the engine */
    private boolean configureTiming(EngineCommand c) {
        switch (c.type) {
            case EngineCommand.HOST_BLOCK:
                latency.hostBlock(c.instance, c.value, c.frames);
                return true;
            case EngineCommand.PARAMETER:
                return latency.parameter(c.instance, c.param, c.value);
            case EngineCommand.RESET_INSTANCE:
                latency.reset(c.instance);
                return false;
            default:
                return false;
        }
    }

    private void apply(Engine e, EngineCommand c) {
        switch (c.type) {
            case EngineCommand.NOTE_ON:
                e.noteOn(c.instance, c.channel, c.note, c.velocity, c.pressure, c.bend, c.timbre);
                break;
            case EngineCommand.NOTE_OFF:
                e.noteOff(c.instance, c.channel, c.note);
                break;
            case EngineCommand.EXPRESSION:
                e.expression(c.instance, c.channel, c.pressure, c.bend, c.timbre);
                break;
            case EngineCommand.PARAMETER:
                if (c.param == Param.MASTER_GAIN) {
                    masterGain = Param.MASTER_GAIN.clamp(c.value);
                    e.setMasterGain(masterGain);
                } else if (c.instance >= 0 && c.instance < instanceParams.length) {
                    instanceParams[c.instance][c.param.ordinal()] = c.value;
                    instanceParamSet[c.instance][c.param.ordinal()] = true;
                    e.setParameter(c.instance, c.param, c.value);
                }
                break;
            case EngineCommand.PANIC:
                e.panic();
                break;
            case EngineCommand.RELEASE_INSTANCE:
                e.releaseInstance(c.instance);
                break;
            case EngineCommand.RESET_INSTANCE:
                if (c.instance >= 0 && c.instance < instanceParams.length) {
                    java.util.Arrays.fill(instanceParamSet[c.instance], false);
                }
                e.resetInstance(c.instance);
                break;
            case EngineCommand.TEST_PULSE:
                e.testPulse(c.transducer, c.value, c.seconds);
                break;
            default:
                break;
        }
    }

    private void publishTelemetry(Engine e) {
        Telemetry t = telemetry.claim();
        if (t == null) {
            // Nobody is reading fast enough; drop this window rather than wait.
            meter.takeInto(voiceScratch, voiceScratch);
            windowLoad = 0;
            return;
        }
        meter.takeInto(t.peak, t.rms);
        t.frame = frameClock;
        t.activeVoices = e.activeVoices();
        t.loadPercent = windowLoad;
        t.xruns = xruns.getAsLong();
        t.clampCount = e.clampCount();
        t.nonFiniteCount = e.nonFiniteCount();
        t.voiceCount = e.voiceSources(t.voiceXY, MAX_VOICE_SOURCES);
        t.lateCommands = scheduler.lateCommands();
        t.worstLateMs = scheduler.worstLateMs();
        t.timeFaults = scheduler.timeFaults();
        for (int i = 0; i < t.latencyMs.length && i < latency.instances(); i++) {
            t.latencyMs[i] = latency.latencyMs(i);
        }
        windowLoad = 0;
        telemetry.publish(t);
    }

    /** A server-wide fixed scheduling latency (--latency), 0 = automatic. Before the cycle is handed to a backend. */
    public void fixLatency(float ms) {
        latency.fixAll(ms);
    }

    /** Any thread. Starts or stops recording; the recorder is written from the audio thread, drained elsewhere. */
    public void setRecorder(WavRecorder r) {
        recorder = r;
    }

    /** Any thread. The audio thread writes the timer, readers take snapshots. */
    public CallbackTimer timer() {
        return timer;
    }

    /** Any thread. Id of the thread that ran the most recent period, -1 before the first; for allocation checks. */
    public long audioThreadId() {
        return audioThreadId;
    }

    /** Any thread, tests only (a plain read). System.nanoTime() at the start of the most recent period. */
    long periodStartNanos() {
        return periodStartNanos;
    }

    /** The audio thread's scheduler, for reading its counters (written by the audio thread: approximate). */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** Any thread. The engine in use, for reading its counters (which the audio thread writes: approximate). */
    public Engine engine() {
        return engine;
    }
}
