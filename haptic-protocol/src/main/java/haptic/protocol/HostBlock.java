package haptic.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * A controller's audio setup: its host's sample rate and largest block. The server derives the
 * instance's default scheduling latency from the block's duration; sent after the handshake and again
 * whenever the host changes either. {@code blockFrames} 0 means the controller has no blocks (the CLI).
 */
public record HostBlock(float sampleRate, int blockFrames) {

    static final class Codec extends Serializer<HostBlock> {
        @Override
        public void write(Kryo kryo, Output out, HostBlock m) {
            WireFormat.writeFinite(out, requirePositive(m.sampleRate), "HostBlock.sampleRate");
            WireFormat.writeRanged(out, m.blockFrames, 0, MAX_BLOCK, "HostBlock.blockFrames");
        }

        @Override
        public HostBlock read(Kryo kryo, Input in, Class<? extends HostBlock> type) {
            float rate = requirePositive(WireFormat.readFinite(in, "HostBlock.sampleRate"));
            return new HostBlock(rate, WireFormat.readRanged(in, 0, MAX_BLOCK, "HostBlock.blockFrames"));
        }

        private static float requirePositive(float rate) {
            if (!(rate > 0f)) {
                throw new ProtocolException("HostBlock.sampleRate " + rate + " is not positive");
            }
            return rate;
        }
    }

    /** Largest block a host may report (VST3 hosts go up to 8192; leave room). */
    public static final int MAX_BLOCK = 65536;
}
