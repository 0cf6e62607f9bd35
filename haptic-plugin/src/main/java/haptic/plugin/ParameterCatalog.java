package haptic.plugin;

import haptic.protocol.Param;

/**
 * Every parameter the plugin declares to the host, in order: the automatable ones (each {@link Param}
 * except the server-wide MASTER_GAIN, VST3 id = {@link Param#id()}), then the hidden MIDI-mapped ones.
 */
final class ParameterCatalog {
    static final Param[] AUTOMATABLE = automatable();
    static final int COUNT = AUTOMATABLE.length + MidiParameters.COUNT;
    /** Catalog index by Param ordinal; -1 for parameters the plugin does not offer. */
    private static final int[] INDEX_OF_PARAM = indexOfParam();

    private ParameterCatalog() {
    }

    static int idAt(int index) {
        return index < AUTOMATABLE.length ? AUTOMATABLE[index].id()
                : MidiParameters.FIRST_ID + (index - AUTOMATABLE.length);
    }

    /** @return the catalog index of a VST3 parameter id, or -1 if unknown */
    static int indexOf(int id) {
        if (MidiParameters.isMidi(id)) {
            return AUTOMATABLE.length + (id - MidiParameters.FIRST_ID);
        }
        Param p = Param.byId(id);
        return p == null ? -1 : INDEX_OF_PARAM[p.ordinal()];
    }

    static int indexOf(Param p) {
        return INDEX_OF_PARAM[p.ordinal()];
    }

    /** @return the automatable Param with this id, or null (MIDI-mapped or unknown) */
    static Param automatable(int id) {
        int index = indexOf(id);
        return index >= 0 && index < AUTOMATABLE.length ? AUTOMATABLE[index] : null;
    }

    static double defaultNormalized(int index) {
        if (index < AUTOMATABLE.length) {
            Param p = AUTOMATABLE[index];
            return ParameterScale.toNormalized(p, p.defaultValue());
        }
        return MidiParameters.defaultNormalized(idAt(index));
    }

    private static Param[] automatable() {
        Param[] all = Param.values();
        Param[] out = new Param[all.length - 1];
        int n = 0;
        for (Param p : all) {
            if (p != Param.MASTER_GAIN) {
                out[n++] = p;
            }
        }
        return out;
    }

    private static int[] indexOfParam() {
        int[] index = new int[Param.values().length];
        java.util.Arrays.fill(index, -1);
        for (int i = 0; i < AUTOMATABLE.length; i++) {
            index[AUTOMATABLE[i].ordinal()] = i;
        }
        return index;
    }
}
