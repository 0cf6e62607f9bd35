package haptic.jack;

import com.sun.jna.Pointer;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Moves one period of samples between a float array and one of our JACK ports, without allocating.
 *
 * <p>JACK hands out the port's buffer address each cycle. That address is almost always the same (an
 * output port owns its buffer; an input port connected to one source reads that source's buffer), so a
 * {@link FloatBuffer} view is created the first time an address appears and reused afterwards. The
 * small cache covers connection changes that flip an input between a few buffers; only a never-seen
 * address costs an allocation.
 */
public final class JackPortBuffer {
    private static final int SLOTS = 4;
    private static final float[] SILENCE = new float[1024];

    private final long port;
    private final String name;
    private final int minCapacity;
    /** The view cache ({@code addresses}, {@code views}, {@code nextSlot}) is written only on the process thread. */
    private final long[] addresses = new long[SLOTS];
    private final FloatBuffer[] views = new FloatBuffer[SLOTS];
    private int nextSlot;

    JackPortBuffer(long port, String name, int minCapacity) {
        this.port = port;
        this.name = name;
        this.minCapacity = minCapacity;
        BufferCopyWarmUp.ensure();
    }

    /** Full JACK name, "client:port". Any thread. */
    public String name() {
        return name;
    }

    /**
     * Real-time: copies {@code src[0, frames)} into this output port for the current cycle. Called on JACK's
     * process thread.
     */
    public void write(float[] src, int frames) {
        FloatBuffer v = view(frames);
        if (v != null) {
            v.put(0, src, 0, frames);
        }
    }

    /** Real-time: fills this output port with silence for the current cycle. Called on JACK's process thread. */
    public void silence(int frames) {
        FloatBuffer v = view(frames);
        if (v == null) {
            return;
        }
        for (int pos = 0; pos < frames; pos += SILENCE.length) {
            v.put(pos, SILENCE, 0, Math.min(SILENCE.length, frames - pos));
        }
    }

    /**
     * Real-time: copies this input port's current cycle into {@code dst[offset, offset + frames)}. Called on
     * JACK's process thread.
     */
    public void read(float[] dst, int offset, int frames) {
        FloatBuffer v = view(frames);
        if (v != null) {
            v.get(0, dst, offset, frames);
        }
    }

    private FloatBuffer view(int frames) {
        long address = JackNative.jack_port_get_buffer(port, frames);
        if (address == 0) {
            return null;
        }
        for (int i = 0; i < SLOTS; i++) {
            if (addresses[i] == address && views[i].capacity() >= frames) {
                return views[i];
            }
        }
        return remember(address, frames);
    }

    /** The only allocating path: a buffer address this port has not produced before. */
    private FloatBuffer remember(long address, int frames) {
        int capacity = Math.max(frames, minCapacity);
        FloatBuffer v = new Pointer(address).getByteBuffer(0, (long) capacity * Float.BYTES)
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        int slot = nextSlot;
        nextSlot = (slot + 1) % SLOTS;
        addresses[slot] = address;
        views[slot] = v;
        return v;
    }
}
