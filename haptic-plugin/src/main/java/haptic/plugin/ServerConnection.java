package haptic.plugin;

import haptic.protocol.ErrorReply;
import haptic.protocol.FrameDecoder;
import haptic.protocol.FrameEncoder;
import haptic.protocol.Hello;
import haptic.protocol.HelloAccepted;
import haptic.protocol.HelloRejected;
import haptic.protocol.HostBlock;
import haptic.protocol.InstanceConfig;
import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.Param;
import haptic.protocol.ParameterChange;
import haptic.protocol.Protocol;
import haptic.protocol.ProtocolException;
import haptic.protocol.Role;
import haptic.protocol.SharedClock;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The plugin's IPC thread and everything it owns: the socket, the handshake, reconnection with backoff,
 * and the forwarding of what the audio thread produced (notes from the {@link NoteLink}, expression from
 * the {@link ExpressionSlots}, parameters from {@link ParameterValues}).
 *
 * <p>Connected means the server answered our Hello with HelloAccepted. The Hello carries every current
 * parameter value, so a restarted server gets the instance's settings back before its first note. While
 * not connected, notes are dropped as they arrive (a NoteOn seconds late would be wrong), but which notes
 * the host holds is still tracked, so that {@link #stop} can release them.
 */
final class ServerConnection {
    static final long FIRST_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    static final long MAX_RETRY_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** A NoteOn that waited this long (the IPC thread was held up) is dropped rather than played late. */
    static final long STALE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** No HelloAccepted within this time: give the attempt up and retry. */
    private static final long HANDSHAKE_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** The server took nothing we wrote for this long: treat it as hung and reconnect. */
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long SHUTDOWN_FLUSH_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long POLL_MILLIS = 1;
    private static final long DROP_REPORT_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Room kept free in the output buffer before encoding another message; every message fits in it. */
    private static final int MESSAGE_ROOM = 2048;
    private static final String LABEL = "VST3 plugin";

    private final Path socket;
    private final String instanceId;
    private final NoteLink link;
    private final NoteOutbox outbox;
    private final ExpressionSlots slots;
    private final ParameterValues params;
    private final HostSetup setup;
    private final PluginLog log;

    private final Backoff backoff = new Backoff(FIRST_RETRY_NANOS, MAX_RETRY_NANOS);
    private final OpenNotes open = new OpenNotes();
    private final FrameEncoder encoder = new FrameEncoder();
    private final ByteBuffer output = ByteBuffer.allocate(64 * 1024);
    private final ByteBuffer input = ByteBuffer.allocate(16 * 1024);
    private final long[] sentDrops = new long[ZoneLayout.CHANNELS];
    private final long[] sentParam = new long[ParameterCatalog.AUTOMATABLE.length];

    /** Written only on the host's main thread, under this object's lock. */
    private Thread thread;
    /** Written only on the host's main thread (start, stop). */
    private volatile boolean running;
    /** This and handshakes are written only on the IPC thread. */
    private volatile boolean connected;
    private volatile int handshakes;

    /** The rest belongs to the IPC thread; start() sets nextAttemptNanos (and resets backoff) before starting it. */
    private SocketChannel channel;
    private Selector selector;
    private FrameDecoder decoder;
    private long helloSentNanos;
    private long lastWriteNanos;
    private long nextAttemptNanos;
    private boolean unreachableReported;
    private long staleNotes;
    private long staleReported;
    private long lostReported;
    private long dropsReportedNanos;
    private int sentSetup = -1;

    ServerConnection(Path socket, String instanceId, NoteLink link, NoteOutbox outbox, ExpressionSlots slots,
                     ParameterValues params, HostSetup setup, PluginLog log) {
        this.socket = socket;
        this.instanceId = instanceId;
        this.link = link;
        this.outbox = outbox;
        this.slots = slots;
        this.params = params;
        this.setup = setup;
        this.log = log;
    }

    /** Starts the IPC thread (connecting at once); does nothing if it runs already. Host's main thread. */
    synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        nextAttemptNanos = System.nanoTime();
        backoff.reset();
        thread = new Thread(this::run, "haptic-plugin-ipc " + instanceId);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops the IPC thread after it has forwarded what is queued, released every note the host holds, and
     * closed the socket. Waits for that, but not for a hung server: the flush is bounded. Called on the host's main
     * thread.
     */
    synchronized void stop() {
        Thread t = thread;
        if (t == null) {
            return;
        }
        running = false;
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        thread = null;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Any thread. */
    boolean connected() {
        return connected;
    }

    /** Accepted handshakes since construction; a reconnect adds one. Any thread. */
    int handshakes() {
        return handshakes;
    }

    /** Any thread. */
    Path socket() {
        return socket;
    }

    /** The IPC thread's body. */
    private void run() {
        try {
            while (running) {
                try {
                    cycle(System.nanoTime());
                } catch (RuntimeException e) {
                    // A bug must not silently end forwarding (the note queue would fill): report, start over.
                    log.info("unexpected error, reconnecting: " + e);
                    disconnect(System.nanoTime(), null);
                }
                waitBriefly();
            }
        } finally {
            shutdown();
        }
    }

    private void cycle(long now) {
        if (channel == null && now - nextAttemptNanos >= 0) {
            open(now);
        }
        if (channel != null) {
            receive(now);
        }
        if (channel != null && !connected && now - helloSentNanos > HANDSHAKE_NANOS) {
            disconnect(now, "the server did not answer the Hello");
        }
        forwardNotes(now);
        if (connected) {
            forwardSetup();
            forwardParameters();
            forwardExpression();
        }
        if (channel != null) {
            flush(now);
        }
        reportDrops(now);
    }

    private void open(long now) {
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.configureBlocking(false);
            Selector sel = Selector.open();
            ch.register(sel, SelectionKey.OP_READ);
            channel = ch;
            selector = sel;
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            nextAttemptNanos = now + backoff.next();
            if (!unreachableReported) {
                unreachableReported = true;
                log.info("no haptic server at " + socket + " (" + e.getMessage() + "); retrying");
            }
            return;
        }
        decoder = new FrameDecoder();
        output.clear();
        input.clear();
        lastWriteNanos = now;
        helloSentNanos = now;
        send(new Hello(Protocol.VERSION, Role.CONTROLLER, instanceId, currentConfig()));
    }

    /** Every automatable parameter as it is now; what the server gets here need not be sent again. */
    private InstanceConfig currentConfig() {
        Param[] all = ParameterCatalog.AUTOMATABLE;
        int[] ids = new int[all.length];
        float[] values = new float[all.length];
        for (int i = 0; i < all.length; i++) {
            double normalized = params.get(i);
            sentParam[i] = Double.doubleToRawLongBits(normalized);
            ids[i] = all[i].id();
            values[i] = (float) ParameterScale.toPlain(all[i], normalized);
        }
        return new InstanceConfig(LABEL, ids, values);
    }

    private void receive(long now) {
        try {
            int n;
            while ((n = channel.read(input)) > 0) {
                input.flip();
                decoder.feed(input);
                input.clear();
            }
            Object msg;
            while (channel != null && (msg = decoder.next()) != null) {
                handle(msg, now);
            }
            if (n < 0 && channel != null) {
                disconnect(now, "the server closed the connection");
            }
        } catch (IOException | ProtocolException e) {
            disconnect(now, e.getMessage());
        }
    }

    private void handle(Object msg, long now) {
        if (msg instanceof HelloAccepted a && !connected) {
            connected = true;
            handshakes++;
            backoff.reset();
            unreachableReported = false;
            for (int c = 0; c < ZoneLayout.CHANNELS; c++) {
                // The server has no voices of ours yet: every NoteOn will carry its channel's expression.
                sentDrops[c] = slots.drops(c);
            }
            sentSetup = -1;
            if (a.sampleRate() > 0) {
                setup.serverPeriod(a.periodFrames() / (double) a.sampleRate());
            }
            log.info(String.format("connected to haptic-server %s at %s as slot %d (%s, %.0f Hz)",
                    a.serverVersion(), socket, a.slot(), a.backend(), a.sampleRate()));
        } else if (msg instanceof HelloRejected r) {
            log.info("the server rejected us: " + r.reason());
            disconnect(now, null);
        } else if (msg instanceof ErrorReply r) {
            log.info("the server reported an error: " + r.reason());
        }
    }

    private void forwardNotes(long now) {
        NoteEvent e;
        while (roomForMessage() && (e = link.poll()) != null) {
            if (e.kind == NoteEvent.ON) {
                open.started(e.channel, e.note);
                if (connected) {
                    if (now - e.nanos > STALE_NANOS) {
                        staleNotes++;
                    } else {
                        // Parameters set in the same block before this note must reach the server first.
                        forwardParameters();
                        send(new NoteOn(e.channel, e.note, e.velocity, e.pressure, e.bend, e.timbre, e.nanos));
                    }
                }
            } else if (e.kind == NoteEvent.OFF) {
                open.stopped(e.channel, e.note);
                if (connected) {
                    send(new NoteOff(e.channel, e.note, e.velocity, e.nanos));
                }
            } else if (connected && now - e.nanos <= STALE_NANOS) {
                send(new MpeUpdate(e.channel, e.pressure, e.bend, e.timbre, e.nanos));
            }
            link.recycle(e);
        }
    }

    /** While disconnected there is nobody to tell; the values go out in the next Hello. */
    private void forwardParameters() {
        Param[] all = ParameterCatalog.AUTOMATABLE;
        for (int i = 0; i < all.length && roomForMessage(); i++) {
            double normalized = params.get(i);
            long bits = Double.doubleToRawLongBits(normalized);
            if (bits != sentParam[i]) {
                sentParam[i] = bits;
                send(new ParameterChange(all[i], (float) ParameterScale.toPlain(all[i], normalized),
                        recent(params.time(i))));
            }
        }
    }

    /** Channels whose points found the link full: their latest values, at the last dropped point's time. */
    private void forwardExpression() {
        for (int c = 0; c < ZoneLayout.CHANNELS && roomForMessage(); c++) {
            long drops = slots.drops(c);
            if (drops != sentDrops[c]) {
                sentDrops[c] = drops;
                send(new MpeUpdate(c, slots.pressure(c), slots.bend(c), slots.timbre(c), recent(slots.time(c))));
            }
        }
    }

    /** The host's rate and block, again whenever the host changes them. */
    private void forwardSetup() {
        int changes = setup.changes();
        if (changes != sentSetup && roomForMessage() && setup.sampleRate() > 0) {
            sentSetup = changes;
            send(new HostBlock((float) setup.sampleRate(), Math.min(HostBlock.MAX_BLOCK, setup.maxBlock())));
        }
    }

    /**
     * A time worth sending: one that lies in the past by more than a stale note would is from an edit made long ago
     * (before connecting), and would only count as late at the server; it goes untimed instead.
     */
    private static long recent(long time) {
        return time != Protocol.UNTIMED && SharedClock.now() - time > STALE_NANOS ? Protocol.UNTIMED : time;
    }

    private boolean roomForMessage() {
        return channel == null || output.remaining() >= MESSAGE_ROOM;
    }

    private void send(Object msg) {
        try {
            encoder.encode(msg, output);
        } catch (ProtocolException e) {
            log.info("could not encode " + msg + ": " + e.getMessage());
        }
    }

    private void flush(long now) {
        if (output.position() == 0) {
            lastWriteNanos = now;
            return;
        }
        try {
            output.flip();
            int written = channel.write(output);
            output.compact();
            if (written > 0) {
                lastWriteNanos = now;
            } else if (now - lastWriteNanos > STALL_NANOS) {
                disconnect(now, "the server stopped reading");
            }
        } catch (IOException e) {
            disconnect(now, e.getMessage());
        }
    }

    /** Closes the socket and schedules the next attempt; {@code reason} null: already reported. */
    private void disconnect(long now, String reason) {
        if (reason != null && channel != null) {
            log.info((connected ? "disconnected: " : "connection failed: ") + reason + "; reconnecting");
        }
        connected = false;
        closeQuietly(channel);
        closeQuietly(selector);
        channel = null;
        selector = null;
        output.clear();
        nextAttemptNanos = now + backoff.next();
    }

    private void waitBriefly() {
        Selector sel = selector;
        if (sel == null) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
            return;
        }
        try {
            // Wakes early when the server writes; otherwise at most one poll interval of added latency.
            sel.select(POLL_MILLIS);
            sel.selectedKeys().clear();
        } catch (IOException e) {
            disconnect(System.nanoTime(), e.getMessage());
        }
    }

    /** Totals at most once a second: a flood of drops must not become a flood of log lines. */
    private void reportDrops(long now) {
        if (now - dropsReportedNanos < DROP_REPORT_NANOS) {
            return;
        }
        dropsReportedNanos = now;
        long lost = outbox.lost();
        if (lost != lostReported) {
            lostReported = lost;
            log.info(lost + " notes lost so far: the note queue and its overflow were both full");
        }
        if (staleNotes != staleReported) {
            staleReported = staleNotes;
            log.info(staleNotes + " NoteOns dropped so far for arriving over "
                    + TimeUnit.NANOSECONDS.toMillis(STALE_NANOS) + " ms late");
        }
    }

    /** Forwards what is queued, releases every held note, flushes (bounded) and closes. */
    private void shutdown() {
        long now = System.nanoTime();
        try {
            forwardNotes(now);
            if (connected) {
                forwardParameters();
                for (int c = 0; c < ZoneLayout.CHANNELS; c++) {
                    for (int n = 0; n < 128; n++) {
                        if (open.isOpen(c, n)) {
                            if (!roomForMessage()) {
                                flush(System.nanoTime());
                            }
                            send(new NoteOff(c, n, 0f));
                        }
                    }
                }
                long deadline = now + SHUTDOWN_FLUSH_NANOS;
                while (channel != null && output.position() > 0 && System.nanoTime() - deadline < 0) {
                    flush(System.nanoTime());
                    if (output.position() > 0) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
                    }
                }
            }
        } catch (RuntimeException e) {
            log.info("error while closing: " + e);
        } finally {
            open.clear();
            if (channel != null) {
                log.info("disconnected from " + socket);
            }
            connected = false;
            closeQuietly(channel);
            closeQuietly(selector);
            channel = null;
            selector = null;
            output.clear();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // Closing a socket that is already broken tells us nothing new.
        }
    }
}
