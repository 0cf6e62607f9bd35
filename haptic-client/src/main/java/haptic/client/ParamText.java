package haptic.client;

import haptic.protocol.Param;

import java.util.Locale;

/** How parameters and their numbers are written on the command line and in its help. */
final class ParamText {
    private ParamText() {
    }

    /** The parameter list for {@code haptic send param --help}, from {@link Param} so it never falls behind. */
    static String table() {
        StringBuilder b = new StringBuilder("parameters:%n");
        for (Param p : Param.values()) {
            b.append(String.format(Locale.ROOT, "  %-16s %s to %s%s  (default %s)  %s%%n", cliName(p),
                    number(p.min()), number(p.max()), p.unit().isEmpty() ? "" : " " + p.unit(),
                    number(p.defaultValue()), p.label()));
        }
        b.append(String.format(Locale.ROOT, "stimulus-type: %d wave from a point, %d standing wave field, "
                + "%d travelling wave field%%n", Param.STIMULUS_WAVE, Param.STIMULUS_STANDING,
                Param.STIMULUS_TRAVELLING));
        return b.toString();
    }

    static String cliName(Param p) {
        return p.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Shortest readable form: 200 rather than 200.0, 0.15 rather than 0.150000006. */
    static String number(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7f) {
            return Long.toString((long) v);
        }
        return Float.toString(v);
    }
}
