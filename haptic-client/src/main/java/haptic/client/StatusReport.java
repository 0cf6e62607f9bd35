package haptic.client;

import haptic.protocol.EngineStatus;
import haptic.protocol.HelloAccepted;

import java.util.Locale;

/** The human-readable form of what {@code haptic status} learns from the server. */
final class StatusReport {
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
        return b.toString();
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
