package haptic.client;

import haptic.protocol.ErrorReply;
import haptic.protocol.FrameDecoder;
import haptic.protocol.FrameEncoder;
import haptic.protocol.Hello;
import haptic.protocol.HelloAccepted;
import haptic.protocol.HelloRejected;
import haptic.protocol.InstanceConfig;
import haptic.protocol.Protocol;
import haptic.protocol.ProtocolException;
import haptic.protocol.Role;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A blocking connection to the haptic server over its Unix socket. One thread may send while another
 * receives; each direction has its own lock, buffer and codec.
 *
 * <p>The channel is non-blocking underneath, with one selector per direction, so that receiving can
 * time out and a server that stops reading cannot hang a sender forever.
 */
public final class HapticClient implements AutoCloseable {
    /** How long a send may wait for the server to drain its socket before the connection is given up. */
    private static final long SEND_STALL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Path socket;
    private final SocketChannel channel;

    private final Object receiveLock = new Object();
    private final Selector readReady;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(16 * 1024);
    private final FrameDecoder decoder = new FrameDecoder();

    private final Object sendLock = new Object();
    private final Selector writeReady;
    private final ByteBuffer writeBuffer = ByteBuffer.allocate(Protocol.LENGTH_PREFIX + Protocol.MAX_FRAME);
    private final FrameEncoder encoder = new FrameEncoder();

    private volatile HelloAccepted accepted;
    private volatile boolean closed;
    /** Set once the stream has ended or become unusable; the channel may still need closing. */
    private volatile boolean broken;

    private HapticClient(Path socket, SocketChannel channel) throws IOException {
        this.socket = socket;
        this.channel = channel;
        channel.configureBlocking(false);
        readReady = Selector.open();
        writeReady = Selector.open();
        channel.register(readReady, SelectionKey.OP_READ);
        channel.register(writeReady, SelectionKey.OP_WRITE);
    }

    /**
     * Connects, says Hello and waits for the server's verdict.
     *
     * @param timeout how long to wait for the server to answer the Hello
     * @throws NoServerException if nothing listens on {@code socket}
     * @throws RejectedException if the server answers with HelloRejected or ErrorReply
     * @throws SocketTimeoutException if the server does not answer in time
     */
    public static HapticClient connect(Path socket, Role role, String instanceId, InstanceConfig cfg,
                                       Duration timeout) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            channel.close();
            if (e instanceof ConnectException || !Files.exists(socket)) {
                throw new NoServerException(socket, e);
            }
            throw e;
        }
        HapticClient client;
        try {
            client = new HapticClient(socket, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        try {
            client.handshake(new Hello(Protocol.VERSION, role, instanceId, cfg), deadlineAfter(timeout), timeout);
            return client;
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private void handshake(Hello hello, long deadline, Duration timeout) throws IOException {
        send(hello);
        while (true) {
            Object reply;
            try {
                reply = receiveUntil(deadline);
            } catch (EOFException e) {
                throw new EOFException("haptic server at " + socket + " closed the connection during the handshake");
            }
            if (reply == null) {
                throw new SocketTimeoutException("haptic server at " + socket + " did not answer within "
                        + timeout.toMillis() + " ms");
            }
            if (reply instanceof HelloAccepted a) {
                if (a.version() != Protocol.VERSION) {
                    throw new RejectedException("server speaks protocol " + a.version() + ", this client "
                            + Protocol.VERSION);
                }
                accepted = a;
                return;
            }
            if (reply instanceof HelloRejected r) {
                throw new RejectedException(r.reason());
            }
            if (reply instanceof ErrorReply r) {
                throw new RejectedException(r.reason());
            }
            // Anything else cannot precede the verdict in a conforming server; ignore it and keep waiting.
        }
    }

    /** The server's answer to our Hello: its version, backend and layout. */
    public HelloAccepted accepted() {
        return accepted;
    }

    /** The socket this client is connected to. */
    public Path socket() {
        return socket;
    }

    /**
     * Sends one message, waiting while the server's socket buffer is full.
     *
     * @throws ProtocolException (unchecked) if {@code msg} is not a valid message; nothing is sent
     * @throws IOException if the connection is closed or broken, or the server stops reading
     */
    public void send(Object msg) throws IOException {
        synchronized (sendLock) {
            requireUsable();
            writeBuffer.clear();
            encoder.encode(msg, writeBuffer);
            writeBuffer.flip();
            long deadline = System.nanoTime() + SEND_STALL_NANOS;
            try {
                while (writeBuffer.hasRemaining()) {
                    if (channel.write(writeBuffer) == 0) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            broken = true;
                            throw new SocketTimeoutException("haptic server at " + socket + " stopped reading");
                        }
                        waitFor(writeReady, left);
                    }
                }
            } catch (IOException e) {
                broken = true;
                throw e;
            }
        }
    }

    /**
     * @return the next message, or null if none arrives within {@code timeout} ({@link Duration#ZERO}: don't wait)
     * @throws EOFException if the server closed the connection
     * @throws IOException if the connection failed or the server sent something malformed
     */
    public Object receive(Duration timeout) throws IOException {
        return receiveUntil(deadlineAfter(timeout));
    }

    /** Like {@link #receive(Duration)}, but discards messages of other types until one of {@code type} arrives. */
    public <T> T receive(Class<T> type, Duration timeout) throws IOException {
        long deadline = deadlineAfter(timeout);
        while (true) {
            Object msg = receiveUntil(deadline);
            if (msg == null) {
                return null;
            }
            if (type.isInstance(msg)) {
                return type.cast(msg);
            }
        }
    }

    private Object receiveUntil(long deadline) throws IOException {
        synchronized (receiveLock) {
            while (true) {
                Object msg = nextDecoded();
                if (msg != null) {
                    return msg;
                }
                requireUsable();
                if (!fill(deadline)) {
                    return null;
                }
            }
        }
    }

    private Object nextDecoded() throws IOException {
        try {
            return decoder.next();
        } catch (ProtocolException e) {
            broken = true;
            throw new IOException("haptic server at " + socket + " sent a malformed message: " + e.getMessage(), e);
        }
    }

    /** Reads whatever is available, waiting until the deadline. @return false on timeout */
    private boolean fill(long deadline) throws IOException {
        while (true) {
            readBuffer.clear();
            int n;
            try {
                n = channel.read(readBuffer);
            } catch (IOException e) {
                broken = true;
                throw e;
            }
            if (n < 0) {
                broken = true;
                throw new EOFException("haptic server at " + socket + " closed the connection");
            }
            if (n > 0) {
                readBuffer.flip();
                decoder.feed(readBuffer);
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            waitFor(readReady, left);
        }
    }

    private void waitFor(Selector selector, long nanos) throws IOException {
        try {
            // select(0) would mean forever, so round up to at least one millisecond.
            selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999)));
            selector.selectedKeys().clear();
        } catch (ClosedSelectorException e) {
            throw new AsynchronousCloseException();
        }
        if (closed) {
            throw new AsynchronousCloseException();
        }
    }

    private void requireUsable() throws IOException {
        if (closed) {
            throw new IOException("connection to haptic server at " + socket + " is closed");
        }
        if (broken) {
            throw new IOException("connection to haptic server at " + socket + " is broken");
        }
    }

    /** True until {@link #close()} or until the connection ended or failed. */
    public boolean isOpen() {
        return !closed && !broken && channel.isOpen();
    }

    /** Closes the connection; a thread blocked in send or receive gets an {@link AsynchronousCloseException}. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } finally {
            // Closing a selector wakes any thread blocked in it.
            readReady.close();
            writeReady.close();
        }
    }

    private static long deadlineAfter(Duration timeout) {
        long now = System.nanoTime();
        if (timeout.isNegative() || timeout.isZero()) {
            return now;
        }
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            nanos = Long.MAX_VALUE / 4;
        }
        return now + Math.min(nanos, Long.MAX_VALUE / 4);
    }
}
