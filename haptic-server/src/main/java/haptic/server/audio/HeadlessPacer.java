package haptic.server.audio;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives the engine without an audio device: one thread calls {@link AudioCallback#process} every period,
 * on System.nanoTime deadlines, and discards the output. Used when JACK is absent (the engine still has to
 * apply commands and publish telemetry) and while waiting for a lost JACK server.
 *
 * <p>Deadlines are computed from an anchor ({@code anchor + k * period}) rather than by adding the period to
 * the previous wake-up, so sleep overshoot does not accumulate into drift. A period finished more than one
 * period after its deadline counts as an xrun, and the schedule re-anchors on the present instead of
 * racing to catch up.
 */
public final class HeadlessPacer implements AudioSink, AutoCloseable {
    private final float sampleRate;
    private final int periodFrames;
    private final Pacing pacing;
    private final Thread thread;

    private HeadlessPacer(AudioCallback callback, float sampleRate, int periodFrames, int channels) {
        this.sampleRate = sampleRate;
        this.periodFrames = periodFrames;
        this.pacing = new Pacing(callback, new float[channels][periodFrames], periodFrames * 1e9 / sampleRate);
        this.thread = new Thread(pacing, "haptic-headless-audio");
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.setDaemon(true);
    }

    /**
     * Calls {@link AudioCallback#prepare} on the calling thread, then starts pacing. Called on the starting
     * thread or the audio supervisor.
     */
    public static HeadlessPacer start(AudioCallback callback, float sampleRate, int periodFrames, int channels) {
        if (!(sampleRate > 0) || periodFrames <= 0 || channels <= 0) {
            throw new IllegalArgumentException("headless pacer needs a positive rate, period and channel count, got "
                    + sampleRate + " Hz, " + periodFrames + " frames, " + channels + " channels");
        }
        HeadlessPacer p = new HeadlessPacer(callback, sampleRate, periodFrames, channels);
        callback.prepare(sampleRate, periodFrames);
        p.thread.start();
        return p;
    }

    @Override
    public float sampleRate() {
        return sampleRate;
    }

    @Override
    public int periodFrames() {
        return periodFrames;
    }

    @Override
    public long xruns() {
        return pacing.xruns;
    }

    /** Periods processed so far. Any thread. */
    public long cycles() {
        return pacing.cycles;
    }

    @Override
    public ProcessFaults faults() {
        return pacing.faults;
    }

    /** Stops and joins the pacing thread (a no-op join when called from process() itself). Idempotent; any thread. */
    @Override
    public void stop() {
        pacing.running = false;
        LockSupport.unpark(thread);
        if (Thread.currentThread() == thread) {
            return;
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Same as {@link #stop()}; any thread. */
    @Override
    public void close() {
        stop();
    }

    /**
     * The pacing loop. A class of its own so it holds no string constants: when C2 compiles a method it first
     * interns the unresolved strings of the method's class on the thread that asked for the compilation —
     * here the audio thread, which must not allocate.
     */
    private static final class Pacing implements Runnable {
        /** parkNanos typically wakes up to ~50 µs late (Linux timer slack); spin the rest for an accurate deadline. */
        private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

        private final AudioCallback callback;
        private final float[][] out;
        private final int periodFrames;
        private final double nanosPerPeriod;
        private final ProcessFaults faults = new ProcessFaults();
        /** Written by the thread that calls stop(). */
        private volatile boolean running = true;
        /** This and xruns are written only on the pacing thread. */
        private volatile long cycles;
        private volatile long xruns;

        Pacing(AudioCallback callback, float[][] out, double nanosPerPeriod) {
            this.callback = callback;
            this.out = out;
            this.periodFrames = out[0].length;
            this.nanosPerPeriod = nanosPerPeriod;
        }

        /** Runs on the pacer's own thread, the audio thread while this sink is in use. */
        @Override
        public void run() {
            long periodNanos = (long) nanosPerPeriod;
            long anchor = System.nanoTime();
            long k = 0;
            while (running) {
                try {
                    callback.process(out, periodFrames, anchor + (long) (k * nanosPerPeriod));
                } catch (Throwable t) {
                    faults.record(t);
                }
                cycles = cycles + 1;
                k++;
                long deadline = anchor + (long) (k * nanosPerPeriod);
                long now = System.nanoTime();
                if (now - deadline > periodNanos) {
                    xruns = xruns + 1;
                    anchor = now;
                    k = 0;
                    continue;
                }
                waitUntil(deadline);
            }
        }

        private void waitUntil(long deadline) {
            while (running) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                if (remaining > SPIN_NANOS) {
                    LockSupport.parkNanos(this, remaining - SPIN_NANOS);
                } else {
                    Thread.onSpinWait();
                }
            }
        }
    }
}
