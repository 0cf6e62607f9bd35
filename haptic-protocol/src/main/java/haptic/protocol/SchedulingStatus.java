package haptic.protocol;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import java.util.Arrays;
import java.util.Objects;

/**
 * How well the server keeps time, part of {@link EngineStatus}. {@code lateCommands} counts timed
 * commands that reached the audio thread after their sample had passed (applied at the earliest sample
 * instead); {@code worstLateMs} is the largest such lateness; {@code timeFaults} counts commands whose
 * time was unusable (negative, or further ahead than the server waits) and that were applied as if
 * untimed. {@code latencyMs[slot]} is each controller slot's scheduling latency, 0 for a free slot.
 *
 * <p>Arrays are not copied: do not modify them after handing the record over.
 */
public record SchedulingStatus(long lateCommands, float worstLateMs, long timeFaults, float[] latencyMs) {
    public static final SchedulingStatus NONE = new SchedulingStatus(0, 0f, 0, new float[0]);

    @Override
    public boolean equals(Object o) {
        return o instanceof SchedulingStatus s && lateCommands == s.lateCommands
                && Float.compare(worstLateMs, s.worstLateMs) == 0 && timeFaults == s.timeFaults
                && Arrays.equals(latencyMs, s.latencyMs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lateCommands, worstLateMs, timeFaults, Arrays.hashCode(latencyMs));
    }

    @Override
    public String toString() {
        return "SchedulingStatus[lateCommands=" + lateCommands + ", worstLateMs=" + worstLateMs + ", timeFaults="
                + timeFaults + ", latencyMs=" + Arrays.toString(latencyMs) + "]";
    }

    static void write(Output out, SchedulingStatus s, String field) {
        WireFormat.requireNonNull(s, field);
        out.writeVarLong(s.lateCommands, true);
        WireFormat.writeFinite(out, s.worstLateMs, field + ".worstLateMs");
        out.writeVarLong(s.timeFaults, true);
        WireFormat.writeFloats(out, s.latencyMs, field + ".latencyMs");
    }

    static SchedulingStatus read(Input in, String field) {
        long late = in.readVarLong(true);
        float worst = WireFormat.readFinite(in, field + ".worstLateMs");
        long faults = in.readVarLong(true);
        return new SchedulingStatus(late, worst, faults, WireFormat.readFloats(in, field + ".latencyMs"));
    }
}
