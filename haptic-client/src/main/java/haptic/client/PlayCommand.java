package haptic.client;

import haptic.protocol.NoteOff;
import haptic.protocol.Role;
import haptic.protocol.SharedClock;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code haptic play FILE.mid}: plays a {@link MidiPerformance} as a controller. Every event is stamped with the
 * time it should sound, {@code start + eventTime / tempoScale}, and streamed about {@link #LEAD_NANOS} ahead of
 * it, so the server's schedule, not this thread's wake-ups, decides the timing. With {@code loop} each pass starts
 * exactly where the previous one ended (the end of the file's longest track) until the process is stopped.
 *
 * <p>Notes the file leaves sounding are released at the end of each pass; on Ctrl+C (a shutdown hook), an error
 * or an interrupt every note still sounding is released at once, so nothing hangs.
 */
record PlayCommand(String file, MidiPerformance performance, double tempoScale, boolean loop) implements CliCommand {
    /** How far ahead of its time an event is sent. */
    static final long LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** From starting to the file's first moment, so that even the first events arrive ahead of their time. */
    static final long PREROLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** How often the progress line is redrawn. */
    static final long PROGRESS_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /** After the end, before hanging up: the last releases are due a scheduling latency after their time. */
    static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    @Override
    public Role role() {
        return Role.CONTROLLER;
    }

    @Override
    public int execute(Session s) throws IOException, InterruptedException {
        Playback playback = new Playback(s.client(), s.err(), performance, tempoScale, loop);
        Thread onExit = new Thread(playback::stopNow, "haptic-play-release");
        Runtime.getRuntime().addShutdownHook(onExit);
        boolean finished = false;
        try {
            playback.play(SharedClock.now() + PREROLL_NANOS);
            finished = true;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to; it releases the notes.
            }
            if (!finished) {
                playback.stopNow();
            }
        }
        s.confirm();
        return 0;
    }

    /** {@code nanos} of the file's time as wall-clock nanoseconds at this tempo scale. */
    static long scaled(long nanos, double tempoScale) {
        return Math.round(nanos / tempoScale);
    }

    /** The state of one run: what is sounding, what has been sent, the progress line. */
    static final class Playback {
        private final HapticClient client;
        private final PrintStream err;
        private final List<MidiPerformance.Event> events;
        private final double tempoScale;
        private final boolean loop;
        private final long passNanos;

        /** Guards sending, {@link #sounding} and {@link #stopped} between the player and the shutdown hook. */
        private final Object lock = new Object();
        /** channel * 128 + note of every note whose NoteOn went out and whose NoteOff has not. */
        private final Set<Integer> sounding = new LinkedHashSet<>();
        private boolean stopped;
        private long notesSent;
        private long start;
        private long nextProgress;

        Playback(HapticClient client, PrintStream err, MidiPerformance performance, double tempoScale,
                 boolean loop) {
            this.client = client;
            this.err = err;
            this.events = performance.events();
            this.tempoScale = tempoScale;
            this.loop = loop;
            this.passNanos = scaled(performance.lengthNanos(), tempoScale);
        }

        /** Plays from {@code start} (a SharedClock time) to the end, or forever with {@code loop}. */
        void play(long start) throws IOException, InterruptedException {
            synchronized (lock) {
                this.start = start;
            }
            long passStart = start;
            do {
                for (MidiPerformance.Event e : events) {
                    long time = passStart + scaled(e.nanos(), tempoScale);
                    waitUntil(time - LEAD_NANOS);
                    if (!send(e, time)) {
                        return;
                    }
                }
                long passEnd = passStart + passNanos;
                waitUntil(passEnd - LEAD_NANOS);
                if (!releaseAll(passEnd, false)) {
                    return;
                }
                passStart = passEnd;
            } while (loop);
            waitUntil(passStart + LINGER_NANOS);
            synchronized (lock) {
                if (!stopped) {
                    stopped = true;
                    finishProgress();
                }
            }
        }

        /** Releases every sounding note now and ends the progress line; later sends are dropped. Any thread. */
        void stopNow() {
            try {
                releaseAll(SharedClock.now(), true);
            } catch (IOException | RuntimeException e) {
                // The connection is gone; the server releases a disconnected client's voices itself.
            }
        }

        /** @return false if playing has been stopped */
        private boolean send(MidiPerformance.Event e, long time) throws IOException {
            synchronized (lock) {
                if (stopped) {
                    return false;
                }
                int key = e.channel() * 128 + e.note();
                switch (e.kind()) {
                    case NOTE_ON -> {
                        sounding.add(key);
                        notesSent++;
                    }
                    case NOTE_OFF -> sounding.remove(key);
                    default -> {
                    }
                }
                client.send(e.message(time));
                return true;
            }
        }

        /** Sends a NoteOff stamped {@code time} for every sounding note; {@code stop} also ends playing. */
        private boolean releaseAll(long time, boolean stop) throws IOException {
            synchronized (lock) {
                if (stopped) {
                    return false;
                }
                if (stop) {
                    stopped = true;
                }
                try {
                    for (var it = sounding.iterator(); it.hasNext(); ) {
                        int key = it.next();
                        it.remove();
                        client.send(new NoteOff(key / 128, key % 128, HeldNote.RELEASE_VELOCITY, time));
                    }
                } finally {
                    if (stop) {
                        finishProgress();
                    }
                }
                return true;
            }
        }

        /** Sleeps until {@code time} (SharedClock), redrawing the progress line on the way. */
        private void waitUntil(long time) throws InterruptedException {
            while (true) {
                long now = SharedClock.now();
                if (now - nextProgress >= 0) {
                    synchronized (lock) {
                        if (!stopped) {
                            progress(now);
                        }
                    }
                    nextProgress = now + PROGRESS_NANOS;
                }
                if (time - now <= 0) {
                    return;
                }
                Session.sleepUntil(Math.min(time, nextProgress));
            }
        }

        private void progress(long now) {
            err.print(progressLine(now));
            err.flush();
        }

        private void finishProgress() {
            progress(SharedClock.now());
            err.println();
            err.flush();
        }

        /** E.g. {@code "\r   12.3 / 45.0 s  118 notes"}, with the pass number when looping. Under the lock. */
        String progressLine(long now) {
            long elapsed = Math.max(0, now - start);
            long pass = 0;
            long into;
            if (loop && passNanos > 0) {
                pass = elapsed / passNanos;
                into = elapsed % passNanos;
            } else {
                into = Math.min(elapsed, passNanos);
            }
            String line = String.format(Locale.ROOT, "\r  %5.1f / %.1f s  %d notes", into / 1e9, passNanos / 1e9,
                    notesSent);
            return loop ? line + String.format(Locale.ROOT, "  pass %d", pass + 1) : line;
        }
    }
}
