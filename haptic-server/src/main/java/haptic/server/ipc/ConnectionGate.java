package haptic.server.ipc;

import haptic.protocol.ErrorReply;
import haptic.protocol.FrameEncoder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Who gets a connection at all: only the server's own user ({@link PeerGate}), and no more than the
 * connection limit at a time. Anyone else is turned away with one ErrorReply before any buffer or codec is
 * spent on them, which bounds what a connection flood can take. Confined to the IPC thread.
 */
final class ConnectionGate {
    /** After accept() fails (usually: out of file descriptors), how long to leave new connections queued. */
    private static final long ACCEPT_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ServerSocketChannel listener;
    private final SelectionKey acceptKey;
    private final Selector selector;
    private final PeerGate peers;
    private final int maxClients;
    private final int readChunk;
    private final int outputLimit;
    private final FrameEncoder encoder;
    private final Counters counters;
    private final Consumer<String> log;
    private final ThrottledLog refusals;
    private final ThrottledLog acceptFailures;
    /** While accepting is paused after a failure, when to try again; 0 when not paused. */
    private long acceptResumeNanos;
    private int nextClientNumber;

    /**
     * Registers {@code listener} with {@code selector} for accepting.
     *
     * @param readChunk   most bytes one read of a new connection takes
     * @param outputLimit most bytes a new connection may owe its client
     */
    ConnectionGate(ServerSocketChannel listener, Selector selector, PeerGate peers, int maxClients, int readChunk,
                   int outputLimit, FrameEncoder encoder, Counters counters, Consumer<String> log) throws IOException {
        this.listener = listener;
        this.selector = selector;
        this.peers = peers;
        this.maxClients = maxClients;
        this.readChunk = readChunk;
        this.outputLimit = outputLimit;
        this.encoder = encoder;
        this.counters = counters;
        this.log = log;
        long second = TimeUnit.SECONDS.toNanos(1);
        this.refusals = new ThrottledLog(log, second);
        this.acceptFailures = new ThrottledLog(log, second);
        listener.configureBlocking(false);
        this.acceptKey = listener.register(selector, SelectionKey.OP_ACCEPT);
    }

    /**
     * Takes every queued connection: admitted ones join {@code clients}, reading at once unless reads are
     * paused for everyone. A failing accept pauses accepting for a moment instead of failing the round.
     */
    void acceptAll(List<ClientConnection> clients, boolean readsPaused) throws IOException {
        while (true) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                // Typically out of file descriptors. The connection stays queued, so the selector would report
                // it again at once: leave it for a moment instead of spinning, and keep serving everyone else.
                long now = System.nanoTime();
                acceptFailures.accept("ipc: cannot accept a connection (" + e.getMessage() + "); retrying in "
                        + TimeUnit.NANOSECONDS.toMillis(ACCEPT_RETRY_NANOS) + " ms", now);
                acceptKey.interestOps(0);
                acceptResumeNanos = now + ACCEPT_RETRY_NANOS;
                return;
            }
            if (channel == null) {
                return;
            }
            String refusal = peers.refusal(channel);
            if (refusal == null && clients.size() >= maxClients) {
                refusal = "too many connections (" + maxClients + " open)";
            }
            if (refusal != null) {
                turnAway(channel, refusal);
                continue;
            }
            try {
                channel.configureBlocking(false);
                SelectionKey key = channel.register(selector, readsPaused ? 0 : SelectionKey.OP_READ);
                ClientConnection c = new ClientConnection(++nextClientNumber, channel, key, readChunk, outputLimit);
                key.attach(c);
                clients.add(c);
                log.accept(c.describe() + " connected");
            } catch (IOException e) {
                channel.close();
                log.accept("ipc: could not set up a new connection: " + e.getMessage());
            }
        }
    }

    /** Accepts again once the pause after a failed accept is over. */
    void resumeAccepting(long nowNanos) {
        if (acceptResumeNanos != 0 && nowNanos - acceptResumeNanos >= 0) {
            acceptResumeNanos = 0;
            acceptKey.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    /**
     * Closes a connection before it is served, telling the peer why in one ErrorReply if its socket takes
     * it at once (an empty socket always does); no codec or buffers are spent on it.
     */
    private void turnAway(SocketChannel channel, String reason) {
        counters.countRefusal();
        refusals.accept("ipc: refused a connection: " + reason, System.nanoTime());
        try {
            channel.configureBlocking(false);
            channel.write(ByteBuffer.wrap(encoder.encode(new ErrorReply(Replies.fit(reason)))));
        } catch (IOException e) {
            // The peer may already be gone; it is refused either way.
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                log.accept("ipc: error closing a refused connection: " + e.getMessage());
            }
        }
    }
}
