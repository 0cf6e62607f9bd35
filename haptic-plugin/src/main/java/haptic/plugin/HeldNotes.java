package haptic.plugin;

/**
 * Notes the audio side has started and not yet released, and the sustain pedal (CC64) of each channel.
 * While a note's channel is sustained its NoteOff is only recorded; the release goes out when the pedal
 * comes up, which is what a keyboard player expects.
 */
final class HeldNotes {
    private final boolean[] sounding = new boolean[NoteIds.KEYS];
    private final boolean[] deferred = new boolean[NoteIds.KEYS];
    private final float[] releaseVelocity = new float[NoteIds.KEYS];
    private final boolean[] pedal = new boolean[ZoneLayout.CHANNELS];

    void started(int key) {
        sounding[key] = true;
        deferred[key] = false;
    }

    boolean sounding(int key) {
        return sounding[key];
    }

    /** The key went up while sustained: the note keeps sounding until the pedal is released. */
    void defer(int key, float velocity) {
        deferred[key] = true;
        releaseVelocity[key] = velocity;
    }

    void stopped(int key) {
        sounding[key] = false;
        deferred[key] = false;
    }

    boolean deferred(int key) {
        return deferred[key];
    }

    float releaseVelocity(int key) {
        return releaseVelocity[key];
    }

    void pedal(int channel, boolean down) {
        pedal[channel] = down;
    }

    boolean pedal(int channel) {
        return pedal[channel];
    }

    /** Forgets notes and pedals (the host deactivated us; everything held has been released elsewhere). */
    void clear() {
        java.util.Arrays.fill(sounding, false);
        java.util.Arrays.fill(deferred, false);
        java.util.Arrays.fill(pedal, false);
    }
}
