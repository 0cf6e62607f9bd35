package haptic.server.ipc;

import haptic.protocol.FrameDecoder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client socket as the IPC thread sees it: where it stands in the handshake, the bytes it sent that
 * are not handled yet, and the bytes owed to it that the socket has not taken yet.
 *
 * <p>The output buffer is bounded: a client that stops reading cannot make the server hold an unbounded
 * amount of memory for it. It grows on demand so idle connections stay small.
 */
final class ClientConnection {
    enum Stage { AWAITING_HELLO, CONTROLLER, OBSERVER }

    private static final int INITIAL_OUTPUT = 8 * 1024;

    final int number;
    final SocketChannel channel;
    final SelectionKey key;
    final FrameDecoder decoder = new FrameDecoder();
    /** When the connection was accepted, for the Hello timeout. */
    final long connectedNanos = System.nanoTime();
    private final ByteBuffer input;
    private final int outputLimit;
    /** Bytes owed to the client occupy [0, position). */
    private ByteBuffer output = ByteBuffer.allocate(INITIAL_OUTPUT);

    Stage stage = Stage.AWAITING_HELLO;
    int slot = -1;
    String instanceId = "";
    String label = "";
    /** The decoder may hold complete frames that were not handled yet (the round's budget ran out). */
    boolean framesPending;
    /** The selector reported the socket readable this round. */
    boolean readable;
    /** Why the input side ended (EOF, reset), or null while it is open; frames already received still count. */
    String inputEnded;
    /** No longer served: the instance is released, only the remaining output is flushed before closing. */
    boolean retired;
    boolean closed;
    long lastWriteProgressNanos;
    long telemetrySkipped;

    ClientConnection(int number, SocketChannel channel, SelectionKey key, int readChunk, int outputLimit) {
        this.number = number;
        this.channel = channel;
        this.key = key;
        this.input = ByteBuffer.allocate(readChunk);
        this.outputLimit = outputLimit;
    }

    /**
     * Reads at most {@code maxBytes} from the socket into the decoder.
     *
     * @return bytes read, 0 if none are available, -1 at end of stream
     */
    int read(int maxBytes) throws IOException {
        input.clear();
        input.limit(Math.min(input.capacity(), maxBytes));
        int n = channel.read(input);
        if (n > 0) {
            input.flip();
            decoder.feed(input);
            framesPending = true;
        }
        return n;
    }

    int pendingOutput() {
        return output.position();
    }

    boolean hasOutput() {
        return output.position() > 0;
    }

    /** @return false (and nothing queued) if the frame would push the output past its limit */
    boolean enqueue(byte[] frame, long nowNanos) {
        int needed = output.position() + frame.length;
        if (needed > outputLimit) {
            return false;
        }
        if (needed > output.capacity()) {
            int capacity = output.capacity();
            while (capacity < needed) {
                capacity *= 2;
            }
            ByteBuffer grown = ByteBuffer.allocate(Math.min(capacity, outputLimit));
            output.flip();
            grown.put(output);
            output = grown;
        }
        if (output.position() == 0) {
            lastWriteProgressNanos = nowNanos;
        }
        output.put(frame);
        return true;
    }

    /** Writes as much pending output as the socket takes without blocking. */
    void flush(long nowNanos) throws IOException {
        if (output.position() == 0) {
            return;
        }
        output.flip();
        int written = channel.write(output);
        output.compact();
        if (written > 0) {
            lastWriteProgressNanos = nowNanos;
        }
    }

    void discardOutput() {
        output.clear();
    }

    String describe() {
        switch (stage) {
            case CONTROLLER:
                return "client#" + number + " (controller '" + instanceId + "' slot " + slot + ")";
            case OBSERVER:
                return "client#" + number + " (observer)";
            default:
                return "client#" + number;
        }
    }
}
