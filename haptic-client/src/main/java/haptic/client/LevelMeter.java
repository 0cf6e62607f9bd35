package haptic.client;

import haptic.protocol.EngineStatus;
import haptic.protocol.LayoutInfo;
import haptic.protocol.TransducerLevels;

import java.util.Locale;

/** Renders level reports as one line of text: a character per transducer plus the loudest one. */
final class LevelMeter {
    /** Plain ASCII so the meter survives any terminal encoding; blank is silence, '@' full scale. */
    static final String RAMP = " .:-=+*#%@";

    private LevelMeter() {
    }

    /** Any signal at all shows as at least '.', so a faint transducer is never mistaken for a dead one. */
    static char glyph(float peak) {
        if (!(peak > 0f)) {
            return RAMP.charAt(0);
        }
        int top = RAMP.length() - 1;
        int step = (int) Math.ceil(Math.min(peak, 1f) * top);
        return RAMP.charAt(Math.max(1, Math.min(top, step)));
    }

    static String bars(float[] peak) {
        StringBuilder b = new StringBuilder(peak.length);
        for (float p : peak) {
            b.append(glyph(p));
        }
        return b.toString();
    }

    static String line(TransducerLevels levels, LayoutInfo layout) {
        float[] peak = levels.peak();
        int loudest = -1;
        for (int i = 0; i < peak.length; i++) {
            if (loudest < 0 || peak[i] > peak[loudest]) {
                loudest = i;
            }
        }
        String max = loudest < 0 ? "" : String.format(Locale.ROOT, "  max %.3f %s", peak[loudest],
                name(layout, loudest));
        return String.format(Locale.ROOT, "%12d |%s|%s", levels.frame(), bars(peak), max);
    }

    static String statusLine(EngineStatus s) {
        return String.format(Locale.ROOT, "status: %d voices, load %.1f%%, %d xruns, %d clamped samples, "
                + "%d controllers, %d observers", s.activeVoices(), s.loadPercent(), s.xruns(), s.clampCount(),
                s.controllers(), s.observers());
    }

    /** The parts of a status worth a new line when they change; load alone flickers too much. */
    static String statusKey(EngineStatus s) {
        return s.activeVoices() + "/" + s.xruns() + "/" + s.clampCount() + "/" + s.controllers() + "/"
                + s.observers();
    }

    static String name(LayoutInfo layout, int index) {
        return index < layout.names().length ? layout.names()[index] : "#" + (index + 1);
    }
}
