package haptic.server.ipc;

import haptic.protocol.EngineStatus;
import haptic.protocol.FrameDecoder;
import haptic.protocol.FrameEncoder;
import haptic.protocol.Hello;
import haptic.protocol.HelloAccepted;
import haptic.protocol.InstanceConfig;
import haptic.protocol.Protocol;
import haptic.protocol.Role;
import haptic.protocol.TransducerLevels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A client speaking raw frames over a real socket, so tests can send anything, valid or not. Public because
 * the reliability tests misbehave with it too.
 */
public final class RawClient implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(10);

    private final SocketChannel channel;
    private final Selector selector;
    private final FrameEncoder encoder = new FrameEncoder();
    private final FrameDecoder decoder = new FrameDecoder();
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);

    private RawClient(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
        selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
    }

    public static RawClient connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
            return new RawClient(ch);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Connects and completes a handshake with the given role and saved parameters. */
    public static RawClient handshake(Path socket, Role role, String instanceId, InstanceConfig config)
            throws IOException {
        RawClient c = connect(socket);
        c.send(new Hello(Protocol.VERSION, role, instanceId, config));
        c.expect(HelloAccepted.class);
        return c;
    }

    /** Connects and completes a controller handshake. */
    public static RawClient controller(Path socket, String instanceId) throws IOException {
        return handshake(socket, Role.CONTROLLER, instanceId, InstanceConfig.EMPTY);
    }

    public static RawClient observer(Path socket) throws IOException {
        return handshake(socket, Role.OBSERVER, "", InstanceConfig.EMPTY);
    }

    public byte[] frame(Object msg) {
        return encoder.encode(msg);
    }

    public void send(Object msg) throws IOException {
        sendRaw(encoder.encode(msg));
    }

    /** Writes what the socket takes now. @return bytes written */
    public int offer(ByteBuffer bytes) throws IOException {
        return channel.write(bytes);
    }

    /** Writes all of {@code bytes}, waiting while the socket is full (up to {@link #WAIT}). */
    public void sendRaw(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (b.hasRemaining()) {
            if (channel.write(b) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("server stopped taking bytes");
                }
                sleepBriefly();
            }
        }
    }

    /** Next message that is not telemetry. */
    public Object receive() throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Object msg = decoder.next();
            if (msg instanceof TransducerLevels || msg instanceof EngineStatus) {
                continue;
            }
            if (msg != null) {
                return msg;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return fail("no message within " + WAIT);
            }
            if (readSome(left) < 0) {
                return fail("connection closed while waiting for a message");
            }
        }
    }

    /** Next message including telemetry, or null if none arrives within {@code wait}. */
    public Object receiveAny(Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Object msg = decoder.next();
            if (msg != null) {
                return msg;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || readSome(left) < 0) {
                return null;
            }
        }
    }

    public <T> T expect(Class<T> type) throws IOException {
        return assertInstanceOf(type, receive());
    }

    /** True once the server closed the connection within {@link #WAIT} (unread messages are discarded). */
    public boolean awaitClosed() {
        return awaitClosed(WAIT);
    }

    /** True once the server closed the connection within {@code wait}; whatever it sent is discarded. */
    public boolean awaitClosed(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (readSome(deadline - System.nanoTime()) < 0) {
                    return true;
                }
                try {
                    while (decoder.next() != null) {
                        // discard
                    }
                } catch (RuntimeException e) {
                    // what a closing server left half-sent does not matter here
                }
            }
            return false;
        } catch (IOException e) {
            return true; // reset by the server
        }
    }

    /** @return bytes read, 0 on timeout, -1 at end of stream */
    private int readSome(long timeoutNanos) throws IOException {
        long millis = Math.max(1, timeoutNanos / 1_000_000);
        selector.select(millis);
        selector.selectedKeys().clear();
        in.clear();
        int n = channel.read(in);
        if (n > 0) {
            in.flip();
            decoder.feed(in);
        }
        return n;
    }

    @Override
    public void close() {
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
