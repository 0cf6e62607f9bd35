package haptic.server.ipc;

import haptic.protocol.ErrorReply;
import haptic.protocol.FrameEncoder;
import haptic.protocol.ProtocolException;
import haptic.server.link.CommandLink;
import haptic.server.link.Telemetry;
import haptic.server.link.TelemetryLink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
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
 * events, give every client a bounded share of reading and decoding (so a flooding client cannot
 * starve the others), send telemetry, then flush output. Trouble with one client closes that client
 * only; nothing a client sends can stop the thread.
 *
 * <p>Who gets served at all: only connections from the server's own user ({@link PeerGate}), at most
 * {@link #MAX_CLIENTS} at a time, and only if they say Hello within {@link #HELLO_TIMEOUT_NANOS}. Anyone
 * else is turned away with one ErrorReply before any buffer or codec is spent on them.
 *
 * <p>Threads: {@link #start} and {@link #close} are called by the owner (any one thread at a time; they
 * synchronise on this object); the counters are read from any thread. Everything else, every private
 * method and every {@link ClientConnection}, runs on the "haptic-ipc" thread only, which is also the single
 * writer of each volatile counter (published once per round).
 */
public final class IpcServer implements AutoCloseable {
    /** Most bytes read from one client per round. */
    static final int READ_BUDGET = 16 * 1024;
    /** Most frames handled for one client per round. */
    static final int FRAME_BUDGET = 64;
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
    private final InstanceSlots slots;
    private final ClientRequests requests;
    private final TelemetryFanout fanout;
    private final FrameEncoder encoder = new FrameEncoder();
    private final List<ClientConnection> clients = new ArrayList<>();
    /** Below this many free backlog entries, client reads pause until the audio thread catches up. */
    private final int pauseReadsBelow;
    private final int resumeReadsAbove;

    private final ThrottledLog failures;

    private SocketClaim claim;
    /** Set once by start(), before the thread starts; read by refusedConnections() from any thread. */
    private volatile ConnectionGate gate;
    private Selector selector;
    private Thread thread;
    private volatile boolean running;
    private boolean closed;
    private boolean readsPaused;
    private int roundRobin;
    private volatile int controllers;
    private volatile int observers;
    private volatile long telemetrySkipped;
    private volatile long mergedExpressions;
    private volatile int backlogHighWater;
    private volatile long pendingOutput;

    public IpcServer(Path socket, CommandLink commands, TelemetryLink telemetry, ServerInfo info, int instanceSlots,
                     Consumer<String> log) {
        this.socket = socket;
        this.telemetry = telemetry;
        this.log = log;
        this.slots = new InstanceSlots(instanceSlots);
        this.outbox = new CommandOutbox(commands, instanceSlots);
        Replies replies = this::send;
        this.requests = new ClientRequests(new Handshake(slots, outbox, info, replies, log), outbox, info, replies);
        this.fanout = new TelemetryFanout(encoder, info, OUTPUT_LIMIT);
        this.pauseReadsBelow = outbox.backlogCapacity() / 8;
        this.resumeReadsAbove = outbox.backlogCapacity() / 2;
        long second = TimeUnit.SECONDS.toNanos(1);
        this.failures = new ThrottledLog(log, second);
    }

    /**
     * Called once by the owner: claims the socket (refusing if another server answers on it) and starts the
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
            claim.channel().configureBlocking(false);
            gate = new ConnectionGate(claim.channel(), selector, peers, encoder, log);
        } catch (IOException | RuntimeException e) {
            releaseSocket();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
        running = true;
        thread = new Thread(this::run, "haptic-ipc");
        thread.setDaemon(true);
        thread.start();
    }

    /** Any thread: connected controllers that completed the handshake. */
    public int controllers() {
        return controllers;
    }

    /** Any thread: connected observers that completed the handshake. */
    public int observers() {
        return observers;
    }

    /** Any thread: telemetry snapshots not sent to a lagging observer, summed over observers. */
    public long telemetrySkipped() {
        return telemetrySkipped;
    }

    /** Any thread: expression updates merged into one still waiting for the audio thread. */
    public long mergedExpressions() {
        return mergedExpressions;
    }

    /** Any thread: most commands that ever waited at once for room in the command link. */
    public int backlogHighWater() {
        return backlogHighWater;
    }

    /** Any thread: bytes owed to clients not yet taken by their sockets, summed, as of the last round. */
    public long pendingOutput() {
        return pendingOutput;
    }

    /** Any thread: connections turned away before being served: another user's, or beyond {@link #MAX_CLIENTS}. */
    public long refusedConnections() {
        ConnectionGate g = gate;
        return g == null ? 0 : g.refusedConnections();
    }

    /**
     * Called by the owner: closes every client (releasing their instances), stops the thread and deletes the
     * socket file. Idempotent.
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
            return; // called from a log consumer on the IPC thread: the loop ends after this round
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
        gate.resumeAccepting();
        outbox.drain();
        boolean work = outbox.canTakeFrame() && anyFramesPending();
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
                gate.acceptAll(clients.size(), readsPaused, READ_BUDGET, OUTPUT_LIMIT, this::admit);
            } else if (key.attachment() instanceof ClientConnection c) {
                c.readable |= key.isReadable();
            }
        }
        selector.selectedKeys().clear();
        serveInputs();
        outbox.drain();
        countClients();
        sendTelemetry();
        serveOutputs();
        adjustReadPause();
        countClients();
        publishCounters();
    }

    private void admit(ClientConnection c) {
        clients.add(c);
        log.accept(c.describe() + " connected");
    }

    private boolean anyFramesPending() {
        for (int i = 0; i < clients.size(); i++) {
            ClientConnection c = clients.get(i);
            if (!c.retired && (c.framesPending || c.inputEnded != null)) {
                return true;
            }
        }
        return false;
    }

    /** Round-robin start so the same client is not always first to claim backlog space. */
    private void serveInputs() {
        int n = clients.size();
        if (n == 0) {
            return;
        }
        roundRobin = (roundRobin + 1) % n;
        for (int k = 0; k < n; k++) {
            ClientConnection c = clients.get((roundRobin + k) % n);
            if (c.retired) {
                continue;
            }
            try {
                serveInput(c);
            } catch (RuntimeException e) {
                send(c, new ErrorReply("internal server error"));
                retire(c, "internal error: " + e);
            }
            c.readable = false;
        }
    }

    private void serveInput(ClientConnection c) {
        int frames = 0;
        int bytes = 0;
        while (frames < FRAME_BUDGET && !c.retired && outbox.canTakeFrame()) {
            Object msg;
            try {
                msg = c.decoder.next();
            } catch (ProtocolException e) {
                String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                send(c, new ErrorReply(Replies.fit(reason)));
                retire(c, "protocol error: " + reason);
                return;
            }
            if (msg != null) {
                frames++;
                String refusal = requests.handle(c, msg);
                if (refusal != null) {
                    retire(c, refusal);
                }
                continue;
            }
            c.framesPending = false;
            if (c.inputEnded != null) {
                retire(c, c.inputEnded);
                return;
            }
            if (!c.readable || readsPaused || bytes >= READ_BUDGET) {
                return;
            }
            int n;
            try {
                n = c.read(READ_BUDGET - bytes);
            } catch (IOException e) {
                c.inputEnded = "connection lost: " + e.getMessage();
                continue;
            }
            if (n < 0) {
                c.inputEnded = c.stage == ClientConnection.Stage.AWAITING_HELLO ? "disconnected before Hello" : "disconnected";
            } else if (n == 0) {
                return;
            }
            bytes += Math.max(n, 0);
        }
    }

    private void sendTelemetry() {
        Telemetry t;
        while ((t = telemetry.poll()) != null) {
            try {
                String problem = fanout.deliver(t, clients, controllers, observers, System.nanoTime(),
                        this::overflow);
                if (problem != null && fanout.unencodable() == 1) {
                    log.accept("ipc: telemetry snapshot not sent (" + problem + "); later ones are counted silently");
                }
            } finally {
                telemetry.recycle(t);
            }
        }
    }

    private void serveOutputs() {
        long now = System.nanoTime();
        for (int i = 0; i < clients.size(); i++) {
            ClientConnection c = clients.get(i);
            // Unless its Hello is already in and merely waiting its turn (reads paused, budget spent).
            if (c.stage == ClientConnection.Stage.AWAITING_HELLO && !c.retired && !c.framesPending && !readsPaused
                    && now - c.connectedNanos > HELLO_TIMEOUT_NANOS) {
                String reason = "no Hello within " + TimeUnit.NANOSECONDS.toMillis(HELLO_TIMEOUT_NANOS) + " ms";
                send(c, new ErrorReply(reason));
                retire(c, reason);
            }
            if (c.hasOutput()) {
                try {
                    c.flush(now);
                } catch (IOException e) {
                    c.discardOutput();
                    retire(c, "write failed: " + e.getMessage());
                }
            }
            if (c.hasOutput() && now - c.lastWriteProgressNanos > WRITE_TIMEOUT_NANOS) {
                int pending = c.pendingOutput();
                c.discardOutput();
                retire(c, "write timeout (" + pending + " bytes not taken for "
                        + TimeUnit.NANOSECONDS.toMillis(WRITE_TIMEOUT_NANOS) + " ms)");
            }
            if (c.retired && !c.hasOutput()) {
                closeChannel(c);
            }
        }
        clients.removeIf(c -> c.closed);
        for (int i = 0; i < clients.size(); i++) {
            setInterest(clients.get(i));
        }
    }

    /** Pauses reading from every client while the backlog is nearly full: the audio thread is behind. */
    private void adjustReadPause() {
        int free = outbox.backlogFree();
        if (!readsPaused && free < pauseReadsBelow) {
            readsPaused = true;
            log.accept("ipc: engine is behind (" + outbox.backlogSize() + " commands waiting); pausing client reads");
        } else if (readsPaused && free > resumeReadsAbove) {
            readsPaused = false;
            log.accept("ipc: engine caught up; resuming client reads");
        } else {
            return;
        }
        for (int i = 0; i < clients.size(); i++) {
            setInterest(clients.get(i));
        }
    }

    private void setInterest(ClientConnection c) {
        if (c.closed || !c.key.isValid()) {
            return;
        }
        int ops = 0;
        if (!c.retired && c.inputEnded == null && !readsPaused) {
            ops |= SelectionKey.OP_READ;
        }
        if (c.hasOutput()) {
            ops |= SelectionKey.OP_WRITE;
        }
        if (c.key.interestOps() != ops) {
            c.key.interestOps(ops);
        }
    }

    private void countClients() {
        int controllerCount = 0;
        int observerCount = 0;
        for (int i = 0; i < clients.size(); i++) {
            ClientConnection c = clients.get(i);
            if (c.retired) {
                continue;
            }
            if (c.stage == ClientConnection.Stage.CONTROLLER) {
                controllerCount++;
            } else if (c.stage == ClientConnection.Stage.OBSERVER) {
                observerCount++;
            }
        }
        controllers = controllerCount;
        observers = observerCount;
    }

    private void publishCounters() {
        long pending = 0;
        for (int i = 0; i < clients.size(); i++) {
            pending += clients.get(i).pendingOutput();
        }
        pendingOutput = pending;
        telemetrySkipped = fanout.skipped();
        mergedExpressions = outbox.mergedExpressions();
        backlogHighWater = outbox.backlogHighWater();
    }

    private void send(ClientConnection c, Object message) {
        if (c.closed) {
            return;
        }
        byte[] frame = encoder.encode(message);
        if (!c.enqueue(frame, System.nanoTime())) {
            overflow(c);
        }
    }

    private void overflow(ClientConnection c) {
        int pending = c.pendingOutput();
        c.discardOutput();
        retire(c, "output overflow (" + pending + " bytes not taken)");
    }

    /**
     * Stops serving a client: its instance is released at once (its voices must not hang on a dead
     * connection); the socket closes once the final reply, if any, is written.
     */
    private void retire(ClientConnection c, String reason) {
        if (c.retired) {
            return;
        }
        c.retired = true;
        String who = c.describe();
        if (c.stage == ClientConnection.Stage.CONTROLLER) {
            outbox.submit(outbox.draft().releaseInstance(c.slot));
            slots.release(c.slot);
        } else if (c.stage == ClientConnection.Stage.OBSERVER) {
            if (c.telemetrySkipped > 0) {
                reason += "; " + c.telemetrySkipped + " telemetry snapshots skipped";
            }
        }
        log.accept(who + " closed: " + reason);
    }

    private void closeChannel(ClientConnection c) {
        if (c.closed) {
            return;
        }
        c.closed = true;
        c.key.cancel();
        try {
            c.channel.close();
        } catch (IOException e) {
            log.accept(c.describe() + ": error while closing: " + e.getMessage());
        }
    }

    private void shutdown() {
        for (ClientConnection c : clients) {
            if (!c.retired) {
                send(c, new ErrorReply("server is shutting down"));
                retire(c, "server is shutting down");
            }
            try {
                c.flush(System.nanoTime());
            } catch (IOException e) {
                // The client is going away either way; the final reply is a courtesy.
            }
            closeChannel(c);
        }
        clients.clear();
        outbox.drain();
        countClients();
        publishCounters();
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
