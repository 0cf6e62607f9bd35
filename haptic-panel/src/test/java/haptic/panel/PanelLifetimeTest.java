package haptic.panel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who owns which server: the panel's own server dies with it however it dies, a server it found running
 * outlives it, and a server that restarts under it is picked up again.
 */
class PanelLifetimeTest {
    private static VirtualDisplay display;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDisplay() {
        display = VirtualDisplay.start();
    }

    @AfterAll
    static void stopDisplay() {
        if (display != null) {
            display.close();
        }
    }

    private static Map<String, String> panelEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("DISPLAY", display.display());
        env.put("WAYLAND_DISPLAY", null);
        // No JACK server has this name, so a server the panel starts goes headless at once.
        env.put("JACK_DEFAULT_SERVER", "haptic-panel-test-absent-" + ProcessHandle.current().pid());
        env.put("HAPTIC_SOCKET", null);
        return env;
    }

    @Test
    void theServerThePanelStartedExitsWhenThePanelIsKilled() throws Exception {
        Path socket = dir.resolve("managed.sock");
        JavaChild panel = JavaChild.start("panel-managed", "haptic.panel.PanelMain",
                List.of("--socket", socket.toString()), panelEnv());
        long serverPid;
        try {
            serverPid = Long.parseLong(panel.awaitLine("started managed haptic server, pid (\\d+)", 30));
            panel.awaitLine("connected to haptic server .* managed by the panel", 60);
            assertTrue(TestServer.answers(socket), "the managed server should be serving");
        } finally {
            panel.process().destroyForcibly(); // SIGKILL: the panel gets no chance to clean up
            panel.process().waitFor(10, TimeUnit.SECONDS);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!TestServer.exited(serverPid) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        boolean exited = TestServer.exited(serverPid);
        if (!exited) {
            ProcessHandle.of(serverPid).ifPresent(ProcessHandle::destroyForcibly);
        }
        assertTrue(exited, "managed server " + serverPid + " still runs 2 s after its panel was killed; panel output:\n"
                + panel.output());
        assertFalse(TestServer.answers(socket));
    }

    @Test
    void aServerThePanelFoundKeepsRunningAfterThePanelExits() throws Exception {
        Path socket = dir.resolve("external.sock");
        try (JavaChild server = TestServer.start(socket, "--backend", "headless")) {
            JavaChild panel = JavaChild.start("panel-attached", "haptic.panel.PanelMain",
                    List.of("--socket", socket.toString(), "--frames", "20"), panelEnv());
            assertEquals(0, panel.awaitExit(60), panel.output());
            assertTrue(panel.output().contains("attached"), panel.output());
            assertFalse(panel.output().contains("started managed"), panel.output());
            assertTrue(server.process().isAlive(), "the panel must not stop a server it did not start");
            assertTrue(TestServer.answers(socket), "the server must still answer after the panel exited");
        }
    }

    @Test
    void reconnectsWhenTheServerRestarts() throws Exception {
        Path socket = dir.resolve("restart.sock");
        JavaChild first = TestServer.start(socket, "--backend", "headless");
        JavaChild panel = JavaChild.start("panel-reconnect", "haptic.panel.PanelMain",
                List.of("--socket", socket.toString(), "--no-start"), panelEnv());
        try {
            panel.awaitLine("connected to haptic server", 60);
            first.close();
            panel.awaitLine("connection to the server lost", 30);
            JavaChild second = TestServer.start(socket, "--backend", "headless");
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (panel.countLines(l -> l.contains("connected to haptic server")) < 2
                        && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertEquals(2, panel.countLines(l -> l.contains("connected to haptic server")), panel.output());
                assertFalse(panel.output().contains("started managed"), "--no-start must never start a server");
            } finally {
                second.close();
            }
        } finally {
            panel.process().destroy();
            panel.process().waitFor(10, TimeUnit.SECONDS);
            first.close();
        }
    }
}
