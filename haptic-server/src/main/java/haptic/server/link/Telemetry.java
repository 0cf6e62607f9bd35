package haptic.server.link;

/**
 * One snapshot of what the audio thread measured: transducer levels and engine status.
 * Preallocated and recycled through {@link TelemetryLink}.
 */
public final class Telemetry {
    public final float[] peak;
    public final float[] rms;
    /** Engine frame clock at the end of the measured window. */
    public long frame;
    public int activeVoices;
    /** Callback time over the window as a percentage of the period time, max of the window. */
    public float loadPercent;
    public long xruns;
    public long clampCount;
    public long nonFiniteCount;
    /** x,y pairs of the sounding voices' sources; {@link #voiceCount} of them are valid. */
    public final float[] voiceXY;
    public int voiceCount;
    /** Timed commands applied after their sample, the worst lateness, and unusable times (audio thread totals). */
    public long lateCommands;
    public float worstLateMs;
    public long timeFaults;
    /** Scheduling latency of each controller slot, ms (slots beyond {@link #LATENCY_SLOTS} are not reported). */
    public final float[] latencyMs = new float[LATENCY_SLOTS];

    public static final int LATENCY_SLOTS = 64;

    public Telemetry(int channels, int maxVoiceSources) {
        peak = new float[channels];
        rms = new float[channels];
        voiceXY = new float[maxVoiceSources * 2];
    }
}
