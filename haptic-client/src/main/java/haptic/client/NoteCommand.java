package haptic.client;

import haptic.protocol.NoteOn;
import haptic.protocol.Role;

import java.io.IOException;

/** {@code haptic send note}: NoteOn, wait, NoteOff. Channel is 0-based here, as on the wire. */
record NoteCommand(int channel, int note, float velocity, float pressure, float bend, float timbre, double seconds)
        implements CliCommand {

    @Override
    public Role role() {
        return Role.CONTROLLER;
    }

    @Override
    public int execute(Session s) throws IOException, InterruptedException {
        HeldNote held = HeldNote.press(s.client(), new NoteOn(channel, note, velocity, pressure, bend, timbre));
        try (held) {
            Session.sleepUntil(System.nanoTime() + Session.nanos(seconds));
        }
        s.confirm();
        return 0;
    }
}
