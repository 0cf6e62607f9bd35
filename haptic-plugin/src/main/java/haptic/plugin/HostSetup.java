package haptic.plugin;

import haptic.protocol.Param;

/**
 * The host's rate and largest block, and the server's period once connected: what this instance's
 * scheduling latency is made of. The server computes the latency it applies the same way
 * (haptic.server.timing.InstanceLatency); this copy only answers the host's latency question.
 *
 * <p>{@link #set} is called on the host's main thread, {@link #serverPeriod} on the IPC thread; any thread reads.
 */
final class HostSetup {
    /** The server's starting margin (InstanceLatency.BASE_MARGIN_NANOS). */
    static final double BASE_MARGIN_SECONDS = 300e-6;
    /** Until the server has said, assume its default period: 64 frames at 48 kHz. */
    static final double DEFAULT_SERVER_PERIOD_SECONDS = 64 / 48000.0;

    private volatile double sampleRate;
    private volatile int maxBlock;
    private volatile double serverPeriodSeconds = DEFAULT_SERVER_PERIOD_SECONDS;
    /** Incremented by {@link #set}; the IPC thread resends HostBlock when it changes. */
    private volatile int changes;

    void set(double rate, int block) {
        sampleRate = rate;
        maxBlock = block;
        changes = changes + 1;
    }

    void serverPeriod(double seconds) {
        if (seconds > 0) {
            serverPeriodSeconds = seconds;
        }
    }

    double sampleRate() {
        return sampleRate;
    }

    int maxBlock() {
        return maxBlock;
    }

    int changes() {
        return changes;
    }

    /** The latency the server will apply by default, plus the sync offset, in host samples (never negative). */
    int latencySamples(ParameterValues values) {
        double rate = sampleRate;
        if (!(rate > 0)) {
            return 0;
        }
        double fixedMs = plain(values, Param.LATENCY);
        double seconds = fixedMs > 0 ? fixedMs / 1000.0
                : maxBlock / rate + serverPeriodSeconds + BASE_MARGIN_SECONDS;
        seconds += plain(values, Param.SYNC_OFFSET) / 1000.0;
        return (int) Math.max(0, Math.round(seconds * rate));
    }

    private static double plain(ParameterValues values, Param p) {
        int index = ParameterCatalog.indexOf(p);
        return index < 0 ? 0 : ParameterScale.toPlain(p, values.get(index));
    }
}
