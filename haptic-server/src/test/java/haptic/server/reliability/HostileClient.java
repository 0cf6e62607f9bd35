package haptic.server.reliability;

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
 * A client on raw frames that can misbehave the ways real ones do: stop reading, stop mid-frame, vanish.
 * Reading happens only when a test asks for it, so not asking is how it "stops reading".
 */
final class HostileClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

    final SocketChannel channel;
    private final Selector selector;
    private final FrameEncoder encoder = new FrameEncoder();
    private final FrameDecoder decoder = new FrameDecoder();
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);

    private HostileClient(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
        selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
    }

    static HostileClient connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
            return new HostileClient(ch);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    static HostileClient handshake(Path socket, Role role, String instanceId, InstanceConfig config)
            throws IOException {
        HostileClient c = connect(socket);
        c.send(new Hello(Protocol.VERSION, role, instanceId, config));
        c.expect(HelloAccepted.class);
        return c;
    }

    byte[] frame(Object msg) {
        return encoder.encode(msg);
    }

    void send(Object msg) throws IOException {
        sendRaw(encoder.encode(msg));
    }

    /** Writes all of {@code bytes}, waiting while the socket is full (up to {@link #WAIT}). */
    void sendRaw(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (b.hasRemaining()) {
            if (channel.write(b) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("server stopped taking bytes");
                }
                pause();
            }
        }
    }

    /** Writes what the socket takes now. @return bytes written */
    int offer(ByteBuffer bytes) throws IOException {
        return channel.write(bytes);
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

    <T> T expect(Class<T> type) throws IOException {
        return assertInstanceOf(type, receive());
    }

    /** True once the server closed the connection within {@code wait}; whatever it sent is discarded. */
    boolean awaitClosed(Duration wait) {
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

    private int readSome(long timeoutNanos) throws IOException {
        selector.select(Math.max(1, timeoutNanos / 1_000_000));
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
    public void close() throws IOException {
        try {
            selector.close();
        } finally {
            channel.close();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
