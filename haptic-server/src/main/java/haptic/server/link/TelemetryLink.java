package haptic.server.link;

import org.jctools.queues.SpscArrayQueue;

/**
 * Audio thread → IPC thread telemetry channel (levels and status at ~60 Hz).
 *
 * <p>Contract: one producer at a time (the audio thread) calls {@link #claim()} / {@link #publish};
 * one consumer (the IPC thread) calls {@link #poll()} / {@link #recycle}. If the consumer falls behind,
 * {@link #claim()} returns null and the producer simply skips that snapshot: telemetry is lossy by design,
 * the audio thread never waits for it.
 */
public final class TelemetryLink {
    private final SpscArrayQueue<Telemetry> forward;
    private final SpscArrayQueue<Telemetry> free;

    public TelemetryLink(int capacity, int channels, int maxVoiceSources) {
        forward = new SpscArrayQueue<>(capacity);
        free = new SpscArrayQueue<>(capacity);
        for (int i = 0; i < capacity; i++) {
            free.offer(new Telemetry(channels, maxVoiceSources));
        }
    }

    /** Producer: a snapshot to fill, or null while the consumer is behind. Called on the audio thread. */
    public Telemetry claim() {
        return free.poll();
    }

    /** Producer: hands a claimed snapshot to the consumer. Called on the audio thread. */
    public void publish(Telemetry t) {
        if (!forward.offer(t)) {
            throw LinkMisuse.notClaimed();
        }
    }

    /** Consumer: the oldest published snapshot, or null. Called on the IPC thread. */
    public Telemetry poll() {
        return forward.poll();
    }

    /** Consumer: gives a sent snapshot back to the producer. Called on the IPC thread. */
    public void recycle(Telemetry t) {
        free.offer(t);
    }
}
