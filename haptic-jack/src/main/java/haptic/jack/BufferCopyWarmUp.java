package haptic.jack;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Gets the JDK code behind {@link JackPortBuffer}'s copies (direct FloatBuffer bulk put/get, their bounds
 * checks, Unsafe.copyMemory) compiled by C2 from a setup thread, before JACK's process thread runs it.
 *
 * <p>Why: before C2 compiles a method, HotSpot interns every still-unresolved string constant of that method's
 * class on the thread that requested the compilation. For JDK classes such as java.util.Objects those are
 * exception messages that normally never run, so whichever thread first makes the bounds checks hot pays a
 * one-time allocation (measured: 128 bytes on the JACK thread about 100 cycles in). Doing it here moves that
 * allocation to the thread that opens the client.
 */
final class BufferCopyWarmUp {
    private static final int ROUNDS = 200_000;
    private static final long MAX_NANOS = 200_000_000L;
    /** Written only under the class lock, by the thread registering a port. */
    private static boolean done;

    private BufferCopyWarmUp() {
    }

    /** Called on the thread that registers a port (never JACK's process thread); the first call does the work. */
    static synchronized void ensure() {
        if (done) {
            return;
        }
        done = true;
        FloatBuffer view = ByteBuffer.allocateDirect(64 * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        float[] samples = new float[64];
        long deadline = System.nanoTime() + MAX_NANOS;
        for (int i = 0; i < ROUNDS && System.nanoTime() < deadline; i++) {
            samples[i & 63] = i;
            view.put(0, samples, 0, 64);
            view.get(0, samples, 0, 64);
        }
    }
}
