package haptic.engine;

/**
 * Finds voices by identity (instance, channel, note) in O(1), and all voices of one (instance, channel) for
 * MPE expression without scanning the pools. Preallocated: one entry per possible identity.
 */
final class VoiceIndex {
    static final int CHANNELS = 16;
    static final int NOTES = 128;

    private final Voice[] byKey;
    private final Voice[] channelHead;

    VoiceIndex(int instances) {
        byKey = new Voice[instances * CHANNELS * NOTES];
        channelHead = new Voice[instances * CHANNELS];
    }

    static int key(int instance, int channel, int note) {
        return (instance * CHANNELS + channel) * NOTES + note;
    }

    static int channelKey(int instance, int channel) {
        return instance * CHANNELS + channel;
    }

    Voice get(int key) {
        return byKey[key];
    }

    void put(int key, Voice v) {
        remove(v);
        v.key = key;
        byKey[key] = v;
        int c = key / NOTES;
        Voice head = channelHead[c];
        v.prevOnChannel = null;
        v.nextOnChannel = head;
        if (head != null) {
            head.prevOnChannel = v;
        }
        channelHead[c] = v;
    }

    void remove(Voice v) {
        if (v.key < 0) {
            return;
        }
        byKey[v.key] = null;
        if (v.prevOnChannel != null) {
            v.prevOnChannel.nextOnChannel = v.nextOnChannel;
        } else {
            channelHead[v.key / NOTES] = v.nextOnChannel;
        }
        if (v.nextOnChannel != null) {
            v.nextOnChannel.prevOnChannel = v.prevOnChannel;
        }
        v.prevOnChannel = null;
        v.nextOnChannel = null;
        v.key = -1;
    }

    /** First voice answering to this (instance, channel); continue with {@link Voice#nextOnChannel}. */
    Voice firstOnChannel(int channelKey) {
        return channelHead[channelKey];
    }
}
