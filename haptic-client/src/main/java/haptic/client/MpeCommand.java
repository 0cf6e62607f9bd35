package haptic.client;

import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOn;
import haptic.protocol.Role;

import java.io.IOException;

/**
 * {@code haptic send mpe}: one expression update, or a bend sweep from -1 to 1 ({@code sweepSeconds}
 * 0 means a single update). Voices belong to the connection that started them, so a sweep holds
 * {@code note} itself for its whole length: that is the source it moves across the table.
 * Channel is 0-based, as on the wire.
 */
record MpeCommand(int channel, float pressure, float bend, float timbre, double sweepSeconds, int note,
                  float velocity) implements CliCommand {
    static final int SWEEP_RATE_HZ = 200;

    @Override
    public Role role() {
        return Role.CONTROLLER;
    }

    @Override
    public int execute(Session s) throws IOException, InterruptedException {
        if (sweepSeconds <= 0) {
            s.client().send(new MpeUpdate(channel, pressure, bend, timbre));
        } else {
            int steps = sweepSteps(sweepSeconds);
            NoteOn on = new NoteOn(channel, note, velocity, pressure, sweepBend(0, steps), timbre);
            HeldNote held = HeldNote.press(s.client(), on);
            try (held) {
                sweep(s, steps);
            }
        }
        s.confirm();
        return 0;
    }

    private void sweep(Session s, int steps) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long span = Session.nanos(sweepSeconds);
        for (int i = 0; i <= steps; i++) {
            s.client().send(new MpeUpdate(channel, pressure, sweepBend(i, steps), timbre));
            if (i < steps) {
                // Absolute schedule, so send and wake-up delays do not stretch the sweep.
                Session.sleepUntil(start + span * (i + 1) / steps);
            }
        }
    }

    static int sweepSteps(double seconds) {
        return Math.max(1, (int) Math.round(seconds * SWEEP_RATE_HZ));
    }

    /** Bend of update {@code i} of {@code steps}: exactly -1 first and exactly 1 last. */
    static float sweepBend(int i, int steps) {
        return i == steps ? 1f : -1f + 2f * i / steps;
    }
}
