package haptic.plugin;

/**
 * Registered Parameter Number selection and data entry, per channel (CC101/CC100 select, CC6/CC38 write).
 * Only the two RPNs MPE needs are recognised: 0 (pitch-bend sensitivity) and 6 (MPE configuration).
 */
final class RpnState {
    static final int NONE = -1;
    static final int BEND_RANGE = 0;
    static final int MPE_CONFIGURATION = 6;
    /** RPN 127/127 is the "null" RPN that deselects: data entry is then ignored. */
    private static final int NULL_PART = 127;

    private final int[] msb = new int[ZoneLayout.CHANNELS];
    private final int[] lsb = new int[ZoneLayout.CHANNELS];
    private final int[] dataMsb = new int[ZoneLayout.CHANNELS];

    RpnState() {
        java.util.Arrays.fill(msb, NULL_PART);
        java.util.Arrays.fill(lsb, NULL_PART);
    }

    void selectMsb(int channel, int value) {
        msb[channel] = value;
    }

    void selectLsb(int channel, int value) {
        lsb[channel] = value;
    }

    /** @return the RPN now selected on the channel, BEND_RANGE, MPE_CONFIGURATION or NONE */
    int selected(int channel) {
        if (msb[channel] != 0) {
            return NONE;
        }
        int l = lsb[channel];
        return l == BEND_RANGE || l == MPE_CONFIGURATION ? l : NONE;
    }

    /** Remembers the data-entry MSB so a following LSB (cents) can be combined with it. */
    void dataMsb(int channel, int value) {
        dataMsb[channel] = value;
    }

    int dataMsb(int channel) {
        return dataMsb[channel];
    }
}
