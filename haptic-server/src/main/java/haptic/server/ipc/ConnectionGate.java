package haptic.server.ipc;

import haptic.protocol.ErrorReply;
import haptic.protocol.FrameEncoder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Who gets a connection at all: accepts what the socket has queued, admits only the server's own user
 * ({@link PeerGate}) and at most {@link IpcServer#MAX_CLIENTS} at a time, and turns everyone else away
 * with one ErrorReply before any buffer or codec is spent on them. When accept() itself fails (usually:
 * out of file descriptors) it stops listening for a moment instead of spinning on the same event.
 *
 * <p>Threads: everything runs on the "haptic-ipc" thread, except {@link #refusedConnections}, which any
 * thread may read (the IPC thread is its single writer).
 */
final class ConnectionGate {
    /** After accept() fails, how long to leave new connections queued. */
    private static final long ACCEPT_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ServerSocketChannel server;
    private final Selector selector;
    private final SelectionKey acceptKey;
    private final PeerGate peers;
    private final FrameEncoder encoder;
    private final Consumer<String> log;
    private final ThrottledLog refusals;
    private final ThrottledLog acceptFailures;
    /** While accepting is paused after a failure, when to try again; 0 when not paused. */
    private long acceptResumeNanos;
    private int nextClientNumber;
    private volatile long refusedConnections;

    /** Called by IpcServer.start() on the owner's thread, before the IPC thread exists. */
    ConnectionGate(ServerSocketChannel server, Selector selector, PeerGate peers, FrameEncoder encoder,
                   Consumer<String> log) throws IOException {
        this.server = server;
        this.selector = selector;
        this.acceptKey = server.register(selector, SelectionKey.OP_ACCEPT);
        this.peers = peers;
        this.encoder = encoder;
        this.log = log;
        long second = TimeUnit.SECONDS.toNanos(1);
        this.refusals = new ThrottledLog(log, second);
        this.acceptFailures = new ThrottledLog(log, second);
    }

    /**
     * Called on the IPC thread when the socket is acceptable: admits every queued connection it may, each
     * registered for reading unless reads are paused, and hands it to {@code admitted}.
     */
    void acceptAll(int openClients, boolean readsPaused, int readBudget, int outputLimit,
                   Consumer<ClientConnection> admitted) throws IOException {
        int open = openClients;
        while (true) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                // The connection stays queued, so the selector would report it again at once: leave it for a
                // moment instead of spinning, and keep serving everyone else.
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
            if (refusal == null && open >= IpcServer.MAX_CLIENTS) {
                refusal = "too many connections (" + IpcServer.MAX_CLIENTS + " open)";
            }
            if (refusal != null) {
                turnAway(channel, refusal);
                continue;
            }
            try {
                channel.configureBlocking(false);
                SelectionKey key = channel.register(selector, readsPaused ? 0 : SelectionKey.OP_READ);
                ClientConnection c = new ClientConnection(++nextClientNumber, channel, key, readBudget, outputLimit);
                key.attach(c);
                admitted.accept(c);
                open++;
            } catch (IOException e) {
                channel.close();
                log.accept("ipc: could not set up a new connection: " + e.getMessage());
            }
        }
    }

    /** Called on the IPC thread each round: listens again once the pause after an accept failure is over. */
    void resumeAccepting() {
        if (acceptResumeNanos != 0 && System.nanoTime() - acceptResumeNanos >= 0) {
            acceptResumeNanos = 0;
            acceptKey.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    /** Any thread: connections turned away before being served. */
    long refusedConnections() {
        return refusedConnections;
    }

    /**
     * Closes a connection before it is served, telling the peer why in one ErrorReply if its socket takes
     * it at once (an empty socket always does).
     */
    private void turnAway(SocketChannel channel, String reason) {
        refusedConnections++;
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
