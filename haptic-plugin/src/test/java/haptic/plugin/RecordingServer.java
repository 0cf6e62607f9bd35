package haptic.plugin;

import haptic.protocol.FrameDecoder;
import haptic.protocol.FrameEncoder;
import haptic.protocol.Hello;
import haptic.protocol.HelloAccepted;
import haptic.protocol.LayoutInfo;
import haptic.protocol.Protocol;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in server that accepts every Hello and records every message, so tests can check exactly what
 * the plugin put on the wire (the real server turns messages into sound and keeps no such record).
 */
final class RecordingServer implements AutoCloseable {
    final Path socket;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final List<SocketChannel> clients = new CopyOnWriteArrayList<>();
    private final List<Object> received = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    RecordingServer(Path socket) throws IOException {
        this.socket = socket;
        Files.createDirectories(socket.getParent());
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = new Thread(this::accept, "recording-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!closed) {
            try {
                SocketChannel c = server.accept();
                clients.add(c);
                Thread reader = new Thread(() -> serve(c), "recording-server-client");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SocketChannel c) {
        FrameDecoder decoder = new FrameDecoder();
        FrameEncoder encoder = new FrameEncoder();
        ByteBuffer in = ByteBuffer.allocate(4096);
        int slot = clients.indexOf(c);
        try {
            while (c.read(in) >= 0) {
                in.flip();
                decoder.feed(in);
                in.clear();
                Object msg;
                while ((msg = decoder.next()) != null) {
                    received.add(msg);
                    if (msg instanceof Hello) {
                        c.write(ByteBuffer.wrap(encoder.encode(new HelloAccepted(Protocol.VERSION, "recording", slot,
                                "none", 48000f, 64, LayoutInfo.EMPTY))));
                    }
                }
            }
        } catch (IOException e) {
            // The plugin or the test closed the connection.
        } finally {
            received.add(Disconnected.INSTANCE);
        }
    }

    /** Marks where a connection ended in {@link #received()}. */
    enum Disconnected { INSTANCE }

    List<Object> received() {
        return new ArrayList<>(received);
    }

    <T> List<T> received(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object m : received) {
            if (type.isInstance(m)) {
                out.add(type.cast(m));
            }
        }
        return out;
    }

    void clear() {
        received.clear();
    }

    /** Closes every client connection, as a server restart would. */
    void dropClients() throws IOException {
        for (SocketChannel c : clients) {
            c.close();
        }
        clients.clear();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        dropClients();
        Files.deleteIfExists(socket);
    }
}
