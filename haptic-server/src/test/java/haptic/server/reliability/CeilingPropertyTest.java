package haptic.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import haptic.engine.Engine;
import haptic.engine.EngineSettings;
import haptic.engine.Layout;
import haptic.protocol.Param;
import haptic.server.AudioCycle;
import haptic.server.link.CommandLink;
import haptic.server.link.EngineCommand;
import haptic.server.link.Telemetry;
import haptic.server.link.TelemetryLink;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever a performance does — gains and master gain at their maxima, a thousand voices,
 * every stimulus type and speed, test pulses on hot transducers — no output sample exceeds the configured
 * ceiling and none is NaN or infinite. Checked on the engine directly over many seeds and ceilings, and
 * once through the audio callback (command link, sample-offset placement, metering, telemetry).
 */
class CeilingPropertyTest {
    private static final float[] CEILINGS = {0.25f, 0.5f, 0.9f, 1.0f};
    private static final int SEEDS_PER_CEILING = 6;
    private static final int STEPS = 120;

    @Test
    void engineOutputNeverExceedsTheCeilingNorCarriesNonFiniteSamples() {
        for (float ceiling : CEILINGS) {
            long clampedOverSeeds = 0;
            for (int seed = 1; seed <= SEEDS_PER_CEILING; seed++) {
                CeilingScript script = new CeilingScript(seed * 7919L + Float.floatToIntBits(ceiling));
                Layout layout = script.layout();
                Engine engine = new Engine(layout, EngineSettings.defaults().withCeiling(ceiling)
                        .withInstances(CeilingScript.INSTANCES));
                EngineStage stage = new EngineStage(engine, ceiling, "ceiling " + ceiling + ", seed " + seed + ", "
                        + layout.name());
                script.play(stage, STEPS);
                stage.bound.verify(engine.clampCount(), engine.nonFiniteCount());
                clampedOverSeeds += engine.clampCount();
            }
            // Gains of 2 × 2 on transducers of gain up to 4 must have driven every ceiling into clamping.
            assertTrue(clampedOverSeeds > 0, "the ceiling " + ceiling + " was never reached: the property is vacuous");
        }
    }

    @Test
    void audioCycleOutputAndItsTelemetryStayWithinTheCeiling() {
        float ceiling = 0.25f;
        CeilingScript script = new CeilingScript(20240611L);
        Layout layout = script.layout();
        CommandLink commands = new CommandLink(4096);
        TelemetryLink telemetry = new TelemetryLink(16, Layout.TRANSDUCERS, 128);
        AudioCycle cycle = new AudioCycle(layout, EngineSettings.defaults().withCeiling(ceiling)
                .withInstances(CeilingScript.INSTANCES), commands, telemetry, () -> 0L);
        cycle.prepare(48000f, 64);
        CycleStage stage = new CycleStage(cycle, commands, telemetry, ceiling);
        script.play(stage, STEPS * 2);
        Engine engine = cycle.engine();
        stage.bound.verify(engine.clampCount(), engine.nonFiniteCount());
        assertTrue(engine.clampCount() > 0, "the ceiling was reached through the callback path");
        assertTrue(stage.telemetrySnapshots > 10, "telemetry was published: " + stage.telemetrySnapshots);
        assertTrue(stage.telemetryPeak <= ceiling, "metered peak " + stage.telemetryPeak + " above " + ceiling);
        assertEquals(stage.bound.peak, stage.telemetryPeak, 1e-6f,
                "the meter saw the same peak as the output buffers");
    }

    /** The largest magnitude seen, and the first sample that broke the rules. */
    private static final class Bound {
        private final float ceiling;
        private final String context;
        float peak;
        long frames;

        Bound(float ceiling, String context) {
            this.ceiling = ceiling;
            this.context = context;
        }

        void check(float[][] out, int from, int to) {
            for (int ch = 0; ch < Layout.TRANSDUCERS; ch++) {
                float[] s = out[ch];
                for (int i = from; i < to; i++) {
                    float v = s[i];
                    if (!Float.isFinite(v)) {
                        fail(context + ": non-finite sample " + v + " on channel " + ch + " at frame "
                                + (frames + i - from));
                    }
                    float a = Math.abs(v);
                    if (a > ceiling) {
                        fail(context + ": sample " + v + " beyond the ceiling " + ceiling + " on channel " + ch
                                + " at frame " + (frames + i - from));
                    }
                    peak = Math.max(peak, a);
                }
            }
            frames += to - from;
        }

        void verify(long clamped, long nonFinite) {
            assertTrue(frames > 24000, context + ": rendered " + frames + " frames");
            assertEquals(0, nonFinite, context + ": the engine replaced non-finite samples it produced itself");
            if (clamped > 0) {
                assertEquals(ceiling, peak, context + ": clamped samples sit exactly at the ceiling");
            }
        }
    }

    /** Plays straight into an {@link Engine}, rendering in the script's uneven spans. */
    private static final class EngineStage implements CeilingScript.Stage {
        private final Engine e;
        private final float[][] out = new float[Layout.TRANSDUCERS][512];
        final Bound bound;

        EngineStage(Engine e, float ceiling, String context) {
            this.e = e;
            this.bound = new Bound(ceiling, context);
        }

        @Override
        public void noteOn(int instance, int channel, int note, float velocity, float pressure, float bend,
                           float timbre) {
            e.noteOn(instance, channel, note, velocity, pressure, bend, timbre);
        }

        @Override
        public void noteOff(int instance, int channel, int note) {
            e.noteOff(instance, channel, note);
        }

        @Override
        public void expression(int instance, int channel, float pressure, float bend, float timbre) {
            e.expression(instance, channel, pressure, bend, timbre);
        }

        @Override
        public void parameter(int instance, Param p, float value) {
            e.setParameter(instance, p, value);
        }

        @Override
        public void masterGain(float gain) {
            e.setMasterGain(gain);
        }

        @Override
        public void testPulse(int transducer, float amplitude, float seconds) {
            e.testPulse(transducer, amplitude, seconds);
        }

        @Override
        public void panic() {
            e.panic();
        }

        @Override
        public void releaseInstance(int instance) {
            e.releaseInstance(instance);
        }

        @Override
        public void resetInstance(int instance) {
            e.resetInstance(instance);
        }

        @Override
        public void render(int frames) {
            int left = frames;
            int pos = 0;
            while (left > 0) {
                // Start at varying offsets: render writes [from, to), and the check covers exactly that range.
                int from = pos % 7;
                int n = Math.min(left, out[0].length - from);
                e.render(out, from, from + n);
                bound.check(out, from, from + n);
                left -= n;
                pos += n;
            }
        }
    }

    /** Plays through the command link into an {@link AudioCycle}, one 64-frame period at a time. */
    private static final class CycleStage implements CeilingScript.Stage {
        private final AudioCycle cycle;
        private final CommandLink link;
        private final TelemetryLink telemetry;
        private final float[][] out = new float[Layout.TRANSDUCERS][64];
        final Bound bound;
        float telemetryPeak;
        int telemetrySnapshots;

        CycleStage(AudioCycle cycle, CommandLink link, TelemetryLink telemetry, float ceiling) {
            this.cycle = cycle;
            this.link = link;
            this.telemetry = telemetry;
            this.bound = new Bound(ceiling, "AudioCycle, ceiling " + ceiling);
        }

        /** A free link entry, running periods (as the audio thread would) until one is returned. */
        private EngineCommand entry() {
            EngineCommand c;
            while ((c = link.claim()) == null) {
                period();
            }
            c.arrivalNanos = System.nanoTime();
            return c;
        }

        private void period() {
            cycle.process(out, out[0].length, 0L);
            bound.check(out, 0, out[0].length);
            Telemetry t;
            while ((t = telemetry.poll()) != null) {
                for (float p : t.peak) {
                    telemetryPeak = Math.max(telemetryPeak, p);
                }
                telemetrySnapshots++;
                telemetry.recycle(t);
            }
        }

        @Override
        public void noteOn(int instance, int channel, int note, float velocity, float pressure, float bend,
                           float timbre) {
            link.publish(entry().noteOn(instance, channel, note, velocity, pressure, bend, timbre));
        }

        @Override
        public void noteOff(int instance, int channel, int note) {
            link.publish(entry().noteOff(instance, channel, note));
        }

        @Override
        public void expression(int instance, int channel, float pressure, float bend, float timbre) {
            link.publish(entry().expression(instance, channel, pressure, bend, timbre));
        }

        @Override
        public void parameter(int instance, Param p, float value) {
            link.publish(entry().parameter(instance, p, value));
        }

        @Override
        public void masterGain(float gain) {
            link.publish(entry().parameter(-1, Param.MASTER_GAIN, gain));
        }

        @Override
        public void testPulse(int transducer, float amplitude, float seconds) {
            link.publish(entry().testPulse(transducer, amplitude, seconds));
        }

        @Override
        public void panic() {
            link.publish(entry().panic());
        }

        @Override
        public void releaseInstance(int instance) {
            link.publish(entry().releaseInstance(instance));
        }

        @Override
        public void resetInstance(int instance) {
            link.publish(entry().resetInstance(instance));
        }

        @Override
        public void render(int frames) {
            for (int done = 0; done < frames; done += out[0].length) {
                period();
            }
        }
    }
}
