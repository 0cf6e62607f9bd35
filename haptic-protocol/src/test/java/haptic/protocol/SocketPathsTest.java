package haptic.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SocketPathsTest {

    @Test
    void overrideWinsOverEverything() {
        Map<String, String> env = Map.of("HAPTIC_SOCKET", "/env/s.sock", "XDG_RUNTIME_DIR", "/run/user/7");
        assertEquals(Path.of("/cli/s.sock"), SocketPaths.resolve("/cli/s.sock", env, "ann"));
    }

    @Test
    void environmentVariableWinsOverRuntimeDirectory() {
        Map<String, String> env = Map.of("HAPTIC_SOCKET", "/env/s.sock", "XDG_RUNTIME_DIR", "/run/user/7");
        assertEquals(Path.of("/env/s.sock"), SocketPaths.resolve(null, env, "ann"));
        assertEquals(Path.of("/env/s.sock"), SocketPaths.resolve("  ", env, "ann"));
    }

    @Test
    void runtimeDirectoryThenPerUserTmp() {
        assertEquals(Path.of("/run/user/7/haptic/haptic.sock"),
                SocketPaths.resolve(null, Map.of("XDG_RUNTIME_DIR", "/run/user/7", "HAPTIC_SOCKET", ""), "ann"));
        assertEquals(Path.of("/tmp/haptic-ann/haptic.sock"), SocketPaths.resolve(null, Map.of(), "ann"));
    }

    @Test
    void createsMissingDirectoryPrivate(@TempDir Path tmp) throws Exception {
        Path socket = tmp.resolve("a/b/haptic.sock");
        assertEquals(socket.getParent(), SocketPaths.prepareDirectory(socket));
        assertTrue(Files.isDirectory(socket.getParent()));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
    }

    @Test
    void tightensOurExistingDirectory(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        SocketPaths.prepareDirectory(dir.resolve("haptic.sock"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void refusesAFileWhereTheDirectoryShouldBe(@TempDir Path tmp) throws Exception {
        Path file = Files.createFile(tmp.resolve("plain"));
        assertThrows(java.io.IOException.class, () -> SocketPaths.prepareDirectory(file.resolve("haptic.sock")));
    }
}
