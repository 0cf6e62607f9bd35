package haptic.server.ipc;

import haptic.protocol.FrameDecoder;
import haptic.protocol.ProtocolException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client socket as the IPC thread sees it: where it stands in the handshake, the bytes it sent that
 * are not handled yet, and the bytes owed to it that the socket has not taken yet.
 *
 * <p>Every field is written here only; the classes that serve the connection ask for a transition
 * ({@link #admitController}, {@link #retire}, ...) instead of setting state, so each step of a
 * connection's life has one place that decides what it means. Confined to the IPC thread.
 *
 * <p>The output buffer is bounded: a client that stops reading cannot make the server hold an unbounded
 * amount of memory for it. It grows on demand so idle connections stay small.
 */
final class ClientConnection {
    enum Stage { AWAITING_HELLO, CONTROLLER, OBSERVER }

    private static final int INITIAL_OUTPUT = 8 * 1024;

    private final int number;
    private final SocketChannel channel;
    private final SelectionKey key;
    private final FrameDecoder decoder = new FrameDecoder();
    /** When the connection was accepted, for the Hello timeout. */
    private final long connectedNanos = System.nanoTime();
    private final ByteBuffer input;
    private final int outputLimit;
    /** Bytes owed to the client occupy [0, position). */
    private ByteBuffer output = ByteBuffer.allocate(INITIAL_OUTPUT);

    private Stage stage = Stage.AWAITING_HELLO;
    private int slot = -1;
    private String instanceId = "";
    /** The decoder may hold complete frames that were not handled yet (the round's budget ran out). */
    private boolean framesPending;
    /** The selector reported the socket readable this round. */
    private boolean readable;
    /** Why the input side ended (EOF, reset), or null while it is open; frames already received still count. */
    private String inputEnded;
    /** No longer served: the instance is released, only the remaining output is flushed before closing. */
    private boolean retired;
    private boolean closed;
    private long lastWriteProgressNanos;
    private long telemetrySkipped;

    ClientConnection(int number, SocketChannel channel, SelectionKey key, int readChunk, int outputLimit) {
        this.number = number;
        this.channel = channel;
        this.key = key;
        this.input = ByteBuffer.allocate(readChunk);
        this.outputLimit = outputLimit;
    }

    Stage stage() {
        return stage;
    }

    /** The engine instance slot of a controller, -1 otherwise. */
    int slot() {
        return slot;
    }

    long connectedNanos() {
        return connectedNanos;
    }

    boolean framesPending() {
        return framesPending;
    }

    boolean readable() {
        return readable;
    }

    /** Why no more bytes will come, or null while the input side is open. */
    String inputEnded() {
        return inputEnded;
    }

    boolean retired() {
        return retired;
    }

    boolean closed() {
        return closed;
    }

    /** When the socket last took bytes, or the first pending byte was queued. */
    long lastWriteProgressNanos() {
        return lastWriteProgressNanos;
    }

    long telemetrySkipped() {
        return telemetrySkipped;
    }

    void admitObserver() {
        stage = Stage.OBSERVER;
    }

    void admitController(int slot, String instanceId) {
        this.stage = Stage.CONTROLLER;
        this.slot = slot;
        this.instanceId = instanceId;
    }

    /** The selector reported the socket readable; holds until {@link #endTurn}. */
    void markReadable() {
        readable = true;
    }

    /** This round's turn at input is over: the next read waits for the selector to report the socket again. */
    void endTurn() {
        readable = false;
    }

    /**
     * The next complete frame already received, or null once every received byte is handled (then no
     * frames are pending until the next read).
     */
    Object nextMessage() throws ProtocolException {
        Object msg = decoder.next();
        if (msg == null) {
            framesPending = false;
        }
        return msg;
    }

    /**
     * Reads at most {@code maxBytes} from the socket into the decoder. End of stream or a failed read ends
     * the input side ({@link #inputEnded}); the frames received before it are still handed out.
     *
     * @return bytes read, 0 if none are available, -1 if the input side ended
     */
    int read(int maxBytes) {
        input.clear();
        input.limit(Math.min(input.capacity(), maxBytes));
        int n;
        try {
            n = channel.read(input);
        } catch (IOException e) {
            inputEnded = "connection lost: " + e.getMessage();
            return -1;
        }
        if (n < 0) {
            inputEnded = stage == Stage.AWAITING_HELLO ? "disconnected before Hello" : "disconnected";
        } else if (n > 0) {
            input.flip();
            decoder.feed(input);
            framesPending = true;
        }
        return n;
    }

    /** Stops serving the connection; only its remaining output still leaves. @return false if it already was retired */
    boolean retire() {
        if (retired) {
            return false;
        }
        retired = true;
        return true;
    }

    /** An observer missed a telemetry snapshot because its output was backed up. */
    void skipTelemetry() {
        telemetrySkipped++;
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

    /**
     * Asks the selector for what the connection can still use: reads while it is served, its input is open
     * and reads are not paused for everyone; writes while output is pending.
     */
    void updateInterest(boolean readsPaused) {
        if (closed || !key.isValid()) {
            return;
        }
        int ops = 0;
        if (!retired && inputEnded == null && !readsPaused) {
            ops |= SelectionKey.OP_READ;
        }
        if (hasOutput()) {
            ops |= SelectionKey.OP_WRITE;
        }
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /** Cancels the key and closes the socket; idempotent. The connection counts as closed even if closing fails. */
    void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        key.cancel();
        channel.close();
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
