package haptic.engine;

import haptic.testkit.ThreadAllocation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import haptic.protocol.Param;
import org.junit.jupiter.api.Test;

/** After warm-up, rendering and every command must allocate nothing on the calling (audio) thread. */
class AllocationTest {
    private static final int FRAMES = 256;

    private final Engine engine = new Engine(Layout.defaultLayout(),
            EngineSettings.defaults().withWaveVoices(24).withFieldVoices(8).withInstances(4));
    private final LevelMeter meter = new LevelMeter(Layout.TRANSDUCERS);
    private final float[][] out = new float[Layout.TRANSDUCERS][FRAMES];
    private final float[] peak = new float[Layout.TRANSDUCERS];
    private final float[] rms = new float[Layout.TRANSDUCERS];
    private final float[] xy = new float[64];
    private long sink;

    /** One audio period's worth of everything the glue may do, varied by k. */
    private void period(int k) {
        Engine e = engine;
        // Note bursts beyond the pools force stealing in both.
        for (int n = 0; n < 20; n++) {
            int inst = (k + n) & 3;
            e.noteOn(inst, n & 15, 30 + ((k * 7 + n * 5) & 63), 0.3f + (n & 3) * 0.2f, 0.5f,
                    ((k + n) % 9) / 4.5f - 1f, (n % 4) / 3f);
        }
        e.render(out, 0, 17);
        e.expression(k & 3, k & 15, (k & 7) / 7f, (float) Math.sin(k * 0.1), (k & 3) / 3f);
        e.expression((k + 1) & 3, 3, 0.2f, -0.4f, 0.9f);
        e.setParameter(k & 3, Param.DECAY_KNEE, 0.05f + (k % 10) * 0.05f);
        e.setParameter(k & 3, Param.DECAY_EXPONENT, (k % 5) * 0.8f);
        e.setParameter((k + 1) & 3, Param.GAIN, (k % 3) * 0.7f);
        e.setParameter((k + 2) & 3, Param.STIMULUS_TYPE, k % 3);
        e.setParameter((k + 3) & 3, Param.WAVE_SPEED, 2f + (k % 40) * 5f);
        e.setParameter(k & 3, Param.ATTACK, 0.001f + (k % 4) * 0.01f);
        e.setParameter(k & 3, Param.RELEASE, 0.005f + (k % 4) * 0.02f);
        e.setParameter(0, Param.MASTER_GAIN, 0.5f + (k % 3) * 0.5f);
        e.render(out, 17, 100);
        for (int n = 0; n < 20; n += 3) {
            e.noteOff((k + n) & 3, n & 15, 30 + ((k * 7 + n * 5) & 63));
        }
        e.noteOff(3, 15, 127);
        if (k % 7 == 0) {
            e.releaseInstance(k & 3);
        }
        if (k % 11 == 0) {
            e.testPulse(k & 31, 0.5f, 0.05f);
        }
        if (k % 13 == 0) {
            e.resetInstance((k + 2) & 3);
        }
        if (k % 17 == 0) {
            e.panic();
        }
        e.setMasterGain(1f);
        e.render(out, 100, 101);
        e.render(out, 101, 101);
        e.render(out, 101, FRAMES);
        meter.accumulate(out, FRAMES);
        if ((k & 3) == 0) {
            meter.takeInto(peak, rms);
        }
        sink += e.voiceSources(xy, 32) + e.activeVoices() + e.clampCount() + e.nonFiniteCount() + e.stolenCount()
                + (long) e.minWaveSpeed();
    }

    @Test
    void renderingAndCommandsAllocateNothing() {
        long thread = Thread.currentThread().getId();
        for (int k = 0; k < 3000; k++) {
            period(k);
        }
        // The probe itself may cost something; measure it with nothing in between and subtract.
        long a = ThreadAllocation.bytes(thread);
        long b = ThreadAllocation.bytes(thread);
        long probe = b - a;
        long before = ThreadAllocation.bytes(thread);
        for (int k = 3000; k < 8000; k++) {
            period(k);
        }
        long after = ThreadAllocation.bytes(thread);
        assertEquals(0, after - before - probe, "bytes allocated by 5000 periods");
        assertTrue(engine.stolenCount() > 1000, "the periods did exercise stealing");
        assertTrue(sink != 0);
    }
}
