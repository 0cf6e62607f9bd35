package haptic.client;

import haptic.protocol.EngineStatus;
import haptic.protocol.SchedulingStatus;
import haptic.protocol.HelloAccepted;

import java.util.Locale;

/** The human-readable form of what {@code haptic status} learns from the server. */
public final class StatusReport {
    private StatusReport() {
    }

    static String server(HelloAccepted a) {
        StringBuilder b = new StringBuilder();
        row(b, "server", a.serverVersion() + " (protocol " + a.version() + ")");
        row(b, "backend", a.backend() + ", " + rate(a.sampleRate()) + ", " + period(a.periodFrames(), a.sampleRate()));
        row(b, "layout", a.layout().name() + ", " + a.layout().size() + " transducers");
        return b.toString();
    }

    static String engine(EngineStatus s) {
        StringBuilder b = new StringBuilder();
        row(b, "voices", s.activeVoices() + " active");
        if (s.voicePositions() > 0) {
            StringBuilder at = new StringBuilder();
            float[] xy = s.voiceXY();
            for (int i = 0; i + 1 < xy.length; i += 2) {
                at.append(String.format(Locale.ROOT, "%s(%.3f, %.3f)", at.length() == 0 ? "" : " ", xy[i], xy[i + 1]));
            }
            row(b, "voice at (m)", at.toString());
        }
        row(b, "load", String.format(Locale.ROOT, "%.1f %% of the period", s.loadPercent()));
        row(b, "xruns", Long.toString(s.xruns()));
        row(b, "clamped", s.clampCount() + " samples");
        row(b, "clients", s.controllers() + " controllers, " + s.observers() + " observers");
        row(b, "latency", latencies(s.timing()));
        row(b, "late", lateness(s.timing()));
        return b.toString();
    }

    /** Each controller slot's scheduling latency, e.g. "slot 0: 2.97 ms, slot 3: 44.30 ms"; "-" with none. */
    public static String latencies(SchedulingStatus t) {
        StringBuilder b = new StringBuilder();
        float[] ms = t.latencyMs();
        for (int slot = 0; slot < ms.length; slot++) {
            if (ms[slot] > 0) {
                b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "slot %d: %.2f ms", slot, ms[slot]));
            }
        }
        return b.length() == 0 ? "-" : b.toString();
    }

    /** Timed commands that missed their sample, the worst by how much, and unusable times. */
    public static String lateness(SchedulingStatus t) {
        return String.format(Locale.ROOT, "%d commands (worst %.2f ms), %d unusable times", t.lateCommands(),
                t.worstLateMs(), t.timeFaults());
    }

    private static String rate(float sampleRate) {
        return ParamText.number(sampleRate) + " Hz";
    }

    private static String period(int frames, float sampleRate) {
        String base = frames + " frames per period";
        return sampleRate > 0
                ? base + String.format(Locale.ROOT, " (%.2f ms)", frames * 1000.0 / sampleRate)
                : base;
    }

    private static void row(StringBuilder b, String label, String value) {
        b.append(String.format(Locale.ROOT, "%-13s %s%n", label, value));
    }
}
