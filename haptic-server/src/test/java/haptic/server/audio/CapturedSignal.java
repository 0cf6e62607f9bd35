package haptic.server.audio;

import haptic.testkit.JackCapture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks a {@link JackCapture} recording against {@link TestSignal}, period by period. */
final class CapturedSignal {
    private CapturedSignal() {
    }

    /**
     * Verifies every period-aligned block in [from, to) whose channels are not all silent: block by block, the
     * sample index is read from channel 0 and every channel must equal the signal exactly from there.
     * Silent blocks are cycles JACK skipped; they are not counted.
     *
     * @return the number of blocks verified
     */
    static int verify(JackCapture capture, long from, long to, int period) {
        int verified = 0;
        for (long b = from; b + period <= to; b += period) {
            int start = (int) b;
            if (silent(capture, start, period)) {
                continue;
            }
            long n0 = TestSignal.indexOf(capture.channel(0)[start]);
            for (int ch = 0; ch < capture.channelCount(); ch++) {
                float[] got = capture.channel(ch);
                for (int i = 0; i < period; i++) {
                    float expected = TestSignal.value(ch, n0 + i);
                    if (got[start + i] != expected) {
                        assertEquals(expected, got[start + i], "channel " + ch + ", capture frame " + (start + i));
                    }
                }
            }
            verified++;
        }
        return verified;
    }

    private static boolean silent(JackCapture capture, int start, int period) {
        for (int ch = 0; ch < capture.channelCount(); ch++) {
            float[] c = capture.channel(ch);
            for (int i = start; i < start + period; i++) {
                if (c[i] != 0f) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Period-aligned position at least {@code margin} periods after what the capture holds now. */
    static long alignedAfterNow(JackCapture capture, int period, int margin) {
        return (capture.frames() / period + margin) * period;
    }
}
