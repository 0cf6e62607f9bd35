package haptic.server.ipc;

import haptic.protocol.ErrorReply;
import haptic.protocol.Ping;
import haptic.protocol.Pong;
import haptic.server.link.CommandLink;
import haptic.server.link.EngineCommand;
import haptic.server.link.TelemetryLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpcSocketTest {
    @TempDir
    Path dir;

    @Test
    void liveSocketIsNotStolen() throws IOException {
        try (RunningServer first = RunningServer.start(dir)) {
            List<String> secondLog = new ArrayList<>();
            IpcServer second = new IpcServer(first.socket, new CommandLink(8), new TelemetryLink(2, 1, 1),
                    RunningServer.INFO, 2, secondLog::add);
            IOException e = assertThrows(IOException.class, second::start);
            assertEquals("another haptic server is running at " + first.socket, e.getMessage());
            second.close();

            assertTrue(Files.exists(first.socket), "the failed server left the live socket alone");
            try (RawClient c = RawClient.observer(first.socket)) {
                c.send(new Ping(1, 1));
                assertEquals(1, c.expect(Pong.class).nonce());
            }
        }
    }

    @Test
    void staleSocketIsReplaced() throws IOException {
        Path socket = dir.resolve("run").resolve("haptic.sock");
        Files.createDirectories(socket.getParent());
        // What a crashed server leaves: a socket file nobody listens on.
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket));
        }
        assertTrue(Files.exists(socket));
        try (RunningServer s = RunningServer.start(dir)) {
            assertTrue(s.logContains("removed stale socket " + socket), s.log.toString());
            try (RawClient c = RawClient.observer(s.socket)) {
                c.send(new Ping(2, 2));
                assertEquals(2, c.expect(Pong.class).nonce());
            }
        }
    }

    @Test
    void somethingElseAtTheSocketPathIsLeftAlone() throws IOException {
        Path socket = dir.resolve("run").resolve("haptic.sock");
        Files.createDirectories(socket.getParent());
        Files.writeString(socket, "precious");
        RunningServer s = new RunningServer(socket, 8, 1);
        IOException e = assertThrows(IOException.class, s.server::start);
        assertEquals(socket + " exists and is not a socket; refusing to replace it", e.getMessage());
        s.close();
        assertEquals("precious", Files.readString(socket));
    }

    @Test
    void socketIsPrivate() throws IOException {
        try (RunningServer s = RunningServer.start(dir)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.socket)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.socket.getParent())));
        }
    }

    @Test
    void closeReleasesControllersAndDeletesTheSocket() throws IOException {
        RunningServer s = RunningServer.start(dir);
        try (RawClient a = RawClient.controller(s.socket, "a");
             RawClient b = RawClient.controller(s.socket, "b")) {
            s.close();
            assertEquals("server is shutting down", a.expect(ErrorReply.class).reason());
            assertTrue(a.awaitClosed());
            assertTrue(b.awaitClosed());
        }
        assertFalse(Files.exists(s.socket), "socket file deleted");
        s.engine.drain();
        List<Integer> released = s.engine.ofType(EngineCommand.RELEASE_INSTANCE).stream()
                .map(EngineSide.Cmd::instance).sorted().toList();
        assertEquals(List.of(0, 1), released);
        assertEquals(0, s.server.controllers());
        s.close(); // idempotent
    }

    @Test
    void serverThatNeverStartedClosesQuietly() {
        RunningServer s = new RunningServer(dir.resolve("never").resolve("haptic.sock"), 8, 1);
        s.close();
        assertFalse(Files.exists(s.socket));
        assertEquals(List.of(), s.log);
    }
}
