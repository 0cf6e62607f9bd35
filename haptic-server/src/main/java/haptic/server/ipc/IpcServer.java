package haptic.server.ipc;

import haptic.protocol.ErrorReply;
import haptic.protocol.FrameEncoder;
import haptic.server.link.CommandLink;
import haptic.server.link.Telemetry;
import haptic.server.link.TelemetryLink;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The server's socket front end: one thread multiplexing every client over a Unix domain socket,
 * turning their frames into engine commands and fanning telemetry out to observers.
 *
 * <p>Each round of the loop: hand waiting commands to the audio thread, wait briefly for socket
 * events, give every client a bounded share of reading and decoding ({@link InputTurns}, so a flooding
 * client cannot starve the others), send telemetry, then flush output and let go of clients that stopped
 * taking part ({@link Liveness}). Trouble with one client closes that client only; nothing a client sends
 * can stop the thread.
 *
 * <p>Who gets served at all: only connections from the server's own user, at most {@link #MAX_CLIENTS}
 * at a time ({@link ConnectionGate}), and only if they say Hello within {@link #HELLO_TIMEOUT_NANOS}.
 *
 * <p>Threads: the "haptic-ipc" thread started by {@link #start} does all the work and is the only one
 * touching connections, the command link's producer side and the telemetry link's consumer side. Other
 * threads start and close the server and read its counters.
 */
public final class IpcServer implements AutoCloseable {
    /** Most bytes owed to one client before it is closed. */
    static final int OUTPUT_LIMIT = 256 * 1024;
    /** Output pending this long without the client taking a byte closes the client. */
    public static final long WRITE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** A connection that has not said Hello this long after connecting is closed: it only holds a place. */
    public static final long HELLO_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    /**
     * Most open connections; more are turned away at once. Each costs a frame buffer and a codec, so this
     * bounds the memory and descriptors a connection flood can take. Far above 64 instance slots plus panels.
     */
    public static final int MAX_CLIENTS = 256;
    /** Select timeout when idle; short enough that ~60 Hz telemetry leaves without socket activity. */
    private static final long IDLE_SELECT_MILLIS = 5;
    /** Select timeout while commands wait for room in the link. */
    private static final long BACKLOG_SELECT_MILLIS = 1;

    private final Path socket;
    private final TelemetryLink telemetry;
    private final Consumer<String> log;
    private final CommandOutbox outbox;
    private final TelemetryFanout fanout;
    private final FrameEncoder encoder = new FrameEncoder();
    private final List<ClientConnection> clients = new ArrayList<>();
    private final Retirement retirement;
    private final Outgoing outgoing;
    private final ReadPause readPause;
    private final InputTurns inputTurns;
    private final Liveness liveness;
    private final Counters counters = new Counters();
    private final ThrottledLog failures;

    private SocketClaim claim;
    private Selector selector;
    private ConnectionGate gate;
    private Thread thread;
    private volatile boolean running;
    private boolean closed;

    /**
     * @param log told about connections and trouble; called on the IPC thread, and on the caller's during
     *            {@link #start}
     */
    public IpcServer(Path socket, CommandLink commands, TelemetryLink telemetry, ServerInfo info, int instanceSlots,
                     Consumer<String> log) {
        this.socket = socket;
        this.telemetry = telemetry;
        this.log = log;
        InstanceSlots slots = new InstanceSlots(instanceSlots);
        this.outbox = new CommandOutbox(commands, instanceSlots);
        this.retirement = new Retirement(outbox, slots, log);
        this.outgoing = new Outgoing(encoder, retirement);
        ClientRequests requests = new ClientRequests(new Handshake(slots, outbox, info, outgoing, log), outbox, info,
                outgoing);
        this.fanout = new TelemetryFanout(encoder, info, OUTPUT_LIMIT);
        this.readPause = new ReadPause(outbox, log);
        this.inputTurns = new InputTurns(outbox, requests, readPause, outgoing, retirement);
        this.liveness = new Liveness(HELLO_TIMEOUT_NANOS, WRITE_TIMEOUT_NANOS, outgoing, retirement);
        this.failures = new ThrottledLog(log, TimeUnit.SECONDS.toNanos(1));
    }

    /**
     * Any thread, once. Claims the socket (refusing if another server answers on it) and starts the
     * "haptic-ipc" thread.
     *
     * @throws IOException if the socket cannot be claimed; nothing is left running then
     */
    public synchronized void start() throws IOException {
        if (thread != null || closed) {
            throw new IllegalStateException(closed ? "IPC server is closed" : "IPC server already started");
        }
        claim = SocketClaim.bind(socket, log);
        try {
            PeerGate peers = new PeerGate(claim.owner());
            if (!PeerGate.available()) {
                log.accept("ipc: this platform does not report peer credentials; only the socket's file modes"
                        + " keep other users out");
            }
            selector = Selector.open();
            gate = new ConnectionGate(claim.channel(), selector, peers, MAX_CLIENTS, InputTurns.READ_BUDGET,
                    OUTPUT_LIMIT, encoder, counters, log);
        } catch (IOException | RuntimeException e) {
            releaseSocket();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
        running = true;
        // Thread.start() orders everything above before the IPC thread's first action.
        thread = new Thread(this::run, "haptic-ipc");
        thread.setDaemon(true);
        thread.start();
    }

    /** Any thread. Connected controllers that completed the handshake. */
    public int controllers() {
        return counters.controllers();
    }

    /** Any thread. Connected observers that completed the handshake. */
    public int observers() {
        return counters.observers();
    }

    /** Any thread. Telemetry snapshots not sent to a lagging observer, summed over observers. */
    public long telemetrySkipped() {
        return counters.telemetrySkipped();
    }

    /** Any thread. Expression updates merged into one still waiting for the audio thread. */
    public long mergedExpressions() {
        return counters.mergedExpressions();
    }

    /** Any thread. Most commands that ever waited at once for room in the command link. */
    public int backlogHighWater() {
        return counters.backlogHighWater();
    }

    /**
     * Any thread. Bytes owed to clients that their sockets have not taken yet, summed over clients, as of
     * the last round.
     */
    public long pendingOutput() {
        return counters.pendingOutput();
    }

    /** Any thread. Connections turned away before being served: another user's, or beyond {@link #MAX_CLIENTS}. */
    public long refusedConnections() {
        return counters.refusedConnections();
    }

    /**
     * Any thread, including the IPC thread itself (a log consumer may close the server; the loop then ends
     * after the current round). Closes every client (releasing their instances), stops the thread and
     * deletes the socket file; waits for the thread unless called on it. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Thread t = thread;
        if (t == null) {
            return;
        }
        running = false;
        selector.wakeup();
        if (Thread.currentThread() == t) {
            return;
        }
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (running) {
                try {
                    round();
                } catch (Throwable e) {
                    // A bug in handling must not take the instrument's only socket down with it.
                    reportFailure(e);
                    pauseAfterFailure();
                }
            }
        } finally {
            shutdown();
        }
    }

    private void round() throws IOException {
        gate.resumeAccepting(System.nanoTime());
        outbox.drain();
        boolean work = outbox.canTakeFrame() && inputTurns.anyPending(clients);
        if (work) {
            selector.selectNow();
        } else {
            selector.select(outbox.hasBacklog() ? BACKLOG_SELECT_MILLIS : IDLE_SELECT_MILLIS);
        }
        for (SelectionKey key : selector.selectedKeys()) {
            if (!key.isValid()) {
                continue;
            }
            if (key.isAcceptable()) {
                gate.acceptAll(clients, readPause.paused());
            } else if (key.attachment() instanceof ClientConnection c && key.isReadable()) {
                c.markReadable();
            }
        }
        selector.selectedKeys().clear();
        inputTurns.serve(clients);
        outbox.drain();
        counters.countClients(clients);
        sendTelemetry();
        serveOutputs();
        if (readPause.adjust()) {
            updateInterest();
        }
        counters.countClients(clients);
        counters.publish(clients, fanout, outbox);
    }

    private void sendTelemetry() {
        Telemetry t;
        while ((t = telemetry.poll()) != null) {
            try {
                String problem = fanout.deliver(t, clients, counters.controllers(), counters.observers(),
                        System.nanoTime(), outgoing::overflow);
                if (problem != null && fanout.unencodable() == 1) {
                    log.accept("ipc: telemetry snapshot not sent (" + problem + "); later ones are counted silently");
                }
            } finally {
                telemetry.recycle(t);
            }
        }
    }

    /**
     * The Hello check comes before the flush so its ErrorReply leaves in the same round; the write timeout
     * after it, so a socket that has just taken bytes is not judged on stale progress.
     */
    private void serveOutputs() {
        long now = System.nanoTime();
        boolean readsPaused = readPause.paused();
        for (int i = 0; i < clients.size(); i++) {
            ClientConnection c = clients.get(i);
            liveness.checkHello(c, now, readsPaused);
            outgoing.flush(c, now);
            liveness.checkWriteProgress(c, now);
            if (c.retired() && !c.hasOutput()) {
                retirement.close(c);
            }
        }
        clients.removeIf(ClientConnection::closed);
        updateInterest();
    }

    private void updateInterest() {
        boolean readsPaused = readPause.paused();
        for (int i = 0; i < clients.size(); i++) {
            clients.get(i).updateInterest(readsPaused);
        }
    }

    private void shutdown() {
        for (ClientConnection c : clients) {
            if (!c.retired()) {
                outgoing.send(c, new ErrorReply("server is shutting down"));
                retirement.retire(c, "server is shutting down");
            }
            try {
                c.flush(System.nanoTime());
            } catch (IOException e) {
                // The client is going away either way; the final reply is a courtesy.
            }
            retirement.close(c);
        }
        clients.clear();
        outbox.drain();
        counters.countClients(clients);
        counters.publish(clients, fanout, outbox);
        try {
            selector.close();
        } catch (IOException e) {
            log.accept("ipc: error closing selector: " + e.getMessage());
        }
        releaseSocket();
    }

    private void releaseSocket() {
        try {
            claim.close();
        } catch (IOException e) {
            log.accept("ipc: error releasing " + socket + ": " + e.getMessage());
        }
    }

    /** At most one line per second, so a persistent fault cannot flood the log. */
    private void reportFailure(Throwable e) {
        failures.accept("ipc: unexpected " + e + "; continuing", System.nanoTime());
    }

    private static void pauseAfterFailure() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
