package haptic.server;

import haptic.testkit.ThreadAllocation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import haptic.engine.EngineSettings;
import haptic.engine.Layout;
import haptic.protocol.Param;
import haptic.protocol.Protocol;
import haptic.server.link.CommandLink;
import haptic.server.link.EngineCommand;
import haptic.server.link.Telemetry;
import haptic.server.link.TelemetryLink;
import org.junit.jupiter.api.Test;

/**
 * The audio callback glue, driven from the test thread as if it were the audio thread, on a clock the test
 * owns: period k starts at {@code T0 + k * period}, so every expected onset is an exact sample number.
 */
class AudioCycleTest {
    private static final Param[] PARAMS = Param.values();
    private static final int FRAMES = 64;
    private static final float RATE = 48000f;
    private static final long T0 = 1_000_000_000_000L;

    private final CommandLink commands = new CommandLink(512);
    private final TelemetryLink telemetry = new TelemetryLink(4, Layout.TRANSDUCERS, 128);
    private final AudioCycle cycle = new AudioCycle(Layout.defaultLayout(), EngineSettings.defaults(), commands,
            telemetry, () -> 7L);
    private final float[][] out = new float[Layout.TRANSDUCERS][FRAMES];
    /** Periods processed; the next one starts at {@link #frameTime}(periods * FRAMES). */
    private long periods;

    private void send(EngineCommand filled, long arrivalNanos, long time) {
        filled.arrivalNanos = arrivalNanos;
        filled.time = time;
        commands.publish(filled);
    }

    /** SharedClock time of absolute frame {@code f}. */
    private static long frameTime(long f) {
        return T0 + Math.round(f * 1e9 / RATE);
    }

    private void period() {
        cycle.process(out, FRAMES, frameTime(periods * FRAMES));
        periods++;
    }

    /** Runs {@code n} periods and returns what they wrote, channel by channel. */
    private float[][] record(int n) {
        float[][] all = new float[Layout.TRANSDUCERS][n * FRAMES];
        for (int i = 0; i < n; i++) {
            period();
            for (int ch = 0; ch < out.length; ch++) {
                System.arraycopy(out[ch], 0, all[ch], i * FRAMES, FRAMES);
            }
        }
        return all;
    }

    /** A test pulse's ramp starts from zero: its first non-zero sample follows the one it was applied at. */
    private static final int PULSE_RAMP = 1;

    /** The frame a pulse was applied at, -1 if the channel stayed silent. */
    private static int onset(float[] channel) {
        for (int i = 0; i < channel.length; i++) {
            if (channel[i] != 0f) {
                return i - PULSE_RAMP;
            }
        }
        return -1;
    }

    private static long nanos(double ms) {
        return Math.round(ms * 1e6);
    }

    @Test
    void untimedCommandsLandOnePeriodAfterTheyArrived() {
        cycle.prepare(RATE, FRAMES);
        period();
        long start = periods * FRAMES; // the recording's first frame
        send(commands.claim().testPulse(3, 0.5f, 0.01f), frameTime(start - FRAMES + 10), Protocol.UNTIMED);
        send(commands.claim().testPulse(20, 0.5f, 0.01f), frameTime(start - FRAMES + 40), Protocol.UNTIMED);
        float[][] got = record(2);
        assertEquals(10, onset(got[3]), "arrived 10 frames into the previous period");
        assertEquals(40, onset(got[20]), "relative timing of untimed events is kept");
        assertEquals(-1, onset(got[0]), "other transducers stay silent");
    }

    @Test
    void timedCommandsSoundAtTheirTimePlusTheInstanceLatency() {
        cycle.prepare(RATE, FRAMES);
        send(commands.claim().hostBlock(0, RATE, 1024), frameTime(0), Protocol.UNTIMED);
        period();
        // L = host block (1024) + server period (64) + 0.3 ms base margin = 1088 frames + 14.4 frames.
        double latencyFrames = 1024 + FRAMES + 0.3e-3 * RATE;
        int[] eventFrames = {130, 131, 275, 1000, 1003};
        for (int i = 0; i < eventFrames.length; i++) {
            EngineCommand p = commands.claim().testPulse(i, 0.5f, 0.005f);
            p.instance = 0;
            send(p, frameTime(periods * FRAMES), frameTime(eventFrames[i]));
        }
        float[][] got = record(60);
        long recordingStart = FRAMES;
        for (int i = 0; i < eventFrames.length; i++) {
            long expected = (long) Math.ceil(eventFrames[i] + latencyFrames - 1e-6) - recordingStart;
            assertEquals(expected, onset(got[i]), "pulse " + i + " timed at frame " + eventFrames[i]);
        }
        assertEquals(1, onset(got[1]) - onset(got[0]), "events one sample apart stay one sample apart");
        assertEquals(0L, cycle.scheduler().lateCommands());
    }

    @Test
    void syncOffsetAndFixedLatencyMoveTheInstance() {
        cycle.prepare(RATE, FRAMES);
        EngineCommand fixed = commands.claim().parameter(1, Param.LATENCY, 10f);
        send(fixed, frameTime(0), Protocol.UNTIMED);
        EngineCommand sync = commands.claim().parameter(1, Param.SYNC_OFFSET, -2.5f);
        send(sync, frameTime(0), Protocol.UNTIMED);
        period();
        period();
        EngineCommand p = commands.claim().testPulse(7, 0.5f, 0.005f);
        p.instance = 1;
        send(p, frameTime(periods * FRAMES), frameTime(200));
        float[][] got = record(20);
        long expected = 200 + Math.round(7.5e-3 * RATE) - 2 * FRAMES;
        assertEquals(expected, onset(got[7]), "10 ms fixed latency less 2.5 ms sync offset");
    }

    @Test
    void aLateCommandPlaysAtOnceIsCountedAndTeachesTheLatency() {
        cycle.prepare(RATE, FRAMES);
        period();
        float before = cycle.scheduler().latency().latencyMs(2);
        EngineCommand p = commands.claim().testPulse(5, 0.5f, 0.005f);
        p.instance = 2;
        // Its slot (time + L) lies 10 ms before this period.
        send(p, frameTime(periods * FRAMES), frameTime(periods * FRAMES) - nanos(10) - nanos(before));
        float[][] got = record(2);
        assertEquals(0, onset(got[5]), "late: the earliest sample of the period");
        assertEquals(1L, cycle.scheduler().lateCommands());
        assertTrue(cycle.scheduler().worstLateMs() >= 9.9f, "worst lateness " + cycle.scheduler().worstLateMs());
        float after = cycle.scheduler().latency().latencyMs(2);
        assertTrue(after >= before + 10f, "latency grew from " + before + " to " + after);
    }

    @Test
    void unusableTimesAreCountedAndPlayedAsUntimed() {
        cycle.prepare(RATE, FRAMES);
        period();
        long now = frameTime(periods * FRAMES);
        send(commands.claim().testPulse(8, 0.5f, 0.005f), now - nanos(1), -5L);
        send(commands.claim().testPulse(9, 0.5f, 0.005f), now - nanos(1), now + 11_000_000_000L);
        float[][] got = record(3);
        assertTrue(onset(got[8]) >= -1 && onset(got[8]) < FRAMES, "negative time: played as untimed " + onset(got[8]));
        assertTrue(onset(got[9]) >= 0 && onset(got[9]) < FRAMES, "11 s ahead: played as untimed " + onset(got[9]));
        assertEquals(2L, cycle.scheduler().timeFaults());
    }

    @Test
    void aNoteOffTimedBeforeItsNoteOnStillReleasesTheVoice() {
        cycle.prepare(RATE, FRAMES);
        send(commands.claim().parameter(0, Param.RELEASE, 0.005f), frameTime(0), Protocol.UNTIMED);
        period();
        long at = frameTime(periods * FRAMES);
        send(commands.claim().noteOn(0, 0, 45, 1f, 1f, 0f, 0.5f), at, at);
        send(commands.claim().noteOff(0, 0, 45), at, at - nanos(50));
        record(100);
        assertEquals(0, cycle.engine().activeVoices(), "the voice was released, not left sounding");
    }

    @Test
    void aNoteShorterThanAPeriodSoundsForItsLength() {
        int big = 1024;
        float[][] buffer = new float[Layout.TRANSDUCERS][big];
        cycle.prepare(RATE, big);
        send(commands.claim().parameter(0, Param.ATTACK, 0.001f), frameTime(0), Protocol.UNTIMED);
        send(commands.claim().parameter(0, Param.RELEASE, 0.005f), frameTime(0), Protocol.UNTIMED);
        cycle.process(buffer, big, frameTime(0));
        // Both ends inside one 1024-frame period once the latency is added: 5 ms apart.
        long on = frameTime(big + 100) - nanos(cycle.scheduler().latency().delayNanos(0) / 1e6);
        send(commands.claim().noteOn(0, 0, 45, 1f, 1f, 0f, 0.5f), frameTime(big), on);
        send(commands.claim().noteOff(0, 0, 45), frameTime(big), on + nanos(5));
        float peakShort = 0;
        for (int k = 1; k < 8; k++) {
            cycle.process(buffer, big, frameTime((long) k * big));
            for (float[] ch : buffer) {
                for (float v : ch) {
                    peakShort = Math.max(peakShort, Math.abs(v));
                }
            }
        }
        assertTrue(peakShort > 0.1f, "a 5 ms note inside one period is heard: peak " + peakShort);
        assertEquals(0, cycle.engine().activeVoices());
    }

    @Test
    void tenThousandFutureEventsWaitAndPlayInOrderWithoutAllocating() {
        cycle.prepare(RATE, FRAMES);
        period();
        long tid = Thread.currentThread().getId();
        // Rounds until one allocates nothing: the first ones overlap the JIT's work (a deoptimisation rebuilds
        // scalar-replaced objects on this thread), which on a loaded machine can take several rounds. A steady
        // per-period allocation fails every round.
        long allocated = -1;
        long startFrame = 0;
        for (int round = 0; round < 8 && allocated != 0; round++) {
            startFrame = periods * FRAMES;
            long before = ThreadAllocation.bytes(tid);
            playPulses(10_000);
            allocated = round < 2 ? -1 : ThreadAllocation.bytes(tid) - before;
        }
        assertEquals(0L, allocated, "bytes allocated while 10 000 future events waited and played");
        assertEquals(0L, cycle.scheduler().lateCommands(), "none of them late");
        assertTrue((periods * FRAMES - startFrame) / RATE >= 9.99, "they played over their 10 s, not at once");
    }

    /** Sends {@code n} pulses 1 ms apart as fast as the link takes them, and runs periods until all have played. */
    private void playPulses(int n) {
        long base = frameTime(periods * FRAMES);
        int sent = 0;
        while (sent < n || cycle.scheduler().waiting() > 0 || commands.pending() > 0) {
            EngineCommand c;
            while (sent < n && (c = commands.claim()) != null) {
                c.testPulse(sent % 32, 0.2f, 0.0005f);
                c.instance = -1;
                c.arrivalNanos = base;
                c.time = base + sent * 1_000_000L;
                commands.publish(c);
                sent++;
            }
            period();
            Telemetry t;
            while ((t = telemetry.poll()) != null) {
                telemetry.recycle(t);
            }
        }
    }

    @Test
    void publishesTelemetryAboutSixtyTimesASecond() {
        cycle.prepare(RATE, FRAMES);
        send(commands.claim().noteOn(0, 0, 45, 1f, 1f, 0f, 0.5f), 0, Protocol.UNTIMED);
        int published = 0;
        long lastFrame = 0;
        int n = (int) (RATE / FRAMES); // one second
        for (int i = 0; i < n; i++) {
            period();
            Telemetry t;
            while ((t = telemetry.poll()) != null) {
                published++;
                assertTrue(t.frame > lastFrame && t.frame <= (long) (i + 1) * FRAMES, "frame clock " + t.frame);
                lastFrame = t.frame;
                assertEquals(7L, t.xruns);
                assertEquals(1, t.activeVoices);
                assertEquals(1, t.voiceCount);
                assertTrue(t.latencyMs[0] > 1.3f, "latency reported: " + t.latencyMs[0]);
                telemetry.recycle(t);
            }
        }
        assertTrue(published >= 55 && published <= 65, "telemetry per second: " + published);
    }

    @Test
    void parametersSurviveAnEngineRebuildForANewSampleRate() {
        cycle.prepare(RATE, FRAMES);
        send(commands.claim().parameter(2, Param.GAIN, 0f), 0, Protocol.UNTIMED);
        period();
        cycle.prepare(44100f, FRAMES);
        assertNotNull(cycle.engine());
        send(commands.claim().noteOn(2, 0, 45, 1f, 1f, 0f, 0.5f), 0, Protocol.UNTIMED);
        float peak = 0;
        for (int i = 0; i < 200; i++) {
            period();
            for (float[] ch : out) {
                for (float v : ch) {
                    peak = Math.max(peak, Math.abs(v));
                }
            }
        }
        assertEquals(0f, peak, "instance 2 kept its gain of 0 after the rebuild");
        send(commands.claim().noteOn(3, 0, 45, 1f, 1f, 0f, 0.5f), 0, Protocol.UNTIMED);
        for (int i = 0; i < 200; i++) {
            period();
            for (float[] ch : out) {
                for (float v : ch) {
                    peak = Math.max(peak, Math.abs(v));
                }
            }
        }
        assertTrue(peak > 0.01f, "an instance with default gain is heard: " + peak);
    }

    @Test
    void processAllocatesNothingAcrossNotesStealingPanicParametersAndTimes() {
        cycle.prepare(RATE, FRAMES);
        long tid = Thread.currentThread().getId();
        long before = 0;
        long[] times = new long[5];
        for (int round = 0; round < 3; round++) {
            if (round == 2) {
                before = ThreadAllocation.bytes(tid);
            }
            for (int p = 0; p < 400; p++) {
                EngineCommand c;
                long now = frameTime(periods * FRAMES);
                // Untimed, on time, late, far ahead and negative, in turn.
                times[0] = Protocol.UNTIMED;
                times[1] = now;
                times[2] = now - nanos(20);
                times[3] = now + nanos(30);
                times[4] = -1L;
                while ((c = commands.claim()) != null && commands.pending() < 200) {
                    int k = p * 7 + commands.pending();
                    switch (k % 7) {
                        case 0: c.noteOn(k % 8, k % 16, k % 128, 0.9f, 0.5f, 0.3f, 0.7f); break;
                        case 1: c.expression(k % 8, k % 16, 0.8f, (k % 200) / 100f - 1f, 0.2f); break;
                        case 2: c.noteOff(k % 8, (k + 3) % 16, (k + 5) % 128); break;
                        case 3: c.parameter(k % 8, PARAMS[k % PARAMS.length], 0.5f); break;
                        case 4: c.testPulse(k % 32, 0.3f, 0.02f); break;
                        case 5: c.hostBlock(k % 8, RATE, 64 << (k % 5)); break;
                        default: c.type = p % 50 == 0 ? EngineCommand.PANIC : EngineCommand.RELEASE_INSTANCE;
                            c.instance = k % 8;
                    }
                    c.arrivalNanos = now;
                    c.time = times[k % times.length];
                    commands.publish(c);
                }
                if (c != null) {
                    commands.recycle(c);
                }
                period();
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
}
