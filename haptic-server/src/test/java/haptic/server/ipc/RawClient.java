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

/** A client speaking raw frames over a real socket, so tests can send anything, valid or not. */
final class RawClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

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

    static RawClient connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        return new RawClient(ch);
    }

    /** Connects and completes a controller handshake. */
    static RawClient controller(Path socket, String instanceId) throws IOException {
        RawClient c = connect(socket);
        c.send(new Hello(Protocol.VERSION, Role.CONTROLLER, instanceId, InstanceConfig.EMPTY));
        c.expect(HelloAccepted.class);
        return c;
    }

    static RawClient observer(Path socket) throws IOException {
        RawClient c = connect(socket);
        c.send(new Hello(Protocol.VERSION, Role.OBSERVER, "", InstanceConfig.EMPTY));
        c.expect(HelloAccepted.class);
        return c;
    }

    void send(Object msg) throws IOException {
        sendRaw(encoder.encode(msg));
    }

    void sendRaw(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            if (channel.write(b) == 0) {
                sleepBriefly();
            }
        }
    }

    /** Next message that is not telemetry. */
    Object receive() throws IOException {
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
    Object receiveAny(Duration wait) throws IOException {
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

    <T> T expect(Class<T> type) throws IOException {
        return assertInstanceOf(type, receive());
    }

    /** True once the server closed the connection within {@link #WAIT} (unread messages are discarded). */
    boolean awaitClosed() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (readSome(deadline - System.nanoTime()) < 0) {
                    return true;
                }
                while (decoder.next() != null) {
                    // discard
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return true;
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
