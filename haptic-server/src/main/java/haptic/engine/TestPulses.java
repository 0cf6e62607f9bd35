package haptic.engine;

/**
 * Hardware bring-up bursts: an 80 Hz sine under a Hann window on a single transducer, outside the voice
 * pools so a pulse can never steal a note or be stolen. One slot per transducer; a new pulse restarts it.
 */
final class TestPulses {
    static final double FREQUENCY = 80.0;
    static final float MIN_SECONDS = 0.005f;
    static final float MAX_SECONDS = 5f;

    private final float sampleRate;
    private final double rotCos;
    private final double rotSin;
    private final boolean[] active = new boolean[Layout.TRANSDUCERS];
    private final int[] remaining = new int[Layout.TRANSDUCERS];
    private final float[] amplitude = new float[Layout.TRANSDUCERS];
    private final double[] oscCos = new double[Layout.TRANSDUCERS];
    private final double[] oscSin = new double[Layout.TRANSDUCERS];
    /** The window is 0.5 − 0.5·cos(2πn/N): a second phasor per slot, one turn per pulse. */
    private final double[] winCos = new double[Layout.TRANSDUCERS];
    private final double[] winSin = new double[Layout.TRANSDUCERS];
    private final double[] winRotCos = new double[Layout.TRANSDUCERS];
    private final double[] winRotSin = new double[Layout.TRANSDUCERS];
    /** Samples left of a panic fade, 0 when not fading. */
    private final int[] fadeLeft = new int[Layout.TRANSDUCERS];

    TestPulses(float sampleRate) {
        this.sampleRate = sampleRate;
        double w = 2.0 * Math.PI * FREQUENCY / sampleRate;
        rotCos = Math.cos(w);
        rotSin = Math.sin(w);
    }

    void start(int transducer, float amp, float seconds) {
        int length = Math.max(2, Math.round(seconds * sampleRate));
        double w = 2.0 * Math.PI / length;
        active[transducer] = true;
        remaining[transducer] = length;
        amplitude[transducer] = amp;
        oscCos[transducer] = 1.0;
        oscSin[transducer] = 0.0;
        winCos[transducer] = 1.0;
        winSin[transducer] = 0.0;
        winRotCos[transducer] = Math.cos(w);
        winRotSin[transducer] = Math.sin(w);
        fadeLeft[transducer] = 0;
    }

    /** Panic: every pulse reaches zero within {@link Engine#FADE_SAMPLES}. */
    void fadeOut() {
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            if (active[i] && fadeLeft[i] == 0) {
                fadeLeft[i] = Engine.FADE_SAMPLES;
            }
        }
    }

    void render(float[][] mix, int n) {
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            if (active[i]) {
                renderOne(i, mix[i], n);
            }
        }
    }

    private void renderOne(int i, float[] o, int n) {
        double c = oscCos[i];
        double s = oscSin[i];
        double wc = winCos[i];
        double ws = winSin[i];
        double wrc = winRotCos[i];
        double wrs = winRotSin[i];
        double amp = amplitude[i];
        int left = remaining[i];
        int fade = fadeLeft[i];
        int m = Math.min(n, left);
        if (fade > 0) {
            m = Math.min(m, fade);
        }
        for (int j = 0; j < m; j++) {
            double window = 0.5 - 0.5 * wc;
            double v = amp * window * s;
            if (fade > 0) {
                v *= (fade - j) / (double) Engine.FADE_SAMPLES;
            }
            o[j] += (float) v;
            double nc = c * rotCos - s * rotSin;
            s = c * rotSin + s * rotCos;
            c = nc;
            double nwc = wc * wrc - ws * wrs;
            ws = wc * wrs + ws * wrc;
            wc = nwc;
        }
        remaining[i] = left - m;
        if (fade > 0) {
            fadeLeft[i] = fade - m;
        }
        if (remaining[i] == 0 || (fade > 0 && fadeLeft[i] == 0)) {
            active[i] = false;
            fadeLeft[i] = 0;
            return;
        }
        double norm = 1.5 - 0.5 * (c * c + s * s);
        oscCos[i] = c * norm;
        oscSin[i] = s * norm;
        double wnorm = 1.5 - 0.5 * (wc * wc + ws * ws);
        winCos[i] = wc * wnorm;
        winSin[i] = ws * wnorm;
    }

    boolean active(int transducer) {
        return active[transducer];
    }
}
