package haptic.server.ipc;

import haptic.protocol.SocketPaths;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Objects;

/**
 * Ownership of the socket file: a live server's socket is never taken over, a stale one (left by a
 * crashed server) is replaced, and on release only the file this server created is deleted, so a
 * server that failed to start cannot remove the socket of the one that is running.
 *
 * <p>Bound on the thread calling {@link IpcServer#start}, then used and closed on the IPC thread, which
 * {@code Thread.start()} orders after the binding; closed on the starting thread only if start fails.
 */
final class SocketClaim implements AutoCloseable {
    private final Path socket;
    private final ServerSocketChannel channel;
    private final Object fileKey;
    private final UserPrincipal owner;

    private SocketClaim(Path socket, ServerSocketChannel channel, Object fileKey, UserPrincipal owner) {
        this.socket = socket;
        this.channel = channel;
        this.fileKey = fileKey;
        this.owner = owner;
    }

    /**
     * Called on the thread starting the server. Binds a listening socket at {@code socket}, readable and
     * writable by the owner only.
     *
     * @param log told when a stale socket file is replaced
     * @throws IOException if another server answers there, the path holds something that is not a
     *         socket, or binding fails
     */
    static SocketClaim bind(Path socket, java.util.function.Consumer<String> log) throws IOException {
        SocketPaths.prepareDirectory(socket);
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(socket);
        BasicFileAttributes existing = attributes(socket);
        if (existing != null) {
            if (!existing.isOther()) {
                throw new IOException(socket + " exists and is not a socket; refusing to replace it");
            }
            if (answers(address)) {
                throw new IOException("another haptic server is running at " + socket);
            }
            Files.deleteIfExists(socket);
            log.accept("removed stale socket " + socket + " (nothing was listening)");
        }
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(address);
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot bind " + socket + ": " + e.getMessage(), e);
        }
        try {
            Files.setPosixFilePermissions(socket, EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE));
            // The kernel made the file as whoever this process acts as: the user clients must match.
            PosixFileAttributes created = Files.readAttributes(socket, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return new SocketClaim(socket, channel, created.fileKey(), created.owner());
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(socket);
            throw e;
        }
    }

    ServerSocketChannel channel() {
        return channel;
    }

    /** The user the server runs as, read from the socket file it just created. */
    UserPrincipal owner() {
        return owner;
    }

    /**
     * Called on the IPC thread at shutdown, or on the starting thread if start fails. Stops listening and
     * deletes the socket file if it is still the one this claim created.
     */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            BasicFileAttributes now = attributes(socket);
            if (now != null && now.isOther() && fileKey != null && Objects.equals(fileKey, now.fileKey())) {
                Files.deleteIfExists(socket);
            }
        }
    }

    /** A connect that succeeds, or is merely pending because the backlog is full, means a server is there. */
    private static boolean answers(UnixDomainSocketAddress address) throws IOException {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.configureBlocking(false);
            probe.connect(address);
            return true;
        } catch (ConnectException e) {
            return false;
        }
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
