package haptic.protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/** Where the server's Unix socket lives, agreed by the server, the plugin and the CLI without configuration. */
public final class SocketPaths {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private SocketPaths() {
    }

    /**
     * {@code override} (from {@code --socket}) if given, else {@code $HAPTIC_SOCKET}, else
     * {@code $XDG_RUNTIME_DIR/haptic/haptic.sock}, else {@code /tmp/haptic-<user>/haptic.sock}.
     */
    public static Path resolve(String override) {
        return resolve(override, System.getenv(), System.getProperty("user.name"));
    }

    /** {@link #resolve(String)} with the environment and user name supplied by the caller. */
    public static Path resolve(String override, Map<String, String> env, String user) {
        if (present(override)) {
            return Path.of(override);
        }
        String fromEnv = env.get("HAPTIC_SOCKET");
        if (present(fromEnv)) {
            return Path.of(fromEnv);
        }
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (present(runtimeDir)) {
            return Path.of(runtimeDir, "haptic", "haptic.sock");
        }
        return Path.of("/tmp", "haptic-" + user, "haptic.sock");
    }

    /**
     * Makes sure the socket's directory exists and, if it belongs to us, is private (0700): the socket
     * accepts commands that move hardware, so other users must not reach it. A directory owned by
     * someone else (say /tmp given with {@code --socket /tmp/x.sock}) is used as it is.
     *
     * @return the directory
     */
    public static Path prepareDirectory(Path socket) throws IOException {
        Path dir = socket.toAbsolutePath().getParent();
        if (Files.notExists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " exists but is not a directory");
        }
        PosixFileAttributes attrs = Files.readAttributes(dir, PosixFileAttributes.class);
        boolean ours = attrs.owner().getName().equals(System.getProperty("user.name"));
        if (ours && !attrs.permissions().equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        }
        return dir;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
