package haptic.plugin;

/**
 * The IPC thread's record of which notes the host is holding (started and not yet released), connected or
 * not, so that deactivation can release whatever the server may still be playing for us.
 */
final class OpenNotes {
    private final boolean[] open = new boolean[NoteIds.KEYS];

    void started(int channel, int note) {
        open[NoteIds.key(channel, note)] = true;
    }

    void stopped(int channel, int note) {
        open[NoteIds.key(channel, note)] = false;
    }

    boolean isOpen(int channel, int note) {
        return open[NoteIds.key(channel, note)];
    }

    void clear() {
        java.util.Arrays.fill(open, false);
    }
}
