package haptic.server.timing;

import haptic.protocol.Param;

/**
 * Each controller slot's scheduling latency L: how long after its time a timed event sounds. Fixed
 * when the instance sets {@link Param#LATENCY}; otherwise the host block's duration (the plugin reports
 * it), plus one server period, plus a margin that grows when that instance's events actually arrive late.
 * The margin only grows: letting it shrink back (tried: 0.1 ms/s after 10 s without lateness) made it
 * oscillate — shrink until late, grow, shrink — and every growth is a step in the timing. It starts over
 * when the host's block changes or the slot gets a new controller. {@link Param#SYNC_OFFSET} shifts the result,
 * never below zero.
 *
 * <p>Confined to the audio thread; {@link #latencyMs} is also read for telemetry on that thread.
 */
public final class InstanceLatency {
    /** The margin a fresh instance starts with: socket, IPC thread wake-ups (1 ms polls) are already in the block term. */
    static final long BASE_MARGIN_NANOS = 300_000L;
    /** Added beyond the observed lateness when the margin grows, so one slightly later event does not grow it again. */
    static final long GROWTH_HEADROOM_NANOS = 250_000L;
    /** Automatic latency never grows beyond this; later events are counted late instead. */
    static final long MAX_AUTO_NANOS = 250_000_000L;

    private final long[] hostBlockNanos;
    private final long[] marginNanos;
    private final long[] fixedNanos;
    private final long[] syncNanos;
    private long serverPeriodNanos;
    /** --latency: applies to every instance that has not fixed its own. */
    private long serverFixedNanos;

    public InstanceLatency(int instances) {
        hostBlockNanos = new long[instances];
        marginNanos = new long[instances];
        fixedNanos = new long[instances];
        syncNanos = new long[instances];
        java.util.Arrays.fill(marginNanos, BASE_MARGIN_NANOS);
    }

    public int instances() {
        return marginNanos.length;
    }

    /** Fixes every instance's latency (an instance's own LATENCY parameter still wins); 0 = automatic. */
    public void fixAll(float ms) {
        serverFixedNanos = (long) (Math.max(0f, ms) * 1e6);
    }

    /** The server's own period; part of every automatic latency. */
    public void serverPeriod(long nanos) {
        serverPeriodNanos = nanos;
    }

    public void hostBlock(int instance, float sampleRate, int frames) {
        if (valid(instance) && sampleRate > 0f && frames >= 0) {
            long nanos = (long) (frames * 1e9 / sampleRate);
            if (nanos != hostBlockNanos[instance]) {
                hostBlockNanos[instance] = nanos;
                marginNanos[instance] = BASE_MARGIN_NANOS;
            }
        }
    }

    /** Applies {@link Param#LATENCY} or {@link Param#SYNC_OFFSET}; @return whether {@code p} was one of them. */
    public boolean parameter(int instance, Param p, float ms) {
        if (p != Param.LATENCY && p != Param.SYNC_OFFSET) {
            return false;
        }
        if (valid(instance)) {
            long nanos = (long) (p.clamp(ms) * 1e6);
            if (p == Param.LATENCY) {
                fixedNanos[instance] = nanos;
            } else {
                syncNanos[instance] = nanos;
            }
        }
        return true;
    }

    /** A new controller took the slot. */
    public void reset(int instance) {
        if (valid(instance)) {
            hostBlockNanos[instance] = 0;
            marginNanos[instance] = BASE_MARGIN_NANOS;
            fixedNanos[instance] = 0;
            syncNanos[instance] = 0;
        }
    }

    /** L without the sync offset. Instances outside the table (observers) get the host-less automatic value. */
    public long latencyNanos(int instance) {
        if (!valid(instance)) {
            return serverFixedNanos > 0 ? serverFixedNanos : serverPeriodNanos + BASE_MARGIN_NANOS;
        }
        if (fixedNanos[instance] > 0) {
            return fixedNanos[instance];
        }
        if (serverFixedNanos > 0) {
            return serverFixedNanos;
        }
        return Math.min(MAX_AUTO_NANOS, hostBlockNanos[instance] + serverPeriodNanos + marginNanos[instance]);
    }

    /** How long after its time an event of this instance is applied: L plus the sync offset, at least zero. */
    public long delayNanos(int instance) {
        long d = latencyNanos(instance) + (valid(instance) ? syncNanos[instance] : 0);
        return Math.max(0, d);
    }

    /**
     * An event of this instance would have needed {@code neededDelayNanos} (its delay plus its lateness) to be on
     * time: grow the margin so the delay covers that, with headroom. A burst of late events grows it once, to
     * what the latest of them needed, not once per event.
     */
    public void late(int instance, long neededDelayNanos) {
        if (valid(instance) && fixedNanos[instance] == 0 && serverFixedNanos == 0) {
            long shortBy = neededDelayNanos + GROWTH_HEADROOM_NANOS - delayNanos(instance);
            if (shortBy > 0) {
                marginNanos[instance] = Math.min(marginNanos[instance] + shortBy, MAX_AUTO_NANOS);
            }
        }
    }

    /** The latency reported in status: L in milliseconds. */
    public float latencyMs(int instance) {
        return latencyNanos(instance) / 1e6f;
    }

    private boolean valid(int instance) {
        return instance >= 0 && instance < marginNanos.length;
    }
}
