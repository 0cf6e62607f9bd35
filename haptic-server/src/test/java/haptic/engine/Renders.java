package haptic.engine;

/** Rendering helpers for tests: whole signals per transducer, rendered in uneven pieces. */
final class Renders {
    private Renders() {
    }

    static float[][] buffer(int samples) {
        return new float[Layout.TRANSDUCERS][samples];
    }

    /** Renders [from, to) of {@code out} in pieces of varying length, so no test depends on 64-sample blocks. */
    static void render(Engine e, float[][] out, int from, int to) {
        int[] pieces = {64, 37, 128, 1, 200, 63, 5};
        int pos = from;
        for (int k = 0; pos < to; k++) {
            int n = Math.min(pieces[k % pieces.length], to - pos);
            e.render(out, pos, pos + n);
            pos += n;
        }
    }

    static float[][] render(Engine e, int samples) {
        float[][] out = buffer(samples);
        render(e, out, 0, samples);
        return out;
    }

    static double rms(float[] s, int from, int to) {
        double sum = 0;
        for (int t = from; t < to; t++) {
            sum += (double) s[t] * s[t];
        }
        return Math.sqrt(sum / (to - from));
    }

    static float peak(float[][] out, int from, int to) {
        float p = 0;
        for (float[] ch : out) {
            for (int t = from; t < to; t++) {
                p = Math.max(p, Math.abs(ch[t]));
            }
        }
        return p;
    }

    static int firstNonZero(float[] s) {
        for (int t = 0; t < s.length; t++) {
            if (s[t] != 0f) {
                return t;
            }
        }
        return -1;
    }

    /** Source x for a bend, computed the way the brief defines it, independently of the engine. */
    static double sourceX(Layout l, double bend) {
        return l.minX() + (bend + 1) / 2 * (l.maxX() - l.minX());
    }

    static double sourceY(Layout l, double timbre) {
        return l.minY() + timbre * (l.maxY() - l.minY());
    }

    static double frequency(int note) {
        return Math.max(20, Math.min(200, 440 * Math.pow(2, (note - 69) / 12.0)));
    }
}
