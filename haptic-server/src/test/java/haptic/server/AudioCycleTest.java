package haptic.server;

import haptic.testkit.ThreadAllocation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import haptic.engine.EngineSettings;
import haptic.engine.Layout;
import haptic.protocol.Param;
import haptic.server.link.CommandLink;
import haptic.server.link.EngineCommand;
import haptic.server.link.Telemetry;
import haptic.server.link.TelemetryLink;
import org.junit.jupiter.api.Test;

/** The audio callback glue, driven from the test thread as if it were the audio thread. */
class AudioCycleTest {
    private static final Param[] PARAMS = Param.values();
    private static final int FRAMES = 64;
    private static final float RATE = 48000f;

    private final CommandLink commands = new CommandLink(256);
    private final TelemetryLink telemetry = new TelemetryLink(4, Layout.TRANSDUCERS, 128);
    private final AudioCycle cycle = new AudioCycle(Layout.defaultLayout(), EngineSettings.defaults(), commands,
            telemetry, () -> 7L);
    private final float[][] out = new float[Layout.TRANSDUCERS][FRAMES];

    private void send(EngineCommand filled, long arrivalNanos) {
        filled.arrivalNanos = arrivalNanos;
        commands.publish(filled);
    }

    private static int onset(float[] channel) {
        for (int i = 0; i < channel.length; i++) {
            if (channel[i] != 0f) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void commandsLandAtTheirArrivalOffsetInTheNextPeriod() {
        cycle.prepare(RATE, FRAMES);
        cycle.process(out, FRAMES);
        long previousStart = cycle.periodStartNanos();
        // Arrivals 10 and 40 frames into the previous period must start 30 frames apart in this one.
        send(commands.claim().testPulse(3, 0.5f, 0.01f), previousStart + framesToNanos(10));
        send(commands.claim().testPulse(20, 0.5f, 0.01f), previousStart + framesToNanos(40));
        cycle.process(out, FRAMES);
        int first = onset(out[3]);
        int second = onset(out[20]);
        assertTrue(first >= 10 && first <= 12, "pulse on T04 starts at its offset, got " + first);
        assertEquals(30, second - first, "relative timing of events is kept inside the period");
        assertEquals(-1, onset(out[0]), "other transducers stay silent");
    }

    @Test
    void lateCommandsAreClampedIntoThePeriodAndKeepTheirOrder() {
        cycle.prepare(RATE, FRAMES);
        cycle.process(out, FRAMES);
        long previousStart = cycle.periodStartNanos();
        send(commands.claim().testPulse(1, 0.5f, 0.01f), previousStart + framesToNanos(500));
        send(commands.claim().testPulse(2, 0.5f, 0.01f), previousStart - framesToNanos(500));
        float[][] twoPeriods = new float[Layout.TRANSDUCERS][2 * FRAMES];
        cycle.process(out, FRAMES);
        copyInto(twoPeriods, 0);
        cycle.process(out, FRAMES);
        copyInto(twoPeriods, FRAMES);
        int late = onset(twoPeriods[1]);
        int early = onset(twoPeriods[2]);
        // Offset 63 is the latest a command can land; its window's first non-zero sample may be the next one.
        assertTrue(late >= FRAMES - 1 && late <= FRAMES + 1, "a command from the future lands at the period end: " + late);
        assertEquals(late, early, "offsets never go backwards, so the older command lands with (not before) it");
    }

    private void copyInto(float[][] dst, int at) {
        for (int ch = 0; ch < out.length; ch++) {
            System.arraycopy(out[ch], 0, dst[ch], at, FRAMES);
        }
    }

    @Test
    void publishesTelemetryAboutSixtyTimesASecond() {
        cycle.prepare(RATE, FRAMES);
        send(commands.claim().noteOn(0, 0, 45, 1f, 1f, 0f, 0.5f), 0);
        int published = 0;
        long lastFrame = 0;
        int periods = (int) (RATE / FRAMES); // one second
        for (int i = 0; i < periods; i++) {
            cycle.process(out, FRAMES);
            Telemetry t;
            while ((t = telemetry.poll()) != null) {
                published++;
                assertTrue(t.frame > lastFrame && t.frame <= (long) (i + 1) * FRAMES, "frame clock " + t.frame);
                lastFrame = t.frame;
                assertEquals(7L, t.xruns);
                assertEquals(1, t.activeVoices);
                assertEquals(1, t.voiceCount);
                telemetry.recycle(t);
            }
        }
        assertTrue(published >= 55 && published <= 65, "telemetry per second: " + published);
    }

    @Test
    void parametersSurviveAnEngineRebuildForANewSampleRate() {
        cycle.prepare(RATE, FRAMES);
        send(commands.claim().parameter(2, Param.GAIN, 0f), 0);
        cycle.process(out, FRAMES);
        cycle.prepare(44100f, FRAMES);
        assertNotNull(cycle.engine());
        send(commands.claim().noteOn(2, 0, 45, 1f, 1f, 0f, 0.5f), 0);
        float peak = 0;
        for (int i = 0; i < 200; i++) {
            cycle.process(out, FRAMES);
            for (float[] ch : out) {
                for (float v : ch) {
                    peak = Math.max(peak, Math.abs(v));
                }
            }
        }
        assertEquals(0f, peak, "instance 2 kept its gain of 0 after the rebuild");
        send(commands.claim().noteOn(3, 0, 45, 1f, 1f, 0f, 0.5f), 0);
        for (int i = 0; i < 200; i++) {
            cycle.process(out, FRAMES);
            for (float[] ch : out) {
                for (float v : ch) {
                    peak = Math.max(peak, Math.abs(v));
                }
            }
        }
        assertTrue(peak > 0.01f, "an instance with default gain is heard: " + peak);
    }

    @Test
    void processAllocatesNothingAcrossNotesStealingPanicAndParameters() {
        cycle.prepare(RATE, FRAMES);
        long tid = Thread.currentThread().getId();
        long before = 0;
        for (int round = 0; round < 3; round++) {
            if (round == 2) {
                before = ThreadAllocation.bytes(tid);
            }
            for (int period = 0; period < 400; period++) {
                EngineCommand c;
                while ((c = commands.claim()) != null && commands.pending() < 200) {
                    int k = period * 7 + commands.pending();
                    switch (k % 6) {
                        case 0: c.noteOn(k % 8, k % 16, k % 128, 0.9f, 0.5f, 0.3f, 0.7f); break;
                        case 1: c.expression(k % 8, k % 16, 0.8f, (k % 200) / 100f - 1f, 0.2f); break;
                        case 2: c.noteOff(k % 8, (k + 3) % 16, (k + 5) % 128); break;
                        case 3: c.parameter(k % 8, PARAMS[k % PARAMS.length], 0.5f); break;
                        case 4: c.testPulse(k % 32, 0.3f, 0.02f); break;
                        default: c.type = period % 50 == 0 ? EngineCommand.PANIC : EngineCommand.RELEASE_INSTANCE;
                            c.instance = k % 8;
                    }
                    c.arrivalNanos = System.nanoTime();
                    commands.publish(c);
                }
                if (c != null) {
                    commands.recycle(c);
                }
                cycle.process(out, FRAMES);
                Telemetry t;
                while ((t = telemetry.poll()) != null) {
                    telemetry.recycle(t);
                }
            }
        }
        long allocated = ThreadAllocation.bytes(tid) - before;
        // The test loop itself allocates nothing either (no boxing, no iterators), so any byte is the cycle's.
        assertEquals(0L, allocated, "bytes allocated by 400 periods of AudioCycle.process");
    }

    private static long framesToNanos(int frames) {
        return (long) (frames * 1e9 / RATE) + 1;
    }
}
