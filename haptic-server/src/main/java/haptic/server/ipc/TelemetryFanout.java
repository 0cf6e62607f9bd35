package haptic.server.ipc;

import haptic.protocol.EngineStatus;
import haptic.protocol.FrameEncoder;
import haptic.protocol.Protocol;
import haptic.protocol.SchedulingStatus;
import haptic.protocol.TransducerLevels;
import haptic.server.link.Telemetry;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sends each telemetry snapshot to every observer as TransducerLevels and EngineStatus, encoding it
 * once. Telemetry is lossy: an observer that lags (output above half its limit) misses snapshots
 * rather than making the server buffer them; replies to it still get through. Confined to the IPC thread.
 */
final class TelemetryFanout {
    private final FrameEncoder encoder;
    private final ServerInfo info;
    private final int outputLimit;
    private long skipped;
    private long unencodable;

    TelemetryFanout(FrameEncoder encoder, ServerInfo info, int outputLimit) {
        this.encoder = encoder;
        this.info = info;
        this.outputLimit = outputLimit;
    }

    /** Snapshots not sent to some observer because its output was backed up, summed over observers. */
    long skipped() {
        return skipped;
    }

    /** Snapshots that could not be encoded (for example a non-finite level) and went to nobody. */
    long unencodable() {
        return unencodable;
    }

    /**
     * @param overflow called for an observer whose output cannot take the frames
     * @return the encoding problem if the snapshot could not be sent at all, else null
     */
    String deliver(Telemetry t, List<ClientConnection> clients, int controllers, int observers, long nowNanos,
                   Consumer<ClientConnection> overflow) {
        if (observers == 0) {
            return null;
        }
        byte[] levels;
        byte[] status;
        try {
            levels = encoder.encode(new TransducerLevels(t.frame, t.peak, t.rms));
            int voiceFloats = Math.min(Math.min(t.voiceCount * 2, t.voiceXY.length), Protocol.MAX_ARRAY_LENGTH);
            status = encoder.encode(new EngineStatus(t.activeVoices, t.loadPercent, t.xruns, t.clampCount,
                    info.backendName(), info.sampleRate(), info.periodFrames(), controllers, observers,
                    Arrays.copyOf(t.voiceXY, Math.max(0, voiceFloats)), timing(t, clients)));
        } catch (RuntimeException e) {
            unencodable++;
            return e.getMessage();
        }
        for (int i = 0; i < clients.size(); i++) {
            ClientConnection c = clients.get(i);
            if (c.stage() != ClientConnection.Stage.OBSERVER || c.retired()) {
                continue;
            }
            if (c.pendingOutput() > outputLimit / 2) {
                c.skipTelemetry();
                skipped++;
            } else if (!c.enqueue(levels, nowNanos) || !c.enqueue(status, nowNanos)) {
                overflow.accept(c);
            }
        }
        return null;
    }

    /** The audio thread's timing totals, with the latency of each slot a controller holds (0 for the others). */
    private static SchedulingStatus timing(Telemetry t, List<ClientConnection> clients) {
        int slots = 0;
        for (ClientConnection c : clients) {
            if (c.stage() == ClientConnection.Stage.CONTROLLER && c.slot() < t.latencyMs.length) {
                slots = Math.max(slots, c.slot() + 1);
            }
        }
        float[] latency = new float[slots];
        for (ClientConnection c : clients) {
            if (c.stage() == ClientConnection.Stage.CONTROLLER && c.slot() >= 0 && c.slot() < slots) {
                latency[c.slot()] = t.latencyMs[c.slot()];
            }
        }
        return new SchedulingStatus(t.lateCommands, t.worstLateMs, t.timeFaults, latency);
    }
}
