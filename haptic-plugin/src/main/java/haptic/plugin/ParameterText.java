package haptic.plugin;

import haptic.protocol.Param;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the host shows and parses for each parameter: info lines, value text, plain units. Host thread only. */
final class ParameterText {
    /** VST3 ParameterInfo flags. */
    static final int CAN_AUTOMATE = 1;
    static final int IS_LIST = 8;
    static final int IS_HIDDEN = 16;

    /** Names of the stimulus types, indexed by Param.STIMULUS_* value. */
    static final String[] STIMULUS_NAMES = {"Wave", "Standing", "Travelling"};

    private static final String[] MIDI_TITLES = {
        "pitch bend", "channel aftertouch", "CC74 timbre", "CC101 RPN select MSB", "CC100 RPN select LSB",
        "CC6 data entry", "CC38 data entry LSB", "CC64 sustain", "CC120 all sound off", "CC123 all notes off",
    };
    private static final String[] MIDI_SHORT = {
        "Bend", "AT", "CC74", "CC101", "CC100", "CC6", "CC38", "CC64", "CC120", "CC123",
    };
    private static final Pattern NUMBER = Pattern.compile("^[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private ParameterText() {
    }

    /** {@code id \t title \t shortTitle \t units \t stepCount \t defaultNormalized \t flags}, or null for a bad index. */
    static String info(int index) {
        if (index < 0 || index >= ParameterCatalog.COUNT) {
            return null;
        }
        int id = ParameterCatalog.idAt(index);
        Param p = ParameterCatalog.automatable(id);
        String title;
        String shortTitle;
        String units;
        int steps;
        int flags;
        if (p != null) {
            title = p.label();
            shortTitle = p.label();
            units = p.unit();
            steps = ParameterScale.stepCount(p);
            flags = CAN_AUTOMATE | (p.discrete() ? IS_LIST : 0);
        } else {
            int kind = MidiParameters.kindOf(id);
            int channel = MidiParameters.channelOf(id) + 1;
            title = "MIDI ch " + channel + " " + MIDI_TITLES[kind];
            shortTitle = MIDI_SHORT[kind] + " " + channel;
            units = "";
            steps = MidiParameters.stepCount(id);
            flags = IS_HIDDEN;
        }
        return id + "\t" + title + "\t" + shortTitle + "\t" + units + "\t" + steps + "\t"
                + ParameterCatalog.defaultNormalized(index) + "\t" + flags;
    }

    static double toPlain(int id, double normalized) {
        Param p = ParameterCatalog.automatable(id);
        if (p != null) {
            return ParameterScale.toPlain(p, normalized);
        }
        if (MidiParameters.isMidi(id)) {
            return Math.round(Math.max(0.0, Math.min(1.0, normalized)) * MidiParameters.stepCount(id));
        }
        return normalized;
    }

    static double toNormalized(int id, double plain) {
        Param p = ParameterCatalog.automatable(id);
        if (p != null) {
            return ParameterScale.toNormalized(p, plain);
        }
        if (MidiParameters.isMidi(id)) {
            return Math.max(0.0, Math.min(1.0, plain / MidiParameters.stepCount(id)));
        }
        return plain;
    }

    /** @return the value as the host should display it (units are shown separately by the host) */
    static String format(int id, double normalized) {
        Param p = ParameterCatalog.automatable(id);
        if (p == Param.STIMULUS_TYPE) {
            return STIMULUS_NAMES[(int) ParameterScale.toPlain(p, normalized)];
        }
        if (p == null) {
            return MidiParameters.isMidi(id) ? Long.toString(Math.round(toPlain(id, normalized))) : "";
        }
        double plain = ParameterScale.toPlain(p, normalized);
        double magnitude = Math.abs(plain);
        int decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
        return String.format(Locale.ROOT, "%." + decimals + "f", plain);
    }

    /** @return the normalised value the text stands for (clamped into range), or NaN if it is not understood */
    static double parse(int id, String text) {
        if (text == null) {
            return Double.NaN;
        }
        String t = text.trim();
        Param p = ParameterCatalog.automatable(id);
        if (p == Param.STIMULUS_TYPE) {
            for (int i = 0; i < STIMULUS_NAMES.length; i++) {
                if (STIMULUS_NAMES[i].equalsIgnoreCase(t)) {
                    return ParameterScale.toNormalized(p, i);
                }
            }
        }
        if (p == null && !MidiParameters.isMidi(id)) {
            return Double.NaN;
        }
        // Accept what the host displayed, possibly with the unit typed after it ("20 m/s") or a decimal comma.
        Matcher m = NUMBER.matcher(t.replace(',', '.'));
        if (!m.find()) {
            return Double.NaN;
        }
        double plain = Double.parseDouble(m.group());
        if (!Double.isFinite(plain)) {
            return Double.NaN;
        }
        return toNormalized(id, plain);
    }
}
