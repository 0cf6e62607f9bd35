package haptic.panel;

import haptic.client.HapticClient;
import haptic.protocol.InstanceConfig;
import haptic.protocol.Ping;
import haptic.protocol.Pong;
import haptic.protocol.Role;
import org.junit.jupiter.api.Assertions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Haptic servers as child processes, and the checks tests make against them. Test fixture. */
final class TestServer {
    private TestServer() {
    }

    /** Starts {@code haptic-server run --socket socket --exit-on-stdin-eof extra...} and waits until it answers. */
    static JavaChild start(Path socket, String... extra) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("run", "--socket", socket.toString(), "--exit-on-stdin-eof"));
        args.addAll(List.of(extra));
        JavaChild server = JavaChild.start("server", "haptic.cli.HapticServerMain", args, Map.of());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && server.process().isAlive()) {
            if (answers(socket)) {
                return server;
            }
            Thread.sleep(100);
        }
        String output = server.output();
        server.close();
        return Assertions.fail("the server on " + socket + " did not answer within 30 s; output:\n" + output);
    }

    /** True if a server on {@code socket} accepts an observer and answers its Ping. */
    static boolean answers(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (HapticClient c = HapticClient.connect(socket, Role.OBSERVER, "panel-test-probe", InstanceConfig.EMPTY,
                Duration.ofSeconds(2))) {
            c.send(new Ping(42, System.nanoTime()));
            Pong pong = c.receive(Pong.class, Duration.ofSeconds(2));
            return pong != null && pong.nonce() == 42;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * True once {@code pid} has exited. A process that died but was not yet reaped by its new parent
     * (a zombie) has exited too, though it still has an entry in /proc.
     */
    static boolean exited(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String s = Files.readString(stat);
            char state = s.charAt(s.lastIndexOf(')') + 2);
            return state == 'Z' || state == 'X';
        } catch (IOException e) {
            return true;
        }
    }
}
