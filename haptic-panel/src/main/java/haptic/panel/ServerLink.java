package haptic.panel;

import haptic.client.HapticClient;
import haptic.client.NoServerException;
import haptic.client.RejectedException;
import haptic.protocol.EngineStatus;
import haptic.protocol.ErrorReply;
import haptic.protocol.HelloAccepted;
import haptic.protocol.InstanceConfig;
import haptic.protocol.Role;
import haptic.protocol.TransducerLevels;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The panel's observer connection, run by its own thread so the render loop never waits on the socket:
 * it finds (or starts) the server, receives levels and status into fields the render thread reads,
 * and reconnects whenever the connection ends — a restarted server is picked up within a fraction of a second.
 */
final class ServerLink implements AutoCloseable {
    /** Starts a server the panel will own; see {@link ManagedServer}. */
    interface Starter {
        /** Called on the link thread. */
        ManagedServer start(Path socket) throws IOException;
    }

    private static final Duration HANDSHAKE = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long RETRY_MILLIS = 250;
    private static final long REFUSED_RETRY_MILLIS = 2000;
    /** A managed server that keeps dying is restarted at most this often. */
    private static final long RESTART_GAP_NANOS = TimeUnit.SECONDS.toNanos(3);
    /** Level messages waiting for the render thread; at ~60 Hz this is seconds of slack before the oldest go. */
    private static final int QUEUED_LEVELS = 512;

    private final Path socket;
    private final Starter starter;
    private final Notices notices;
    private final Thread thread;
    private final ArrayBlockingQueue<TransducerLevels> fresh = new ArrayBlockingQueue<>(QUEUED_LEVELS);

    /** This and the next five fields are written only on the link thread. */
    private volatile LinkState state;
    private volatile TransducerLevels levels;
    private volatile EngineStatus status;
    private volatile long telemetryNanos;
    private volatile HapticClient client;
    private volatile ManagedServer managed;
    /** Written only on the render thread (close). */
    private volatile boolean closed;
    private long lastStartNanos;

    /**
     * @param starter starts a server when none answers; null to only ever attach
     */
    ServerLink(Path socket, Starter starter, Notices notices) {
        this.socket = socket;
        this.starter = starter;
        this.notices = notices;
        this.state = new LinkState(LinkState.Phase.SEARCHING, "looking for a haptic server at " + socket, null, -1);
        this.thread = new Thread(this::run, "haptic-panel-link");
        thread.setDaemon(true);
    }

    /** Called on the render thread, before the first frame. */
    void start() {
        thread.start();
    }

    /** Any thread. */
    Path socket() {
        return socket;
    }

    /** Called on the render and sender threads; the value is immutable. */
    LinkState state() {
        return state;
    }

    /** The newest levels while connected, else null. Called on the render thread. */
    TransducerLevels levels() {
        return levels;
    }

    /** The newest engine status while connected, else null. Called on the render thread. */
    EngineStatus status() {
        return status;
    }

    /** {@code System.nanoTime()} of the last levels or status received. Called on the render thread. */
    long telemetryNanos() {
        return telemetryNanos;
    }

    /**
     * The observer connection while connected, else null; for sending the few requests an observer may make.
     * Called on the sender thread.
     */
    HapticClient client() {
        return client;
    }

    /**
     * Hands every level message received since the last call to {@code sink}, oldest first. Never blocks. Called on
     * the render thread.
     */
    void drainLevels(Consumer<TransducerLevels> sink) {
        for (TransducerLevels l = fresh.poll(); l != null; l = fresh.poll()) {
            sink.accept(l);
        }
    }

    /** The link thread's body. */
    private void run() {
        while (!closed) {
            HapticClient c;
            try {
                c = HapticClient.connect(socket, Role.OBSERVER, "haptic-panel", InstanceConfig.EMPTY, HANDSHAKE);
            } catch (NoServerException e) {
                noServer();
                pause(RETRY_MILLIS);
                continue;
            } catch (RejectedException e) {
                publish(LinkState.Phase.REFUSED, "the server at " + socket + " refused the panel: " + e.reason(), null);
                pause(REFUSED_RETRY_MILLIS);
                continue;
            } catch (IOException e) {
                publish(downPhase(), "cannot connect to " + socket + ": " + e.getMessage(), null);
                pause(RETRY_MILLIS);
                continue;
            }
            serve(c);
        }
    }

    /** Nothing answers: wait for our own server to come up, start one, or keep waiting for someone else's. */
    private void noServer() {
        ManagedServer m = managed;
        if (m != null && m.alive()) {
            publish(LinkState.Phase.STARTING, "starting the haptic server (pid " + m.pid() + ")...", null);
            return;
        }
        if (m != null) {
            String last = m.lastLine();
            notices.show("the managed server (pid " + m.pid() + ") exited with status " + m.exitCode()
                    + (last.isEmpty() ? "" : ": " + last));
            managed = null;
        }
        if (starter == null) {
            publish(LinkState.Phase.SEARCHING, "no haptic server at " + socket + "; waiting for one to start", null);
            return;
        }
        long now = System.nanoTime();
        if (lastStartNanos != 0 && now - lastStartNanos < RESTART_GAP_NANOS) {
            publish(LinkState.Phase.SEARCHING, "no haptic server at " + socket + "; starting one shortly", null);
            return;
        }
        lastStartNanos = now;
        try {
            managed = starter.start(socket);
            publish(LinkState.Phase.STARTING, "starting the haptic server (pid " + managed.pid() + ")...", null);
        } catch (IOException e) {
            publish(LinkState.Phase.SEARCHING, "no haptic server at " + socket + ", and starting one failed: "
                    + e.getMessage(), null);
        }
    }

    private void serve(HapticClient c) {
        HelloAccepted server = c.accepted();
        client = c;
        publish(LinkState.Phase.CONNECTED, "", server);
        ManagedServer m = managed;
        notices.accept("connected to haptic server " + server.serverVersion() + " (" + server.backend() + ") at "
                + socket + (m != null && m.alive() ? ", managed by the panel (pid " + m.pid() + ")" : ", attached"));
        try {
            while (!closed) {
                Object msg = c.receive(POLL);
                if (msg instanceof TransducerLevels l) {
                    levels = l;
                    telemetryNanos = System.nanoTime();
                    while (!fresh.offer(l)) {
                        fresh.poll();
                    }
                } else if (msg instanceof EngineStatus s) {
                    status = s;
                    telemetryNanos = System.nanoTime();
                } else if (msg instanceof ErrorReply r) {
                    notices.show("the server refused a request: " + r.reason());
                }
            }
        } catch (IOException e) {
            if (!closed) {
                publish(LinkState.Phase.LOST, "connection lost (" + e.getMessage() + "); reconnecting", null);
                notices.show("connection to the server lost; reconnecting");
            }
        } finally {
            client = null;
            levels = null;
            status = null;
            closeQuietly(c);
        }
    }

    private LinkState.Phase downPhase() {
        ManagedServer m = managed;
        return m != null && m.alive() ? LinkState.Phase.STARTING : LinkState.Phase.SEARCHING;
    }

    private void publish(LinkState.Phase phase, String detail, HelloAccepted server) {
        ManagedServer m = managed;
        state = new LinkState(phase, detail, server, m != null && m.alive() ? m.pid() : -1);
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // close() interrupts to end the wait early; the loop condition sees closed.
        }
    }

    /**
     * Ends the connection and, if the panel started the server, stops it. A server found running is left alone.
     * Called on the render thread at exit, after the sender has closed.
     */
    @Override
    public void close() {
        closed = true;
        closeQuietly(client);
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ManagedServer m = managed;
        if (m != null) {
            notices.accept("stopping the managed server (pid " + m.pid() + ")");
            m.close();
        }
    }

    private static void closeQuietly(HapticClient c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException e) {
            // Closing a connection that already failed; nothing left to release.
        }
    }
}
