package haptic.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import java.util.Arrays;
import java.util.Objects;

/**
 * Periodic engine health, server to observers. {@code loadPercent} is audio-callback time as a
 * percentage of the period; {@code clampCount} counts samples limited by the output ceiling.
 * {@code voiceXY} holds the table position of each sounding voice as interleaved pairs
 * {@code x0, y0, x1, y1, ...} in metres, so its length is always even.
 *
 * <p>Arrays are not copied: do not modify them after handing the record over.
 */
public record EngineStatus(int activeVoices, float loadPercent, long xruns, long clampCount, String backend,
                           float sampleRate, int periodFrames, int controllers, int observers, float[] voiceXY,
                           SchedulingStatus timing) {

    /** A status without timing figures (an observer-only server, tests). */
    public EngineStatus(int activeVoices, float loadPercent, long xruns, long clampCount, String backend,
                        float sampleRate, int periodFrames, int controllers, int observers, float[] voiceXY) {
        this(activeVoices, loadPercent, xruns, clampCount, backend, sampleRate, periodFrames, controllers, observers,
                voiceXY, SchedulingStatus.NONE);
    }

    /** Number of voice positions in {@link #voiceXY()}. */
    public int voicePositions() {
        return voiceXY.length / 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineStatus s
                && activeVoices == s.activeVoices
                && Float.compare(loadPercent, s.loadPercent) == 0
                && xruns == s.xruns
                && clampCount == s.clampCount
                && Objects.equals(backend, s.backend)
                && Float.compare(sampleRate, s.sampleRate) == 0
                && periodFrames == s.periodFrames
                && controllers == s.controllers
                && observers == s.observers
                && Arrays.equals(voiceXY, s.voiceXY)
                && Objects.equals(timing, s.timing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(activeVoices, loadPercent, xruns, clampCount, backend, sampleRate, periodFrames,
                controllers, observers, Arrays.hashCode(voiceXY), timing);
    }

    @Override
    public String toString() {
        return "EngineStatus[activeVoices=" + activeVoices + ", loadPercent=" + loadPercent + ", xruns=" + xruns
                + ", clampCount=" + clampCount + ", backend=" + backend + ", sampleRate=" + sampleRate
                + ", periodFrames=" + periodFrames + ", controllers=" + controllers + ", observers=" + observers
                + ", voiceXY=" + Arrays.toString(voiceXY) + ", timing=" + timing + "]";
    }

    static final class Codec extends Serializer<EngineStatus> {
        @Override
        public void write(Kryo kryo, Output out, EngineStatus m) {
            requireEven(WireFormat.requireNonNull(m.voiceXY, "EngineStatus.voiceXY").length);
            out.writeVarInt(m.activeVoices, true);
            WireFormat.writeFinite(out, m.loadPercent, "EngineStatus.loadPercent");
            out.writeVarLong(m.xruns, true);
            out.writeVarLong(m.clampCount, true);
            WireFormat.writeString(out, m.backend, "EngineStatus.backend");
            WireFormat.writeFinite(out, m.sampleRate, "EngineStatus.sampleRate");
            out.writeVarInt(m.periodFrames, true);
            out.writeVarInt(m.controllers, true);
            out.writeVarInt(m.observers, true);
            WireFormat.writeFloats(out, m.voiceXY, "EngineStatus.voiceXY");
            SchedulingStatus.write(out, m.timing, "EngineStatus.timing");
        }

        @Override
        public EngineStatus read(Kryo kryo, Input in, Class<? extends EngineStatus> type) {
            int activeVoices = in.readVarInt(true);
            float loadPercent = WireFormat.readFinite(in, "EngineStatus.loadPercent");
            long xruns = in.readVarLong(true);
            long clampCount = in.readVarLong(true);
            String backend = WireFormat.readString(in, "EngineStatus.backend");
            float sampleRate = WireFormat.readFinite(in, "EngineStatus.sampleRate");
            int periodFrames = in.readVarInt(true);
            int controllers = in.readVarInt(true);
            int observers = in.readVarInt(true);
            float[] voiceXY = WireFormat.readFloats(in, "EngineStatus.voiceXY");
            requireEven(voiceXY.length);
            SchedulingStatus timing = SchedulingStatus.read(in, "EngineStatus.timing");
            return new EngineStatus(activeVoices, loadPercent, xruns, clampCount, backend, sampleRate, periodFrames,
                    controllers, observers, voiceXY, timing);
        }

        private static void requireEven(int length) {
            if (length % 2 != 0) {
                throw new ProtocolException("EngineStatus.voiceXY has odd length " + length + "; it holds x,y pairs");
            }
        }
    }
}
