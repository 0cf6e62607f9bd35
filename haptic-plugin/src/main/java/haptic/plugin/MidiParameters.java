package haptic.plugin;

/**
 * VST3 delivers MIDI controllers, pitch bend and channel aftertouch only as parameter changes, through
 * the IMidiMapping the host asks for. These are those hidden, non-automatable parameters: ten per MIDI
 * channel, ids {@code FIRST_ID + channel * KINDS + kind}, decoded back into MIDI on the audio thread.
 */
final class MidiParameters {
    static final int FIRST_ID = 1000;
    static final int KINDS = 10;
    static final int COUNT = ZoneLayout.CHANNELS * KINDS;

    static final int PITCH_BEND = 0;
    static final int AFTERTOUCH = 1;
    /** VST3 Steinberg::Vst::ControllerNumbers for the two non-CC controllers. */
    static final int VST_AFTERTOUCH = 128;
    static final int VST_PITCH_BEND = 129;

    /** The VST3 controller number of each kind; kinds from 2 on are plain CCs. */
    private static final int[] CONTROLLER = {
        VST_PITCH_BEND, VST_AFTERTOUCH, MpeTranslator.CC_TIMBRE, MpeTranslator.CC_RPN_MSB, MpeTranslator.CC_RPN_LSB,
        MpeTranslator.CC_DATA_ENTRY, MpeTranslator.CC_DATA_ENTRY_LSB, MpeTranslator.CC_SUSTAIN,
        MpeTranslator.CC_ALL_SOUND_OFF, MpeTranslator.CC_ALL_NOTES_OFF,
    };
    private static final int BEND_STEPS = 16383;
    private static final int BEND_CENTRE = 8192;
    private static final int CC_STEPS = 127;

    private MidiParameters() {
    }

    /** @return the parameter id for this channel's controller, or -1 if we do not map it */
    static int idFor(int channel, int controller) {
        if (channel < 0 || channel >= ZoneLayout.CHANNELS) {
            return -1;
        }
        for (int kind = 0; kind < KINDS; kind++) {
            if (CONTROLLER[kind] == controller) {
                return FIRST_ID + channel * KINDS + kind;
            }
        }
        return -1;
    }

    static boolean isMidi(int id) {
        return id >= FIRST_ID && id < FIRST_ID + COUNT;
    }

    static int channelOf(int id) {
        return (id - FIRST_ID) / KINDS;
    }

    static int kindOf(int id) {
        return (id - FIRST_ID) % KINDS;
    }

    static int controllerOf(int id) {
        return CONTROLLER[kindOf(id)];
    }

    static int stepCount(int id) {
        return kindOf(id) == PITCH_BEND ? BEND_STEPS : CC_STEPS;
    }

    static double defaultNormalized(int id) {
        return kindOf(id) == PITCH_BEND ? BEND_CENTRE / (double) BEND_STEPS : 0.0;
    }

    /** Pitch bend as -1..1 with the 14-bit centre exactly 0 and both extremes reaching ±1. */
    static float bend(float normalized) {
        int v = Math.round(MpeTranslator.unit(normalized) * BEND_STEPS);
        return v >= BEND_CENTRE ? (v - BEND_CENTRE) / (float) (BEND_STEPS - BEND_CENTRE)
                : (v - BEND_CENTRE) / (float) BEND_CENTRE;
    }

    /** Feeds one point of a MIDI-mapped parameter to the translator as the MIDI message it stands for. */
    static void apply(MpeTranslator translator, int id, float normalized) {
        int channel = channelOf(id);
        switch (kindOf(id)) {
            case PITCH_BEND:
                translator.pitchWheel(channel, bend(normalized));
                break;
            case AFTERTOUCH:
                translator.channelPressure(channel, normalized);
                break;
            default:
                translator.controlChange(channel, controllerOf(id),
                        Math.round(MpeTranslator.unit(normalized) * CC_STEPS));
                break;
        }
    }
}
