package haptic.server.audio;

import java.util.Locale;

/** Which audio backend the server plays through. */
public enum Backend {
    /** JACK when a JACK server answers, else the headless paced sink. */
    AUTO,
    /** JACK only: failing to reach it at start is an error. */
    JACK,
    /** The headless paced sink: real-time pacing, output discarded (or recorded). */
    HEADLESS;

    /** The name on the command line and in log lines: auto, jack, headless. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
