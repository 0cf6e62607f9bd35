package haptic.client;

import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A note the CLI is holding. Closing releases it; so does the JVM shutting down (Ctrl+C), which ends
 * the process without unwinding main, so only a shutdown hook can send the NoteOff then.
 */
final class HeldNote implements AutoCloseable {
    /** MIDI's neutral release velocity, 64 of 127. */
    static final float RELEASE_VELOCITY = 64f / 127f;

    private final HapticClient client;
    private final NoteOff off;
    private final AtomicBoolean released = new AtomicBoolean();
    private final Thread onExit;

    private HeldNote(HapticClient client, NoteOn on) {
        this.client = client;
        this.off = new NoteOff(on.channel(), on.note(), RELEASE_VELOCITY);
        this.onExit = new Thread(this::releaseOnExit, "haptic-note-release");
    }

    static HeldNote press(HapticClient client, NoteOn on) throws IOException {
        HeldNote held = new HeldNote(client, on);
        client.send(on);
        Runtime.getRuntime().addShutdownHook(held.onExit);
        return held;
    }

    /** Sends the NoteOff unless the shutdown hook already has. */
    @Override
    public void close() throws IOException {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to; it sends the NoteOff.
        }
        if (released.compareAndSet(false, true)) {
            client.send(off);
        }
    }

    private void releaseOnExit() {
        if (released.compareAndSet(false, true)) {
            try {
                client.send(off);
            } catch (IOException | RuntimeException ignored) {
                // Exiting anyway; the server releases a disconnected client's voices itself.
            }
        }
    }
}
