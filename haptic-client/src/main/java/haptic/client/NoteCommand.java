package haptic.client;

import haptic.protocol.NoteOn;
import haptic.protocol.Role;
import haptic.protocol.SharedClock;

import java.io.IOException;

/**
 * {@code haptic send note}: NoteOn, wait, NoteOff. Channel is 0-based here, as on the wire. The NoteOn is stamped
 * now and the NoteOff exactly {@code seconds} later, so the server keeps the note's length whatever the sleep.
 */
record NoteCommand(int channel, int note, float velocity, float pressure, float bend, float timbre, double seconds)
        implements CliCommand {

    @Override
    public Role role() {
        return Role.CONTROLLER;
    }

    @Override
    public int execute(Session s) throws IOException, InterruptedException {
        long start = SharedClock.now();
        long end = start + Session.nanos(seconds);
        HeldNote held = HeldNote.press(s.client(), new NoteOn(channel, note, velocity, pressure, bend, timbre, start));
        try (held) {
            Session.sleepUntil(end);
            held.release(end);
        }
        s.confirm();
        return 0;
    }
}
