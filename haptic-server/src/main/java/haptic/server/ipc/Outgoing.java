package haptic.server.ipc;

import haptic.protocol.FrameEncoder;

import java.io.IOException;

/**
 * What the server owes its clients: replies are encoded into the connection's bounded output, and a client
 * whose output cannot take any more, or whose socket fails, is retired rather than buffered for. Confined
 * to the IPC thread.
 */
final class Outgoing implements Replies {
    private final FrameEncoder encoder;
    private final Retirement retirement;

    Outgoing(FrameEncoder encoder, Retirement retirement) {
        this.encoder = encoder;
        this.retirement = retirement;
    }

    /** Called on the IPC thread. */
    @Override
    public void send(ClientConnection c, Object message) {
        if (c.closed()) {
            return;
        }
        if (!c.enqueue(encoder.encode(message), System.nanoTime())) {
            overflow(c);
        }
    }

    /** The client's output is full: what it has not taken is dropped with it. */
    void overflow(ClientConnection c) {
        int pending = c.pendingOutput();
        c.discardOutput();
        retirement.retire(c, "output overflow (" + pending + " bytes not taken)");
    }

    /** Hands the socket what it takes without blocking; a failed write retires the client. */
    void flush(ClientConnection c, long nowNanos) {
        if (!c.hasOutput()) {
            return;
        }
        try {
            c.flush(nowNanos);
        } catch (IOException e) {
            c.discardOutput();
            retirement.retire(c, "write failed: " + e.getMessage());
        }
    }
}
