package haptic.testkit;

import haptic.jack.JackCycle;
import haptic.jack.JackPortBuffer;
import haptic.jack.JackSession;

import java.util.List;

/**
 * Records what other JACK clients play: one input port per source port, into preallocated arrays.
 *
 * <p>Samples are stored at their JACK frame time relative to the first cycle, so index {@code i} of every
 * channel is frame time {@link #startFrameTime()} + i; a cycle JACK skipped leaves zeros rather than
 * shifting later audio. {@link #indexNow()} and {@link #indexAtNanoTime(long)} map wall-clock moments onto
 * that index, which is what latency measurements need. Recording stops when the arrays are full.
 */
public final class JackCapture implements AutoCloseable {
    private final JackSession session;
    private final JackPortBuffer[] inputs;
    private final Recorder recorder;

    /**
     * @param server  JACK server name, or null for the default
     * @param sources full names of the ports to record, one input port each, connected in order
     * @param seconds recording length to preallocate
     */
    public JackCapture(String server, List<String> sources, double seconds) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("nothing to capture: no source ports");
        }
        session = JackSession.open("haptic-capture", server);
        try {
            int capacity = (int) Math.ceil(seconds * session.sampleRate());
            inputs = new JackPortBuffer[sources.size()];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = session.registerInput("in_" + (i + 1));
            }
            recorder = new Recorder(session, inputs, new float[sources.size()][capacity]);
            session.onProcess(recorder, "haptic-jack-capture");
            session.activate();
            for (int i = 0; i < inputs.length; i++) {
                session.connect(sources.get(i), inputs[i].name());
            }
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    public int channelCount() {
        return recorder.channels.length;
    }

    /** The live recording of one channel; indices below {@link #frames()} are filled. */
    public float[] channel(int ch) {
        return recorder.channels[ch];
    }

    /** Frames recorded so far (the end of the last stored cycle). */
    public long frames() {
        return recorder.frames;
    }

    public boolean full() {
        return recorder.full;
    }

    public float sampleRate() {
        return session.sampleRate();
    }

    /** JACK frame time of capture index 0 (unsigned 32-bit), or -1 before the first cycle. */
    public long startFrameTime() {
        return recorder.startFrameTime;
    }

    /** The capture index JACK's clock says is "now", or {@link Long#MIN_VALUE} before the first cycle. */
    public long indexNow() {
        long start = recorder.startFrameTime;
        return start < 0 ? Long.MIN_VALUE : signedFrames(session.frameTime() - start);
    }

    /**
     * The capture index of a {@link System#nanoTime()} instant (negative if before the recording began),
     * or {@link Long#MIN_VALUE} before the first cycle.
     */
    public long indexAtNanoTime(long nanoTime) {
        long start = recorder.startFrameTime;
        return start < 0 ? Long.MIN_VALUE : signedFrames(session.frameTimeAtNanoTime(nanoTime) - start);
    }

    /** JACK frame times are 32-bit and wrap; a difference is meaningful as a signed 32-bit value. */
    private static long signedFrames(long difference) {
        return (int) difference;
    }

    /** Full names of our input ports, in source order. */
    public String inputPortName(int ch) {
        return inputs[ch].name();
    }

    public long xruns() {
        return session.xruns();
    }

    @Override
    public void close() {
        session.close();
    }

    /** The real-time part, kept free of string constants (see haptic.jack.JackNative). */
    private static final class Recorder implements JackCycle {
        private static final long UINT32 = 0xffffffffL;

        private final JackSession session;
        private final JackPortBuffer[] inputs;
        private final float[][] channels;
        private final int capacity;
        private volatile long startFrameTime = -1;
        private volatile long frames;
        private volatile boolean full;

        Recorder(JackSession session, JackPortBuffer[] inputs, float[][] channels) {
            this.session = session;
            this.inputs = inputs;
            this.channels = channels;
            this.capacity = channels[0].length;
        }

        @Override
        public void run(int nframes) {
            long now = session.lastFrameTime();
            long start = startFrameTime;
            if (start < 0) {
                start = now;
                startFrameTime = now;
            }
            long pos = (now - start) & UINT32;
            if (pos + nframes > capacity) {
                full = true;
                return;
            }
            for (int ch = 0; ch < inputs.length; ch++) {
                inputs[ch].read(channels[ch], (int) pos, nframes);
            }
            frames = pos + nframes;
        }
    }
}
