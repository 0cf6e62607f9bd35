package haptic.client;

import haptic.protocol.ErrorReply;
import haptic.protocol.Ping;
import haptic.protocol.Pong;

import java.io.IOException;
import java.io.PrintStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** What a running command works with: its connection and where to print. */
final class Session {
    private final HapticClient client;
    private final PrintStream out;
    private final PrintStream err;
    private final Duration replyTimeout;
    private final SavedParams saved;

    Session(HapticClient client, PrintStream out, PrintStream err, Duration replyTimeout, SavedParams saved) {
        this.client = client;
        this.out = out;
        this.err = err;
        this.replyTimeout = replyTimeout;
        this.saved = saved;
    }

    HapticClient client() {
        return client;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    Duration replyTimeout() {
        return replyTimeout;
    }

    SavedParams saved() {
        return saved;
    }

    /**
     * Pings and waits for the Pong. The server handles a connection's messages in order, so the Pong
     * proves that everything sent before was accepted, and an ErrorReply on the way says what was not;
     * without this a command could exit, and drop its connection, before finding out.
     *
     * @throws RejectedException if the server answered a request with ErrorReply
     */
    void confirm() throws IOException {
        long nonce = System.nanoTime() ^ ProcessHandle.current().pid();
        client.send(new Ping(nonce, System.nanoTime()));
        long deadline = System.nanoTime() + replyTimeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Object reply = left > 0 ? client.receive(Duration.ofNanos(left)) : null;
            if (reply == null) {
                throw new SocketTimeoutException("haptic server did not confirm within " + replyTimeout.toMillis()
                        + " ms");
            }
            if (reply instanceof ErrorReply e) {
                throw new RejectedException(e.reason());
            }
            if (reply instanceof Pong p && p.nonce() == nonce) {
                return;
            }
        }
    }

    /** Sleeps until {@code System.nanoTime()} reaches {@code nanoTime}, whatever the spurious wake-ups. */
    static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    static long nanos(double seconds) {
        return (long) (seconds * TimeUnit.SECONDS.toNanos(1));
    }
}
