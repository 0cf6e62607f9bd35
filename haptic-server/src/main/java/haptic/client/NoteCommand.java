package haptic.client;

import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.Role;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code haptic send note}: NoteOn, wait, NoteOff. Channel is 0-based here, as on the wire. */
record NoteCommand(int channel, int note, float velocity, float pressure, float bend, float timbre, double seconds)
        implements CliCommand {
    /** MIDI's neutral release velocity, 64 of 127. */
    static final float RELEASE_VELOCITY = 64f / 127f;

    @Override
    public Role role() {
        return Role.CONTROLLER;
    }

    @Override
    public int execute(Session s) throws IOException, InterruptedException {
        HapticClient client = s.client();
        NoteOff off = new NoteOff(channel, note, RELEASE_VELOCITY);
        AtomicBoolean released = new AtomicBoolean();
        // Ctrl+C ends the JVM without unwinding main, so only a shutdown hook can release the note then.
        Thread onExit = new Thread(() -> {
            if (released.compareAndSet(false, true)) {
                try {
                    client.send(off);
                } catch (IOException | RuntimeException ignored) {
                    // Exiting anyway; the server releases a disconnected client's voices itself.
                }
            }
        }, "haptic-note-release");
        client.send(new NoteOn(channel, note, velocity, pressure, bend, timbre));
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            Session.sleepUntil(System.nanoTime() + Session.nanos(seconds));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException shuttingDown) {
                // The hook is already running or about to; it sends the NoteOff.
            }
            if (released.compareAndSet(false, true)) {
                client.send(off);
            }
        }
        s.confirm();
        return 0;
    }
}
