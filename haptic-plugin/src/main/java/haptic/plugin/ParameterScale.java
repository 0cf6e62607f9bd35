package haptic.plugin;

import haptic.protocol.Param;

/**
 * How a host's normalised 0..1 maps onto a {@link Param}'s range: the stimulus type as a list, wave speed
 * logarithmically (1 to 200 m/s is a ratio, and the musically useful slow end would otherwise be a
 * sliver), everything else linearly.
 */
final class ParameterScale {
    private ParameterScale() {
    }

    static boolean logarithmic(Param p) {
        return p == Param.WAVE_SPEED;
    }

    /** VST3 stepCount: 0 for continuous parameters, else the number of steps between min and max. */
    static int stepCount(Param p) {
        return p.discrete() ? Math.round(p.max() - p.min()) : 0;
    }

    static double toPlain(Param p, double normalized) {
        double v = Math.max(0.0, Math.min(1.0, normalized));
        int steps = stepCount(p);
        if (steps > 0) {
            // VST3's convention for discrete values: each step owns an equal share of 0..1.
            return p.min() + Math.min(steps, Math.floor(v * (steps + 1)));
        }
        if (logarithmic(p)) {
            return p.min() * Math.pow((double) p.max() / p.min(), v);
        }
        return p.min() + v * ((double) p.max() - p.min());
    }

    static double toNormalized(Param p, double plain) {
        double x = Math.max(p.min(), Math.min(p.max(), plain));
        int steps = stepCount(p);
        if (steps > 0) {
            return Math.round(x - p.min()) / (double) steps;
        }
        if (logarithmic(p)) {
            return Math.log(x / p.min()) / Math.log((double) p.max() / p.min());
        }
        return (x - p.min()) / ((double) p.max() - p.min());
    }
}
