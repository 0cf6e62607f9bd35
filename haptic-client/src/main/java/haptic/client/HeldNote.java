package haptic.client;

import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.SharedClock;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A note the CLI is holding. {@link #release(long)} ends it at a planned time; closing ends it now; so does the
 * JVM shutting down (Ctrl+C), which ends the process without unwinding main, so only a shutdown hook can send
 * the NoteOff then.
 */
final class HeldNote implements AutoCloseable {
    /** MIDI's neutral release velocity, 64 of 127. */
    static final float RELEASE_VELOCITY = 64f / 127f;

    private final HapticClient client;
    private final int channel;
    private final int note;
    private final AtomicBoolean released = new AtomicBoolean();
    private final Thread onExit;

    private HeldNote(HapticClient client, NoteOn on) {
        this.client = client;
        this.channel = on.channel();
        this.note = on.note();
        this.onExit = new Thread(this::releaseOnExit, "haptic-note-release");
    }

    /** Sends {@code on}, which carries the time the note starts. */
    static HeldNote press(HapticClient client, NoteOn on) throws IOException {
        HeldNote held = new HeldNote(client, on);
        client.send(on);
        Runtime.getRuntime().addShutdownHook(held.onExit);
        return held;
    }

    /** Sends the NoteOff stamped {@code time} (a {@link SharedClock} reading) unless it has been sent already. */
    void release(long time) throws IOException {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to; it sends the NoteOff.
        }
        if (released.compareAndSet(false, true)) {
            client.send(off(time));
        }
    }

    /** Sends the NoteOff, stamped now, unless {@link #release(long)} or the shutdown hook already has. */
    @Override
    public void close() throws IOException {
        release(SharedClock.now());
    }

    private NoteOff off(long time) {
        return new NoteOff(channel, note, RELEASE_VELOCITY, time);
    }

    private void releaseOnExit() {
        if (released.compareAndSet(false, true)) {
            try {
                client.send(off(SharedClock.now()));
            } catch (IOException | RuntimeException ignored) {
                // Exiting anyway; the server releases a disconnected client's voices itself.
            }
        }
    }
}
