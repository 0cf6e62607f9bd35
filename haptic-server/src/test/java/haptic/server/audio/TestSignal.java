package haptic.server.audio;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * An engine stand-in: renders a deterministic multichannel signal and checks the callback contract
 * (prepare before process, never two threads inside process, never more frames than prepared).
 */
final class TestSignal implements AudioCallback {
    // Not compile-time constants: the literals are resolved once, when the class initialises on the test
    // thread, so a C2 compilation requested later from the audio thread has no strings left to intern there.
    private static final String TWO_THREADS = String.valueOf("two threads inside process()");
    private static final String BEFORE_PREPARE = String.valueOf("process() before prepare()");
    private static final String TOO_MANY_FRAMES = String.valueOf("more frames than prepared");
    private final AtomicInteger inside = new AtomicInteger();
    private long sample;
    volatile long processThreadId;
    volatile long calls;
    volatile int prepares;
    volatile float preparedRate;
    volatile int preparedFrames;
    volatile boolean contractBroken;
    volatile String contractProblem = String.valueOf("");

    /**
     * Sample {@code n} of channel {@code ch}. Every value is a multiple of 2^-16, so it survives float copies
     * exactly; channel 0 is a ramp from which the sample index (mod 65536) can be read back.
     */
    static float value(int ch, long n) {
        int k = (int) (n & 0xFFFF);
        if (ch == 0) {
            return k / 65536f;
        }
        return ((k * (2 * ch + 1) + ch * 4099) & 0xFFFF) / 65536f - 0.5f;
    }

    /** Index (mod 65536) encoded in a channel-0 sample. */
    static long indexOf(float channel0) {
        return Math.round(channel0 * 65536.0) & 0xFFFF;
    }

    @Override
    public void prepare(float sampleRate, int maxFrames) {
        preparedRate = sampleRate;
        preparedFrames = maxFrames;
        prepares = prepares + 1;
    }

    @Override
    public void process(float[][] out, int frames, long firstFrameNanos) {
        if (inside.incrementAndGet() != 1) {
            breakContract(TWO_THREADS);
        }
        if (processThreadId == 0) {
            processThreadId = Thread.currentThread().getId();
        }
        if (prepares == 0) {
            breakContract(BEFORE_PREPARE);
        }
        if (frames > preparedFrames) {
            breakContract(TOO_MANY_FRAMES);
        }
        long n = sample;
        for (int ch = 0; ch < out.length; ch++) {
            float[] o = out[ch];
            for (int i = 0; i < frames; i++) {
                o[i] = value(ch, n + i);
            }
        }
        sample = n + frames;
        calls = calls + 1;
        inside.decrementAndGet();
    }

    private void breakContract(String problem) {
        contractProblem = problem;
        contractBroken = true;
    }
}
