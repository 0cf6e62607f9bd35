package haptic.server.ipc;

import haptic.protocol.ErrorReply;
import haptic.protocol.ProtocolException;

import java.util.List;

/**
 * Shares reading and decoding fairly among the connections: each round every connection gets one turn of
 * at most {@link #READ_BUDGET} bytes and {@link #FRAME_BUDGET} frames, and the connection that goes first
 * rotates, so a flooding client neither starves the others nor is always first to claim backlog space.
 * Confined to the IPC thread.
 */
final class InputTurns {
    /** Most bytes read from one client per round. */
    static final int READ_BUDGET = 16 * 1024;
    /** Most frames handled for one client per round. */
    static final int FRAME_BUDGET = 64;

    private final CommandOutbox outbox;
    private final ClientRequests requests;
    private final ReadPause readPause;
    private final Outgoing outgoing;
    private final Retirement retirement;
    private int first;

    InputTurns(CommandOutbox outbox, ClientRequests requests, ReadPause readPause, Outgoing outgoing,
               Retirement retirement) {
        this.outbox = outbox;
        this.requests = requests;
        this.readPause = readPause;
        this.outgoing = outgoing;
        this.retirement = retirement;
    }

    /** Whether some connection has input to handle without waiting for the socket: frames left over, or an end. */
    boolean anyPending(List<ClientConnection> clients) {
        for (int i = 0; i < clients.size(); i++) {
            ClientConnection c = clients.get(i);
            if (!c.retired() && (c.framesPending() || c.inputEnded() != null)) {
                return true;
            }
        }
        return false;
    }

    /** Gives every connection still served its turn; a bug while handling one retires that one only. */
    void serve(List<ClientConnection> clients) {
        int n = clients.size();
        if (n == 0) {
            return;
        }
        first = (first + 1) % n;
        for (int k = 0; k < n; k++) {
            ClientConnection c = clients.get((first + k) % n);
            if (c.retired()) {
                continue;
            }
            try {
                turn(c);
            } catch (RuntimeException e) {
                outgoing.send(c, new ErrorReply("internal server error"));
                retirement.retire(c, "internal error: " + e);
            }
            c.endTurn();
        }
    }

    /**
     * Frames already received go first and the socket is read only once they are handled, so unhandled bytes
     * wait in the socket rather than pile up in the decoder. Stops early while the backlog cannot take another
     * frame.
     */
    private void turn(ClientConnection c) {
        int frames = 0;
        int bytes = 0;
        while (frames < FRAME_BUDGET && !c.retired() && outbox.canTakeFrame()) {
            Object msg;
            try {
                msg = c.nextMessage();
            } catch (ProtocolException e) {
                String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                outgoing.send(c, new ErrorReply(Replies.fit(reason)));
                retirement.retire(c, "protocol error: " + reason);
                return;
            }
            if (msg != null) {
                frames++;
                String refusal = requests.handle(c, msg);
                if (refusal != null) {
                    retirement.retire(c, refusal);
                }
                continue;
            }
            if (c.inputEnded() != null) {
                retirement.retire(c, c.inputEnded());
                return;
            }
            if (!c.readable() || readPause.paused() || bytes >= READ_BUDGET) {
                return;
            }
            int n = c.read(READ_BUDGET - bytes);
            if (n == 0) {
                return;
            }
            bytes += Math.max(n, 0);
        }
    }
}
