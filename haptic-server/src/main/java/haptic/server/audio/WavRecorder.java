package haptic.server.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Records every output channel to a 32-bit float WAV (WAVE_FORMAT_EXTENSIBLE; RF64 past 4 GiB).
 *
 * <p>{@link #write} runs on the audio thread: it copies the period into a preallocated single-producer /
 * single-consumer ring, interleaved as in the file, and never blocks — if the ring is full the period is
 * dropped and counted. A writer thread drains the ring to disk and refreshes the header about once a second,
 * so a crash leaves a readable file. This class holds no string constants (see {@link WavFile}).
 */
public final class WavRecorder implements AutoCloseable {
    private static final int CHUNK_FRAMES = 4096;
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long HEADER_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Path path;
    private final WavFile file;
    private final int channels;
    private final float[] ring;
    private final int capacityFrames;
    private final ByteBuffer staging;
    private final FloatBuffer stagingFloats;
    private final Thread writer;
    /** Producer position in frames; written only by the audio thread. */
    private volatile long tail;
    /** Consumer position in frames; written only by the writer thread. */
    private volatile long head;
    /** Written only by the audio thread. */
    private volatile long dropped;
    /** Written only by the thread that calls close(). */
    private volatile boolean closing;
    /** Written by the writer thread, or by close() once that thread has ended. */
    private volatile IOException failure;
    private boolean closed;

    /**
     * @param ringSeconds how much audio the ring holds while the disk stalls (at least 1)
     */
    public WavRecorder(Path file, int channels, float sampleRate, int ringSeconds) throws IOException {
        this(file, channels, sampleRate, ringSeconds, WavHeader.RIFF_LIMIT);
    }

    /** {@code riffLimit} is lowered only by tests, to exercise the RF64 switch without writing 4 GiB. */
    WavRecorder(Path file, int channels, float sampleRate, int ringSeconds, long riffLimit) throws IOException {
        this.path = file;
        this.file = WavFile.create(file, channels, sampleRate, riffLimit);
        this.channels = channels;
        this.capacityFrames = Math.multiplyExact(Math.max(1, ringSeconds), this.file.sampleRate());
        this.ring = new float[Math.multiplyExact(capacityFrames, channels)];
        this.staging = ByteBuffer.allocateDirect(CHUNK_FRAMES * channels * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        this.stagingFloats = staging.asFloatBuffer();
        this.writer = WavFile.writerThread(this::drainLoop);
        writer.start();
    }

    /**
     * Real-time safe. Appends {@code out[0..channels-1][0, frames)}; returns false (and counts the frames as
     * dropped) if the ring has no room or the recorder is closing. Called on the audio thread.
     */
    public boolean write(float[][] out, int frames) {
        if (closing) {
            dropped = dropped + frames;
            return false;
        }
        long t = tail;
        if (frames > capacityFrames - (t - head)) {
            dropped = dropped + frames;
            return false;
        }
        int start = (int) (t % capacityFrames);
        int first = Math.min(frames, capacityFrames - start);
        interleave(out, 0, start, first);
        interleave(out, first, 0, frames - first);
        tail = t + frames;
        return true;
    }

    private void interleave(float[][] out, int from, int ringFrame, int frames) {
        int base = ringFrame * channels;
        for (int i = 0; i < frames; i++) {
            int src = from + i;
            for (int ch = 0; ch < channels; ch++) {
                ring[base++] = out[ch][src];
            }
        }
    }

    private void drainLoop() {
        long frames = 0;
        long lastHeader = System.nanoTime();
        try {
            while (true) {
                long h = head;
                long available = tail - h;
                if (available == 0) {
                    if (closing) {
                        break;
                    }
                    LockSupport.parkNanos(this, IDLE_NANOS);
                } else {
                    int start = (int) (h % capacityFrames);
                    int n = (int) Math.min(Math.min(available, CHUNK_FRAMES), capacityFrames - start);
                    stagingFloats.clear();
                    stagingFloats.put(ring, start * channels, n * channels);
                    staging.clear().limit(n * channels * Float.BYTES);
                    file.append(staging);
                    head = h + n;
                    frames += n;
                }
                if (System.nanoTime() - lastHeader > HEADER_REFRESH_NANOS) {
                    file.updateHeader(frames);
                    lastHeader = System.nanoTime();
                }
            }
            file.updateHeader(frames);
        } catch (IOException e) {
            // The producer now finds the ring full and counts drops; close() reports the failure.
            failure = e;
        }
    }

    /** Frames dropped because the ring was full (disk too slow) or the recorder was closing. Any thread. */
    public long droppedFrames() {
        return dropped;
    }

    /** Frames handed to the ring so far (written or about to be). Any thread. */
    public long recordedFrames() {
        return tail;
    }

    /** Any thread. */
    public Path file() {
        return path;
    }

    /**
     * Drains what is buffered, finishes the header and closes the file. Idempotent; any thread but the audio
     * thread (the server closes it after audio has stopped).
     *
     * @throws UncheckedIOException if writing the file failed at any point
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing = true;
        LockSupport.unpark(writer);
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            file.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
        IOException f = failure;
        if (f != null) {
            throw file.failed(f);
        }
    }
}
