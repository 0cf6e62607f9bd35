package haptic.server.reliability;

import haptic.client.HapticClient;
import haptic.protocol.InstanceConfig;
import haptic.protocol.Ping;
import haptic.protocol.Pong;
import haptic.protocol.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A server out of file descriptors cannot accept anyone new, but must go on serving those already
 * connected, and let the newcomer in once descriptors are free again.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileDescriptorExhaustionTest {
    /** Low, so hogging the rest is quick; plenty for a JVM and its class path. */
    private static final int DESCRIPTOR_LIMIT = 512;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void connectedClientsAreServedWhileAcceptFails() throws Exception {
        Path socket = dir.resolve("run").resolve("haptic.sock");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder("/bin/sh", "-c", "ulimit -n " + DESCRIPTOR_LIMIT + " && exec \"$@\"", "sh",
                java, "-cp", System.getProperty("java.class.path"), HostileDescriptorHog.class.getName(),
                socket.toString()).redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    output.add(l);
                    lines.add(l);
                }
            } catch (IOException e) {
                lines.add("read failed: " + e);
            }
        }, "hog-output");
        reader.start();
        OutputStream commands = server.getOutputStream();
        try {
            awaitLine(lines, HostileDescriptorHog.LISTENING, output);
            try (HapticClient witness = HapticClient.connect(socket, Role.CONTROLLER, "witness", InstanceConfig.EMPTY,
                    WAIT)) {
                assertServing(witness, 1);

                send(commands, "hog");
                String hogged = awaitLine(lines, "hogged ", output);
                assertTrue(hogged.contains("Too many open files"), hogged);

                CompletableFuture<HapticClient> newcomer = CompletableFuture.supplyAsync(() -> {
                    try {
                        return HapticClient.connect(socket, Role.CONTROLLER, "newcomer", InstanceConfig.EMPTY, WAIT);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                String failure = awaitLine(lines, "log: ipc: cannot accept a connection", output);
                for (int i = 0; i < 20; i++) {
                    assertServing(witness, 100 + i);
                    Thread.sleep(20);
                }
                assertFalse(newcomer.isDone(), "nobody new can be let in without a descriptor");

                send(commands, "release");
                awaitLine(lines, "released ", output);
                try (HapticClient c = newcomer.get(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    assertServing(c, 2);
                }
                assertServing(witness, 3);
                long failureLines = output.stream().filter(l -> l.contains("cannot accept a connection")).count();
                System.out.printf("descriptors: %s; server said '%s' (%d such lines); the witness kept getting "
                        + "Pongs; the newcomer got in after the release%n", hogged, failure.substring(5), failureLines);
                assertTrue(output.stream().noneMatch(l -> l.contains("ipc: unexpected")), String.join("\n", output));
            }
        } finally {
            commands.close();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            reader.join(5000);
        }
        assertEquals(0, server.exitValue(), String.join("\n", output));
    }

    private static void send(OutputStream commands, String command) throws IOException {
        commands.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        commands.flush();
    }

    private static String awaitLine(BlockingQueue<String> lines, String prefix, List<String> all)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            String l = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (l == null) {
                return fail("no line starting '" + prefix + "' within " + WAIT + "; output:\n" + String.join("\n", all));
            }
            if (l.startsWith(prefix)) {
                return l;
            }
        }
    }

    private static void assertServing(HapticClient c, long nonce) throws IOException {
        c.send(new Ping(nonce, System.nanoTime()));
        Pong pong = c.receive(Pong.class, Duration.ofSeconds(10));
        assertNotNull(pong, "Pong while the server is out of descriptors");
        assertEquals(nonce, pong.nonce());
    }
}
