package haptic.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import java.util.Arrays;

/**
 * Output meters, server to observers: for each transducer (layout index) the linear peak and RMS of
 * its signal since the previous levels message. {@code frame} is the engine's frame counter at the end
 * of the measured span. Both arrays have one element per transducer.
 *
 * <p>Arrays are not copied: do not modify them after handing the record over.
 */
public record TransducerLevels(long frame, float[] peak, float[] rms) {

    @Override
    public boolean equals(Object o) {
        return o instanceof TransducerLevels l
                && frame == l.frame
                && Arrays.equals(peak, l.peak)
                && Arrays.equals(rms, l.rms);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(frame) + Arrays.hashCode(peak)) + Arrays.hashCode(rms);
    }

    @Override
    public String toString() {
        return "TransducerLevels[frame=" + frame + ", peak=" + Arrays.toString(peak)
                + ", rms=" + Arrays.toString(rms) + "]";
    }

    static final class Codec extends Serializer<TransducerLevels> {
        @Override
        public void write(Kryo kryo, Output out, TransducerLevels m) {
            WireFormat.requireNonNull(m.peak, "TransducerLevels.peak");
            WireFormat.requireNonNull(m.rms, "TransducerLevels.rms");
            WireFormat.requireSameLength(m.peak.length, m.rms.length, "TransducerLevels.peak", "TransducerLevels.rms");
            out.writeLong(m.frame);
            WireFormat.writeFloats(out, m.peak, "TransducerLevels.peak");
            WireFormat.writeFloats(out, m.rms, "TransducerLevels.rms");
        }

        @Override
        public TransducerLevels read(Kryo kryo, Input in, Class<? extends TransducerLevels> type) {
            long frame = in.readLong();
            float[] peak = WireFormat.readFloats(in, "TransducerLevels.peak");
            float[] rms = WireFormat.readFloats(in, "TransducerLevels.rms");
            WireFormat.requireSameLength(peak.length, rms.length, "TransducerLevels.peak", "TransducerLevels.rms");
            return new TransducerLevels(frame, peak, rms);
        }
    }
}
