package haptic.server.reliability;

import haptic.client.HapticClient;
import haptic.protocol.Ping;
import haptic.protocol.Pong;
import haptic.protocol.Role;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A controller in a process of its own, for killing with SIGKILL while it holds notes: connects, starts
 * {@code notes} notes and never ends them, prints "ready" once the server has them, then waits to die.
 *
 * <p>Arguments: socket path, number of notes, release time in seconds.
 */
public final class StuckNoteHolder {
    public static final String READY = "ready";

    private StuckNoteHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args[0]);
        int notes = Integer.parseInt(args[1]);
        float release = Float.parseFloat(args[2]);
        HapticClient c = HapticClient.connect(socket, Role.CONTROLLER, "stuck-holder",
                StuckVoiceTest.releaseConfig(release), Duration.ofSeconds(10));
        StuckVoiceTest.startNotes(c::send, notes);
        c.send(new Ping(1, System.nanoTime()));
        if (c.receive(Pong.class, Duration.ofSeconds(10)) == null) {
            System.out.println("no Pong");
            System.exit(1);
        }
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
