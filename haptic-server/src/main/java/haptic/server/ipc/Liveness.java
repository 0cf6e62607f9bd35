package haptic.server.ipc;

import haptic.protocol.ErrorReply;

import java.util.concurrent.TimeUnit;

/**
 * Lets go of clients that stopped taking part: one that never says Hello only holds a place, and one whose
 * socket takes no bytes for too long (frozen, or gone without closing) would hold its output and, for a
 * controller, its instance forever. Confined to the IPC thread.
 */
final class Liveness {
    private final long helloTimeoutNanos;
    private final long writeTimeoutNanos;
    private final Outgoing outgoing;
    private final Retirement retirement;

    Liveness(long helloTimeoutNanos, long writeTimeoutNanos, Outgoing outgoing, Retirement retirement) {
        this.helloTimeoutNanos = helloTimeoutNanos;
        this.writeTimeoutNanos = writeTimeoutNanos;
        this.outgoing = outgoing;
        this.retirement = retirement;
    }

    /**
     * Retires a connection that has not said Hello in time, telling it why. Not while its Hello may already
     * be in and merely waiting its turn: frames are pending, or reads are paused for everyone.
     */
    void checkHello(ClientConnection c, long nowNanos, boolean readsPaused) {
        if (c.stage() == ClientConnection.Stage.AWAITING_HELLO && !c.retired() && !c.framesPending() && !readsPaused
                && nowNanos - c.connectedNanos() > helloTimeoutNanos) {
            String reason = "no Hello within " + TimeUnit.NANOSECONDS.toMillis(helloTimeoutNanos) + " ms";
            outgoing.send(c, new ErrorReply(reason));
            retirement.retire(c, reason);
        }
    }

    /** Retires a connection, dropping its output, once its socket has taken nothing for the write timeout. */
    void checkWriteProgress(ClientConnection c, long nowNanos) {
        if (c.hasOutput() && nowNanos - c.lastWriteProgressNanos() > writeTimeoutNanos) {
            int pending = c.pendingOutput();
            c.discardOutput();
            retirement.retire(c, "write timeout (" + pending + " bytes not taken for "
                    + TimeUnit.NANOSECONDS.toMillis(writeTimeoutNanos) + " ms)");
        }
    }
}
