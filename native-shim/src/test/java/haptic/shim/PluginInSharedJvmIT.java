package haptic.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Something else in the host process (another Java-based plugin) started a JVM first, without the plugin's
 * jars: the plugin must use that JVM rather than fail to create a second one, loading its classes through a
 * class loader of its own, and run the whole host session on it.
 */
class PluginInSharedJvmIT {
    @TempDir
    Path dir;

    @Test
    void thePluginRunsOnAJvmTheHostProcessAlreadyStarted() throws Exception {
        Path libjvm = Path.of(System.getProperty("java.home"), "lib", "server", "libjvm.so");
        assertTrue(Files.isReadable(libjvm), "this JDK has " + libjvm);
        PluginBundle bundle = PluginBundle.copy(dir, Map.of());
        HostRun run = TestHost.run(dir, List.of(), Map.of("HAPTIC_SOCKET", dir.resolve("no-server.sock").toString()),
                List.of("--preload-jvm", libjvm.toString(), "--notes", "4"), bundle, Duration.ofMinutes(1));
        System.out.println(run.transcript());

        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals(List.of(), run.failedSteps(), run.transcript());
        assertTrue(run.stepPassed("preload-jvm") && run.stepPassed("process") && run.stepPassed("set-state"),
                run.transcript());
        assertTrue(run.stderr().contains("using the JVM already running in this process"), run.stderr());
        assertTrue(run.stderr().contains("(libjvm.so already loaded)"), "the plugin loaded no libjvm of its own: "
                + run.stderr());
    }
}
