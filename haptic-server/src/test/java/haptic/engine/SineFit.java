package haptic.engine;

/**
 * Least-squares fit of s[t] ≈ a·sin(ωt) + b·cos(ωt) over a window, giving the amplitude and the delay
 * (in samples) of a sine A·sin(ω(t − delay)). Independent of the engine's own oscillator and taps.
 */
final class SineFit {
    /** Coefficient of sin(ωt). */
    final double a;
    /** Coefficient of cos(ωt). */
    final double b;
    final double amplitude;
    /** Delay in samples, in [0, period). */
    final double delay;

    SineFit(float[] s, int from, int to, double omega) {
        double ss = 0;
        double cc = 0;
        double sc = 0;
        double ys = 0;
        double yc = 0;
        for (int t = from; t < to; t++) {
            double sn = Math.sin(omega * t);
            double cs = Math.cos(omega * t);
            ss += sn * sn;
            cc += cs * cs;
            sc += sn * cs;
            ys += s[t] * sn;
            yc += s[t] * cs;
        }
        double det = ss * cc - sc * sc;
        a = (ys * cc - yc * sc) / det;
        b = (yc * ss - ys * sc) / det;
        // A·sin(ωt − φ) = A·cos φ·sin ωt − A·sin φ·cos ωt
        amplitude = Math.hypot(a, b);
        double phi = Math.atan2(-b, a);
        if (phi < 0) {
            phi += 2 * Math.PI;
        }
        delay = phi / omega;
    }

    /** Distance between two delays modulo the period, in samples. */
    static double delayError(double measured, double expected, double omega) {
        double period = 2 * Math.PI / omega;
        double e = (measured - expected) % period;
        if (e > period / 2) {
            e -= period;
        } else if (e < -period / 2) {
            e += period;
        }
        return e;
    }
}
