package haptic.plugin;

/**
 * MPE zones as configured by MPE Configuration Messages, and the pitch-bend range of every channel.
 *
 * <p>Without any MCM there are no zones: each channel stands alone with a 2-semitone range. An MCM on
 * channel 0 (lower zone, members counting up from 1) or 15 (upper zone, members counting down from 14)
 * sets that zone's member count and resets its ranges to the MPE defaults; a zone that would overlap
 * the other shrinks the other one, to nothing if need be.
 */
final class ZoneLayout {
    static final int CHANNELS = 16;
    static final int NONE = -1;
    static final int LOWER = 0;
    static final int UPPER = 1;
    static final int LOWER_MASTER = 0;
    static final int UPPER_MASTER = 15;
    static final float DEFAULT_MEMBER_RANGE = 48f;
    static final float DEFAULT_MASTER_RANGE = 2f;
    static final float DEFAULT_CHANNEL_RANGE = 2f;

    private final int[] members = new int[2];
    private final float[] memberRange = {DEFAULT_MEMBER_RANGE, DEFAULT_MEMBER_RANGE};
    private final float[] masterRange = {DEFAULT_MASTER_RANGE, DEFAULT_MASTER_RANGE};
    /** Ranges of channels outside every zone. */
    private final float[] channelRange = new float[CHANNELS];
    private final int[] zoneBefore = new int[CHANNELS];

    ZoneLayout() {
        java.util.Arrays.fill(channelRange, DEFAULT_CHANNEL_RANGE);
    }

    /** @return LOWER, UPPER or NONE */
    int zoneOf(int channel) {
        if (members[LOWER] > 0 && channel <= members[LOWER]) {
            return LOWER;
        }
        if (members[UPPER] > 0 && channel >= UPPER_MASTER - members[UPPER]) {
            return UPPER;
        }
        return NONE;
    }

    static int masterOf(int zone) {
        return zone == LOWER ? LOWER_MASTER : UPPER_MASTER;
    }

    boolean isMaster(int channel) {
        int z = zoneOf(channel);
        return z != NONE && masterOf(z) == channel;
    }

    int members(int zone) {
        return members[zone];
    }

    /** Lowest channel of the zone, master included. */
    int firstChannel(int zone) {
        return zone == LOWER ? LOWER_MASTER : UPPER_MASTER - members[UPPER];
    }

    /** Highest channel of the zone, master included. */
    int lastChannel(int zone) {
        return zone == LOWER ? members[LOWER] : UPPER_MASTER;
    }

    float memberRange(int zone) {
        return memberRange[zone];
    }

    float masterRange(int zone) {
        return masterRange[zone];
    }

    float channelRange(int channel) {
        return channelRange[channel];
    }

    /**
     * An MCM (RPN 6) arrived on {@code channel}; ignored unless it is a zone's master channel.
     *
     * @return whether the layout changed shape or ranges
     */
    boolean configure(int channel, int memberCount) {
        int zone = channel == LOWER_MASTER ? LOWER : channel == UPPER_MASTER ? UPPER : NONE;
        if (zone == NONE) {
            return false;
        }
        for (int c = 0; c < CHANNELS; c++) {
            zoneBefore[c] = zoneOf(c);
        }
        int n = Math.max(0, Math.min(CHANNELS - 1, memberCount));
        members[zone] = n;
        int other = 1 - zone;
        // Master channels 0 and 15 are always reserved, so the two zones share 14 member channels.
        members[other] = Math.max(0, Math.min(members[other], CHANNELS - 2 - n));
        memberRange[zone] = DEFAULT_MEMBER_RANGE;
        masterRange[zone] = DEFAULT_MASTER_RANGE;
        for (int c = 0; c < CHANNELS; c++) {
            if (zoneOf(c) != zoneBefore[c]) {
                channelRange[c] = DEFAULT_CHANNEL_RANGE;
            }
        }
        return true;
    }

    /**
     * RPN 0 on {@code channel}: on a master it sets the master range, on a member the range of every
     * member of its zone, on a lone channel just that channel's.
     */
    void setBendRange(int channel, float semitones) {
        float r = Math.max(0f, semitones);
        int z = zoneOf(channel);
        if (z == NONE) {
            channelRange[channel] = r;
        } else if (masterOf(z) == channel) {
            masterRange[z] = r;
        } else {
            memberRange[z] = r;
        }
    }
}
