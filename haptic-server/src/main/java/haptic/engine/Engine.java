package haptic.engine;

import haptic.protocol.Param;

/**
 * The stimulus engine: turns notes, MPE expression and parameters into 32 transducer signals.
 *
 * <p>Pure computation driven by the audio thread: no threads, locks, I/O, clocks or logging, and no
 * allocation after construction. Not thread-safe; every method must be called from the rendering thread
 * (the counters may be read elsewhere for reports, racily).
 *
 * <p>Time is the engine's own sample clock: commands take effect at the end of the last render call, so a
 * caller places an event inside a period by splitting the render there.
 */
public final class Engine {
    /** Longest stretch rendered with one set of per-chunk values (delays, positions, gains). */
    public static final int CHUNK = 64;
    /** A cut-off voice (stolen, replaced, panic) reaches silence within this many samples. */
    public static final int FADE_SAMPLES = 32;
    /** Smallest table extent assumed, metres, so a degenerate layout (all transducers in one spot) still works. */
    static final float MIN_EXTENT = 0.01f;

    private final Layout layout;
    private final EngineSettings settings;
    private final Rig rig;
    private final float minWaveSpeed;
    private final InstanceState[] instances;
    private final VoicePool wavePool;
    private final VoicePool fieldPool;
    private final VoiceIndex index;
    private final TestPulses pulses;
    private final OutputStage output;
    private final float[][] mix = new float[Layout.TRANSDUCERS][CHUNK];
    private final NoteRequest request = new NoteRequest();

    private long now;
    /** Earliest end of a running fade; chunks are cut there so fades finish exactly on time. */
    private long fadeHorizon = Long.MAX_VALUE;
    private boolean attenuationStale;
    private long stolen;
    /** Counts note-ons, releases and fades, so stealing can tell apart events of the same sample. */
    private long order;

    public Engine(Layout layout, EngineSettings settings) {
        this.layout = layout;
        this.settings = settings;
        this.rig = new Rig(layout, settings.sampleRate);
        this.minWaveSpeed = settings.minWaveSpeed(layout);
        this.instances = new InstanceState[settings.instances];
        for (int i = 0; i < instances.length; i++) {
            instances[i] = new InstanceState(rig.maxDistance);
        }
        Voice[] waves = new Voice[settings.waveVoices];
        for (int i = 0; i < waves.length; i++) {
            waves[i] = new WaveVoice(rig, i, settings.delayCapacity, settings.maxDelaySamples());
        }
        Voice[] fields = new Voice[settings.fieldVoices];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = new FieldVoice(rig, i);
        }
        this.wavePool = new VoicePool(waves);
        this.fieldPool = new VoicePool(fields);
        this.index = new VoiceIndex(settings.instances);
        this.pulses = new TestPulses(settings.sampleRate);
        this.output = new OutputStage(settings.ceiling, new OnePole(settings.sampleRate, Rig.GAIN_SMOOTHING_SECONDS),
                Param.MASTER_GAIN.defaultValue());
    }

    public Layout layout() {
        return layout;
    }

    public EngineSettings settings() {
        return settings;
    }

    /** Engine clock: samples rendered so far. */
    public long time() {
        return now;
    }

    /**
     * Writes (does not add) frames [from, to) of {@code out[0..31]} and advances the clock by {@code to − from}.
     */
    public void render(float[][] out, int from, int to) {
        if (out.length < Layout.TRANSDUCERS) {
            throw SetupErrors.tooFewOutputs(out.length);
        }
        if (attenuationStale) {
            refreshAttenuation();
        }
        int pos = from;
        while (pos < to) {
            if (fadeHorizon <= now) {
                finishFades();
            }
            int n = Math.min(CHUNK, to - pos);
            if (fadeHorizon - now < n) {
                n = (int) (fadeHorizon - now);
            }
            renderChunk(n);
            output.write(mix, out, pos, n);
            now += n;
            pos += n;
            if (fadeHorizon <= now) {
                finishFades();
            }
        }
    }

    private void renderChunk(int n) {
        for (float[] m : mix) {
            java.util.Arrays.fill(m, 0, n, 0f);
        }
        renderPool(wavePool, n);
        renderPool(fieldPool, n);
        pulses.render(mix, n);
    }

    private void renderPool(VoicePool pool, int n) {
        long end = now + n;
        for (Voice v : pool.voices) {
            if (v.state == Voice.FREE) {
                continue;
            }
            v.render(mix, n, now);
            if (v.state == Voice.PLAYING && v.finished(end)) {
                index.remove(v);
                pool.giveBack(v);
            }
        }
    }

    private void finishFades() {
        long horizon = Long.MAX_VALUE;
        horizon = finishFades(wavePool, horizon);
        horizon = finishFades(fieldPool, horizon);
        fadeHorizon = horizon;
    }

    private long finishFades(VoicePool pool, long horizon) {
        for (Voice v : pool.voices) {
            if (v.state != Voice.FADING) {
                continue;
            }
            if (v.fadeEnd > now) {
                horizon = Math.min(horizon, v.fadeEnd);
                continue;
            }
            v.discard();
            if (v.hasPending) {
                v.start(v.pending, instances[v.pending.instance], now);
            } else {
                pool.giveBack(v);
            }
        }
        return horizon;
    }

    private void refreshAttenuation() {
        for (InstanceState s : instances) {
            if (s.attenuationStale()) {
                s.refreshAttenuation();
            }
        }
        attenuationStale = false;
    }

    /**
     * Starts a note, or retriggers it if this (instance, channel, note) is still sounding. Velocity,
     * pressure and timbre are clamped to [0, 1], bend to [−1, 1]; an unknown instance is ignored.
     */
    public void noteOn(int instance, int channel, int note, float velocity, float pressure, float bend,
                       float timbre) {
        if (instance < 0 || instance >= instances.length) {
            return;
        }
        InstanceState params = instances[instance];
        NoteRequest r = request;
        r.instance = instance;
        r.channel = clamp(channel, 0, VoiceIndex.CHANNELS - 1);
        r.note = clamp(note, 0, VoiceIndex.NOTES - 1);
        r.velocity = unit(velocity);
        r.pressure = unit(pressure);
        r.bend = clamp(bend, -1f, 1f);
        r.timbre = unit(timbre);
        r.stimulusType = params.stimulusType();
        float speed = params.get(Param.WAVE_SPEED);
        r.waveSpeed = r.stimulusType == Param.STIMULUS_WAVE ? Math.max(minWaveSpeed, speed) : speed;
        r.attackSamples = params.get(Param.ATTACK) * (double) settings.sampleRate;
        r.order = ++order;

        int key = VoiceIndex.key(instance, r.channel, r.note);
        VoicePool pool = r.stimulusType == Param.STIMULUS_WAVE ? wavePool : fieldPool;
        Voice current = index.get(key);
        if (current != null) {
            if (current.state == Voice.FADING) {
                if (pool.owns(current)) {
                    current.pending.copyFrom(r);
                    return;
                }
                index.remove(current);
                current.hasPending = false;
            } else if (current.stimulusType == r.stimulusType && current.waveSpeed == r.waveSpeed) {
                current.retrigger(r);
                return;
            } else {
                // A different kind of stimulus (or speed) cannot take over a sounding voice smoothly.
                index.remove(current);
                fade(current);
            }
        }
        Voice v = pool.take();
        if (v != null) {
            v.start(r, params, now);
            index.put(key, v);
            return;
        }
        v = pool.victim();
        stolen++;
        index.remove(v);
        fade(v);
        v.pending.copyFrom(r);
        v.hasPending = true;
        index.put(key, v);
    }

    /** Releases the note; unknown identities are ignored. A note still waiting for a stolen slot is dropped. */
    public void noteOff(int instance, int channel, int note) {
        if (instance < 0 || instance >= instances.length) {
            return;
        }
        Voice v = index.get(VoiceIndex.key(instance, clamp(channel, 0, VoiceIndex.CHANNELS - 1),
                clamp(note, 0, VoiceIndex.NOTES - 1)));
        if (v == null) {
            return;
        }
        if (v.state == Voice.FADING) {
            index.remove(v);
            v.hasPending = false;
            return;
        }
        v.release(++order, instances[instance].get(Param.RELEASE) * (double) settings.sampleRate);
    }

    /** MPE: pressure, bend and timbre for every voice of this instance's channel. */
    public void expression(int instance, int channel, float pressure, float bend, float timbre) {
        if (instance < 0 || instance >= instances.length) {
            return;
        }
        float p = unit(pressure);
        float b = clamp(bend, -1f, 1f);
        float t = unit(timbre);
        for (Voice v = index.firstOnChannel(VoiceIndex.channelKey(instance, clamp(channel, 0,
                VoiceIndex.CHANNELS - 1))); v != null; v = v.nextOnChannel) {
            if (v.state == Voice.FADING) {
                v.pending.pressure = p;
                v.pending.bend = b;
                v.pending.timbre = t;
            } else {
                v.expression(p, b, t);
            }
        }
    }

    /** Sets one instance parameter, clamped to its range; MASTER_GAIN is global whatever the instance. */
    public void setParameter(int instance, Param p, float value) {
        if (p == null || Float.isNaN(value)) {
            return;
        }
        if (p == Param.MASTER_GAIN) {
            setMasterGain(value);
            return;
        }
        if (instance < 0 || instance >= instances.length) {
            return;
        }
        if (instances[instance].set(p, p.clamp(value))) {
            attenuationStale = true;
        }
    }

    public void setMasterGain(float g) {
        if (!Float.isNaN(g)) {
            output.setMaster(Param.MASTER_GAIN.clamp(g));
        }
    }

    /** Every voice of the instance goes to release (its client disconnected); queued notes are dropped. */
    public void releaseInstance(int instance) {
        if (instance < 0 || instance >= instances.length) {
            return;
        }
        double releaseSamples = instances[instance].get(Param.RELEASE) * (double) settings.sampleRate;
        for (int ch = 0; ch < VoiceIndex.CHANNELS; ch++) {
            Voice v = index.firstOnChannel(VoiceIndex.channelKey(instance, ch));
            while (v != null) {
                Voice next = v.nextOnChannel;
                if (v.state == Voice.FADING) {
                    index.remove(v);
                    v.hasPending = false;
                } else {
                    v.release(++order, releaseSamples);
                }
                v = next;
            }
        }
    }

    /** Parameters back to their defaults, for a new client taking over the slot. Sounding voices keep playing. */
    public void resetInstance(int instance) {
        if (instance < 0 || instance >= instances.length) {
            return;
        }
        instances[instance].reset();
        attenuationStale = true;
    }

    /** Everything silent within {@link #FADE_SAMPLES}: voices fade and are freed, no tails, pulses stop. */
    public void panic() {
        panic(wavePool);
        panic(fieldPool);
        pulses.fadeOut();
    }

    private void panic(VoicePool pool) {
        for (Voice v : pool.voices) {
            if (v.state == Voice.FREE) {
                continue;
            }
            index.remove(v);
            v.hasPending = false;
            fade(v);
        }
    }

    private void fade(Voice v) {
        v.fade(now, ++order);
        fadeHorizon = Math.min(fadeHorizon, v.fadeEnd);
    }

    /**
     * A Hann-windowed 80 Hz burst on one transducer, for checking wiring. Amplitude is clamped to [0, 1],
     * duration to [0.005, 5] s; an unknown transducer is ignored. Like everything else it passes through the
     * master gain and the ceiling.
     */
    public void testPulse(int transducer, float amplitude, float seconds) {
        if (transducer < 0 || transducer >= Layout.TRANSDUCERS) {
            return;
        }
        pulses.start(transducer, unit(amplitude), Float.isNaN(seconds) ? TestPulses.MIN_SECONDS
                : clamp(seconds, TestPulses.MIN_SECONDS, TestPulses.MAX_SECONDS));
    }

    /** Occupied voice slots: sounding, releasing, in their tail, or fading out. */
    public int activeVoices() {
        return wavePool.inUse() + fieldPool.inUse();
    }

    /** Output samples limited to the ceiling, since construction. */
    public long clampCount() {
        return output.clamped;
    }

    /** Output samples that were NaN or infinite and were replaced by silence, since construction. */
    public long nonFiniteCount() {
        return output.nonFinite;
    }

    /** Notes that took a voice slot from another note, since construction. */
    public long stolenCount() {
        return stolen;
    }

    /** Slowest Wave speed the delay lines can hold for this layout (m/s); slower settings are clamped up to it. */
    public float minWaveSpeed() {
        return minWaveSpeed;
    }

    /**
     * Writes x, y (metres) of up to {@code max} sounding voices' current source positions into
     * {@code xy[0..2·count)} and returns the count.
     */
    public int voiceSources(float[] xy, int max) {
        int limit = Math.min(max, xy.length / 2);
        int count = sources(wavePool, xy, 0, limit);
        return sources(fieldPool, xy, count, limit);
    }

    private static int sources(VoicePool pool, float[] xy, int count, int limit) {
        for (Voice v : pool.voices) {
            if (count >= limit) {
                break;
            }
            if (v.state == Voice.PLAYING) {
                xy[2 * count] = v.motion.x();
                xy[2 * count + 1] = v.motion.y();
                count++;
            }
        }
        return count;
    }

    /** The voice answering to this identity, for tests. */
    Voice voice(int instance, int channel, int note) {
        return index.get(VoiceIndex.key(instance, channel, note));
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** NaN maps to the lower bound: the protocol edge rejects it, but the engine must never pass it on. */
    private static float clamp(float v, float lo, float hi) {
        return v >= lo ? Math.min(v, hi) : lo;
    }

    private static float unit(float v) {
        return clamp(v, 0f, 1f);
    }
}
