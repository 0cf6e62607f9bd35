package haptic.server.reliability;

import haptic.client.HapticClient;
import haptic.protocol.ErrorReply;
import haptic.protocol.FrameDecoder;
import haptic.protocol.FrameEncoder;
import haptic.protocol.Hello;
import haptic.protocol.HelloRejected;
import haptic.protocol.InstanceConfig;
import haptic.protocol.Ping;
import haptic.protocol.Pong;
import haptic.protocol.Protocol;
import haptic.protocol.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Only the user the server runs as gets in. Another user ({@code nobody}, in a process of its own) is kept
 * out by the private socket directory; and where file modes would let it through, the server still refuses
 * it on the kernel's word about who connected, before any handshake.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PeerCredentialsTest {
    private static final String OTHER_USER = "nobody";

    @TempDir
    Path dir;
    private Path probeClasses;

    @BeforeEach
    void otherUserCanRunTheProbe() throws IOException, URISyntaxException {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "switching to another user needs root (as in CI)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux)");
        // JUnit's temp dir is private to us; the other user must be able to reach into it.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        probeClasses = dir.resolve("probe-classes");
        Path pkg = probeClasses.resolve(PeerProbe.class.getPackageName().replace('.', '/'));
        Files.createDirectories(pkg);
        Path compiled = Path.of(PeerProbe.class.getResource(PeerProbe.class.getSimpleName() + ".class").toURI());
        Files.copy(compiled, pkg.resolve(compiled.getFileName()));
        for (Path p = pkg; !p.equals(dir); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(pkg.resolve(compiled.getFileName()), PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    void privateSocketDirectoryKeepsOtherUsersFromConnecting() throws Exception {
        try (StuckServer s = StuckServer.start(dir)) {
            assertEquals("rwx------", modes(s.socket().getParent()));
            assertEquals("rw-------", modes(s.socket()));

            List<String> out = probeAsOtherUser(s.socket());
            assertTrue(out.get(0).startsWith("connect-failed:") && out.get(0).contains("Permission denied"),
                    "the other user cannot even reach the socket: " + out);
            assertEquals(0, s.server.ipc().refusedConnections(), "nothing reached accept()");
            assertTrue(s.lines("connected").isEmpty(), s.text());
            assertServing(s);
        }
    }

    @Test
    void serverRefusesAnotherUsersConnectionByPeerCredentials() throws Exception {
        try (StuckServer s = StuckServer.start(dir)) {
            // As if the socket had been put somewhere shared: file modes no longer stop anyone.
            Files.setPosixFilePermissions(s.socket().getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.setPosixFilePermissions(s.socket(), PosixFilePermissions.fromString("rwxrwxrwx"));

            List<String> out = probeAsOtherUser(s.socket());
            assertTrue(out.size() >= 2 && out.get(0).startsWith("received: "), "the connection was made: " + out);
            List<Object> replies = decode(out.get(0).substring("received: ".length()));
            assertTrue(replies.size() <= 1, "at most one refusal, no handshake: " + replies);
            if (!replies.isEmpty()) {
                String reason = replies.get(0) instanceof HelloRejected r ? r.reason()
                        : assertInstanceOf(ErrorReply.class, replies.get(0)).reason();
                assertTrue(reason.contains("uid") && reason.contains(OTHER_USER), reason);
            }
            assertTrue(out.get(1).startsWith("end: eof") || out.get(1).startsWith("end: reset"),
                    "the server closed it: " + out);

            String refusal = "ipc: refused a connection: peer uid check: user " + OTHER_USER
                    + " is not the server's user " + System.getProperty("user.name");
            s.awaitLine(refusal, Duration.ofSeconds(10));
            assertEquals(1, s.server.ipc().refusedConnections());
            assertTrue(s.lines("connected").isEmpty(), "never became a client: " + s.text());
            assertTrue(s.lines("accepted").isEmpty(), s.text());
            assertEquals(0, s.server.ipc().controllers());
            assertServing(s);
            System.out.println("peer: " + refusal + "; the other user saw " + replies + " then " + out.get(1));
        }
    }

    /** Runs {@link PeerProbe} as {@link #OTHER_USER}, sending a controller Hello. @return its output lines */
    private List<String> probeAsOtherUser(Path socket) throws IOException, InterruptedException {
        byte[] hello = new FrameEncoder().encode(new Hello(Protocol.VERSION, Role.CONTROLLER, "intruder",
                InstanceConfig.EMPTY));
        StringBuilder hex = new StringBuilder();
        for (byte b : hello) {
            hex.append(String.format("%02x", b));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of("/usr/bin/setpriv", "--reuid=" + OTHER_USER, "--regid=" + otherUsersGroup(),
                "--clear-groups", java, "-XX:-UsePerfData", "-Xshare:auto", "-cp", probeClasses.toString(),
                PeerProbe.class.getName(), socket.toString(), hex.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe finished");
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "probe ran as " + OTHER_USER + ": " + text);
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (l.startsWith("connect-failed:") || l.startsWith("received:") || l.startsWith("end:")) {
                lines.add(l);
            }
        }
        assertTrue(!lines.isEmpty(), "probe output: " + text);
        return lines;
    }

    private static String otherUsersGroup() throws IOException {
        for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
            String[] f = line.split(":");
            if (f.length > 3 && f[0].equals(OTHER_USER)) {
                return f[3];
            }
        }
        assumeTrue(false, "no user " + OTHER_USER);
        return null;
    }

    private static List<Object> decode(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        FrameDecoder d = new FrameDecoder();
        d.feed(ByteBuffer.wrap(b));
        List<Object> out = new ArrayList<>();
        Object m;
        while ((m = d.next()) != null) {
            out.add(m);
        }
        return out;
    }

    private static String modes(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static void assertServing(StuckServer s) throws IOException {
        try (HapticClient c = HapticClient.connect(s.socket(), Role.OBSERVER, "", InstanceConfig.EMPTY,
                Duration.ofSeconds(10))) {
            c.send(new Ping(5, 6));
            assertEquals(5, c.receive(Pong.class, Duration.ofSeconds(10)).nonce(), "the owner is still served");
        }
    }
}
