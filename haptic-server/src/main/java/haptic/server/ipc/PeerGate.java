package haptic.server.ipc;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.nio.file.attribute.UserPrincipal;

/**
 * Lets in only connections made by the user the server runs as, going by the kernel's record of who
 * connected (SO_PEERCRED), checked before a connection is served at all.
 *
 * <p>The private socket directory already keeps other users out; this holds even when that directory is
 * not ours to protect (a socket given in a shared place with {@code --socket}) or its mode was loosened.
 *
 * <p>Made on the thread calling {@link IpcServer#start}, used on the IPC thread (immutable).
 */
final class PeerGate {
    private final UserPrincipal owner;

    PeerGate(UserPrincipal owner) {
        this.owner = owner;
    }

    /**
     * Any thread. Whether this platform reports peer credentials on Unix domain sockets; without them only
     * file modes guard.
     */
    static boolean available() throws IOException {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return available(probe);
        }
    }

    private static boolean available(SocketChannel channel) {
        return channel.supportedOptions().contains(ExtendedSocketOptions.SO_PEERCRED);
    }

    /**
     * Called on the IPC thread.
     *
     * @return null to admit the connection, else why it is refused
     */
    String refusal(SocketChannel channel) {
        if (!available(channel)) {
            return null;
        }
        UnixDomainPrincipal peer;
        try {
            peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
        } catch (IOException | RuntimeException e) {
            return "peer uid unknown (" + e.getMessage() + ")";
        }
        if (peer == null || !owner.equals(peer.user())) {
            return "peer uid check: user " + (peer == null ? "unknown" : peer.user().getName())
                    + " is not the server's user " + owner.getName();
        }
        return null;
    }
}
