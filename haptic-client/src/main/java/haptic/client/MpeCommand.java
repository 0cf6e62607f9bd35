package haptic.client;

import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOn;
import haptic.protocol.Role;
import haptic.protocol.SharedClock;

import java.io.IOException;

/**
 * {@code haptic send mpe}: one expression update, or a bend sweep from -1 to 1 ({@code sweepSeconds}
 * 0 means a single update). Voices belong to the connection that started them, so a sweep holds
 * {@code note} itself for its whole length: that is the source it moves across the table.
 * Channel is 0-based, as on the wire. Each step is stamped with its ideal time on an absolute schedule from the
 * NoteOn, and the NoteOff with the last step's, so the server reproduces the sweep's spacing even when this thread
 * wakes unevenly.
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
            s.client().send(new MpeUpdate(channel, pressure, bend, timbre, SharedClock.now()));
        } else {
            int steps = sweepSteps(sweepSeconds);
            long start = SharedClock.now();
            NoteOn on = new NoteOn(channel, note, velocity, pressure, sweepBend(0, steps), timbre, start);
            HeldNote held = HeldNote.press(s.client(), on);
            try (held) {
                held.release(sweep(s, start, steps));
            }
        }
        s.confirm();
        return 0;
    }

    /** @return the time of the last step, when the note ends */
    private long sweep(Session s, long start, int steps) throws IOException, InterruptedException {
        long span = Session.nanos(sweepSeconds);
        for (int i = 0; i <= steps; i++) {
            // Absolute schedule, so send and wake-up delays neither stretch the sweep nor show in its times.
            long time = stepTime(start, span, i, steps);
            Session.sleepUntil(time);
            s.client().send(new MpeUpdate(channel, pressure, sweepBend(i, steps), timbre, time));
        }
        return stepTime(start, span, steps, steps);
    }

    /** The ideal time of update {@code i} of {@code steps} of a sweep lasting {@code span} ns from {@code start}. */
    static long stepTime(long start, long span, int i, int steps) {
        return start + span * i / steps;
    }

    static int sweepSteps(double seconds) {
        return Math.max(1, (int) Math.round(seconds * SWEEP_RATE_HZ));
    }

    /** Bend of update {@code i} of {@code steps}: exactly -1 first and exactly 1 last. */
    static float sweepBend(int i, int steps) {
        return i == steps ? 1f : -1f + 2f * i / steps;
    }
}
