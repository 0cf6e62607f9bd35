package haptic.server.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file side of {@link WavRecorder}: opening, appending sample bytes, rewriting the header. Kept apart so
 * that WavRecorder, whose write() runs on the audio thread, holds no string constants (C2 interns a class's
 * unresolved strings on whichever thread triggers its compilation).
 */
final class WavFile {
    private final Path path;
    private final int channels;
    private final int sampleRate;
    private final long riffLimit;
    private final FileChannel channel;
    private final ByteBuffer header = ByteBuffer.allocate(WavHeader.SIZE);

    private WavFile(Path path, int channels, int sampleRate, long riffLimit, FileChannel channel) {
        this.path = path;
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.riffLimit = riffLimit;
        this.channel = channel;
    }

    /** Creates (or truncates) the file and writes the header of an empty recording. */
    static WavFile create(Path path, int channels, float sampleRate, long riffLimit) throws IOException {
        if (channels <= 0 || !(sampleRate > 0)) {
            throw new IllegalArgumentException("WAV recording needs channels > 0 and a positive rate, got "
                    + channels + " channels at " + sampleRate + " Hz");
        }
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        WavFile f = new WavFile(path, channels, Math.round(sampleRate), riffLimit, ch);
        try {
            f.updateHeader(0);
            ch.position(WavHeader.SIZE);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return f;
    }

    int sampleRate() {
        return sampleRate;
    }

    /** Appends interleaved little-endian float samples. */
    void append(ByteBuffer samples) throws IOException {
        while (samples.hasRemaining()) {
            channel.write(samples);
        }
    }

    /** Rewrites the header in place for a recording of {@code frames} frames (RIFF or, past the limit, RF64). */
    void updateHeader(long frames) throws IOException {
        WavHeader.write(header, channels, sampleRate, frames, riffLimit);
        long pos = 0;
        while (header.hasRemaining()) {
            pos += channel.write(header, pos);
        }
    }

    void close() throws IOException {
        channel.close();
    }

    UncheckedIOException failed(IOException cause) {
        return new UncheckedIOException("recording to " + path + " failed: " + cause.getMessage(), cause);
    }

    static Thread writerThread(Runnable drain) {
        Thread t = new Thread(drain, "haptic-wav-writer");
        t.setDaemon(true);
        return t;
    }
}
