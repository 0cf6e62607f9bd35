package haptic.client;

import haptic.protocol.ErrorReply;
import haptic.protocol.FrameDecoder;
import haptic.protocol.FrameEncoder;
import haptic.protocol.Hello;
import haptic.protocol.HelloAccepted;
import haptic.protocol.HelloRejected;
import haptic.protocol.LayoutInfo;
import haptic.protocol.Ping;
import haptic.protocol.Pong;
import haptic.protocol.Protocol;
import haptic.protocol.ProtocolException;
import haptic.protocol.Role;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Just enough of a haptic server for client tests: a real Unix socket, thread per connection,
 * a scripted answer to Hello, Pong for Ping, and a record of everything clients send.
 */
final class FakeHapticServer implements AutoCloseable {
    enum Answer { ACCEPT, REJECT, SILENT }

    static final LayoutInfo LAYOUT = new LayoutInfo("fake-2x2", new String[] {"T01", "T02", "T03", "T04"},
            new float[] {0f, 0.1f, 0f, 0.1f}, new float[] {0f, 0f, 0.1f, 0.1f});

    /** Queued in {@link #received} when a client's connection ends. */
    static final String DISCONNECTED = "disconnected";

    final Path socket;
    /** Everything received from any client, in arrival order (Hello included). */
    final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    volatile Answer answer = Answer.ACCEPT;
    volatile String rejectReason = "go away";
    /** Messages of this type get an ErrorReply instead of being accepted silently. */
    volatile Class<?> refuse;
    /** Sent to every observer right after HelloAccepted, as telemetry would be. */
    volatile List<Object> observerGreeting = List.of();

    private final ServerSocketChannel server;
    private final List<SocketChannel> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    FakeHapticServer(Path dir) throws IOException {
        socket = dir.resolve("haptic.sock");
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = new Thread(this::acceptLoop, "fake-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The next message a client sent, waiting up to 5 s; null if none came. */
    Object next() throws InterruptedException {
        return received.poll(5, TimeUnit.SECONDS);
    }

    /** The next message of {@code type}, dropping others on the way. */
    <T> T next(Class<T> type) throws InterruptedException {
        for (Object m = next(); m != null; m = next()) {
            if (type.isInstance(m)) {
                return type.cast(m);
            }
        }
        return null;
    }

    /** Writes raw bytes to every connection, for malformed-input tests. */
    void sendRaw(byte[] bytes) throws IOException {
        for (SocketChannel c : connections) {
            synchronized (c) {
                c.write(ByteBuffer.wrap(bytes));
            }
        }
    }

    /** Sends a message to every connection. */
    void sendToAll(Object msg) throws IOException {
        sendRaw(new FrameEncoder().encode(msg));
    }

    /** Hangs up on every client. */
    void dropClients() throws IOException {
        for (SocketChannel c : connections) {
            c.close();
        }
    }

    private void acceptLoop() {
        try {
            while (true) {
                SocketChannel c = server.accept();
                connections.add(c);
                Thread t = new Thread(() -> serve(c), "fake-server-conn");
                t.setDaemon(true);
                t.start();
            }
        } catch (IOException closed) {
            // close() ends the loop.
        }
    }

    private void serve(SocketChannel c) {
        FrameDecoder decoder = new FrameDecoder();
        FrameEncoder encoder = new FrameEncoder();
        ByteBuffer in = ByteBuffer.allocate(4096);
        boolean greeted = false;
        try (c) {
            while (c.read(in.clear()) >= 0) {
                decoder.feed(in.flip());
                for (Object m = decoder.next(); m != null; m = decoder.next()) {
                    received.add(m);
                    if (!greeted && m instanceof Hello hello) {
                        greeted = true;
                        if (!greet(c, encoder, hello)) {
                            return;
                        }
                    } else if (m instanceof Ping p) {
                        write(c, encoder, new Pong(p.nonce(), p.clientNanos(), System.nanoTime()));
                    } else if (refuse != null && refuse.isInstance(m)) {
                        write(c, encoder, new ErrorReply("no " + m.getClass().getSimpleName() + " today"));
                    }
                }
            }
        } catch (IOException | ProtocolException e) {
            // The client went away or the test broke the stream on purpose.
        } finally {
            received.add(DISCONNECTED);
        }
    }

    /** @return false if the connection should end */
    private boolean greet(SocketChannel c, FrameEncoder encoder, Hello hello) throws IOException {
        switch (answer) {
            case REJECT -> {
                write(c, encoder, new HelloRejected(rejectReason));
                return false;
            }
            case SILENT -> {
                return true;
            }
            default -> {
                int slot = hello.role() == Role.CONTROLLER ? 0 : -1;
                write(c, encoder, new HelloAccepted(Protocol.VERSION, "fake-1", slot, "fake", 48000f, 128, LAYOUT));
                if (hello.role() == Role.OBSERVER) {
                    for (Object m : observerGreeting) {
                        write(c, encoder, m);
                    }
                }
                return true;
            }
        }
    }

    private static void write(SocketChannel c, FrameEncoder encoder, Object msg) throws IOException {
        ByteBuffer frame = ByteBuffer.wrap(encoder.encode(msg));
        synchronized (c) {
            while (frame.hasRemaining()) {
                c.write(frame);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropClients();
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(socket);
    }
}
