package haptic.panel;

import haptic.client.HapticClient;
import haptic.protocol.InstanceConfig;
import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.Panic;
import haptic.protocol.ParameterChange;
import haptic.protocol.Role;
import haptic.protocol.SharedClock;
import haptic.protocol.TestPulse;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Sends what the user asks for from its own thread, so a slow or vanished server never stalls the
 * render loop. Panic, test pulses and master gain go over the observer connection; the test note
 * needs a controller, so its messages go over a second connection opened on the first note. Messages keep the
 * times they were stamped with when the user acted, except that a note which had to wait for that connection is
 * shifted by the wait ({@link NoteTiming}).
 */
final class CommandSender implements AutoCloseable {
    private static final int QUEUE_LIMIT = 256;
    private static final Duration HANDSHAKE = Duration.ofSeconds(2);

    private final ServerLink link;
    private final Notices notices;
    private final String instanceId = "haptic-panel-" + ProcessHandle.current().pid();
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>(QUEUE_LIMIT);
    private final Thread thread;
    /** Written only on the render thread (close). */
    private volatile boolean closed;
    /** Owned by the sender thread. */
    private HapticClient controller;
    /** Owned by the sender thread. */
    private final NoteTiming noteTiming = new NoteTiming();

    CommandSender(ServerLink link, Notices notices) {
        this.link = link;
        this.notices = notices;
        this.thread = new Thread(this::run, "haptic-panel-send");
        thread.setDaemon(true);
    }

    /** Called on the render thread, before the first frame. */
    void start() {
        thread.start();
    }

    /**
     * Queues a message for the server; never blocks. Called on the render thread.
     *
     * @return false if it was dropped (queue full or closed)
     */
    boolean submit(Object msg) {
        if (closed) {
            return false; // the panel is shutting down; nothing new goes out
        }
        if (!queue.offer(msg)) {
            notices.show("too many requests waiting for the server; dropped " + describe(msg));
            return false;
        }
        return true;
    }

    /** The sender thread's body. */
    private void run() {
        try {
            while (!closed || !queue.isEmpty()) {
                Object msg = queue.poll(200, TimeUnit.MILLISECONDS);
                if (msg != null) {
                    deliver(msg);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeController();
        }
    }

    private void deliver(Object msg) {
        if (msg instanceof NoteOn || msg instanceof NoteOff || msg instanceof MpeUpdate) {
            toController(msg);
            return;
        }
        HapticClient c = link.client();
        if (c == null) {
            notices.show("not connected to a server: " + describe(msg) + " not sent");
            return;
        }
        try {
            c.send(msg);
        } catch (IOException e) {
            notices.show("could not send " + describe(msg) + ": " + e.getMessage());
        }
    }

    /**
     * A NoteOn opens the controller connection if needed, and retries once on a fresh connection (the
     * old one dies silently when the server restarts). Updates and NoteOffs belong to the note of the
     * current connection; with that connection gone, the server has already released the note.
     */
    private void toController(Object msg) {
        boolean starts = msg instanceof NoteOn;
        if (starts) {
            noteTiming.noteStarts();
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            if (controller == null || !controller.isOpen()) {
                closeController();
                if (!starts) {
                    return;
                }
                if (!openController()) {
                    return;
                }
                noteTiming.waitedForConnection(((NoteOn) msg).time(), SharedClock.now());
            }
            try {
                controller.send(noteTiming.stamp(msg));
                return;
            } catch (IOException e) {
                closeController();
                if (!starts || attempt == 1) {
                    notices.show("could not send " + describe(msg) + ": " + e.getMessage());
                    return;
                }
            }
        }
    }

    private boolean openController() {
        if (!link.state().connected()) {
            notices.show("not connected to a server: test note not played");
            return false;
        }
        try {
            controller = HapticClient.connect(link.socket(), Role.CONTROLLER, instanceId,
                    new InstanceConfig("haptic panel test note", new int[0], new float[0]), HANDSHAKE);
            return true;
        } catch (IOException e) {
            notices.show("cannot open the test-note connection: " + e.getMessage());
            return false;
        }
    }

    private void closeController() {
        HapticClient c = controller;
        controller = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // The connection already failed; nothing left to release.
            }
        }
    }

    /**
     * Sends what is still queued (a pending NoteOff included), then closes the test-note connection. Called on the
     * render thread at exit.
     */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Any thread (the render and sender threads both use it; it only reads {@code msg}). */
    static String describe(Object msg) {
        if (msg instanceof TestPulse p) {
            return "test pulse on transducer " + (p.transducer() + 1);
        }
        if (msg instanceof Panic) {
            return "panic";
        }
        if (msg instanceof ParameterChange c) {
            return c.param() == null ? "parameter change" : c.param().label().toLowerCase(java.util.Locale.ROOT);
        }
        if (msg instanceof NoteOn || msg instanceof NoteOff || msg instanceof MpeUpdate) {
            return "test note";
        }
        return msg.getClass().getSimpleName();
    }
}
