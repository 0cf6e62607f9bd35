package haptic.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No Java anywhere (jvm= names a missing file, no $JAVA_HOME, no java on PATH): the host still loads the
 * module and lists its class, createInstance fails with a result code, the log says why, nothing crashes.
 */
class PluginWithoutJavaIT {
    @TempDir
    Path dir;

    @Test
    void createInstanceFailsCleanlyAndTheLogSaysWhy() throws Exception {
        Path missing = dir.resolve("nowhere/lib/server/libjvm.so");
        PluginBundle bundle = PluginBundle.copy(dir, Map.of("jvm", missing.toString()));
        Path emptyBin = Files.createDirectories(dir.resolve("bin"));
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", null);
        env.put("PATH", emptyBin.toString());

        HostRun run = TestHost.run(dir, List.of(), env, List.of("--expect-no-jvm"), bundle, Duration.ofMinutes(1));
        System.out.println(run.transcript());

        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals(List.of(), run.failedSteps(), run.transcript());
        assertTrue(run.stepPassed("class"), "the factory lists its class without Java");
        assertTrue(run.stepPassed("create-instance-refused"), run.transcript());
        assertTrue(run.stepPassed("module-exit"), run.transcript());
        for (String text : List.of(run.stderr(), bundle.log())) {
            assertTrue(text.contains("no Java runtime found"), "says what is wrong: " + text);
            assertTrue(text.contains("jvm=" + missing + " (no such file)"), "names the configured path: " + text);
            assertTrue(text.contains("$JAVA_HOME (not set)") && text.contains("java on PATH (not found)"),
                    "lists every place it looked: " + text);
            assertTrue(text.contains("cannot create an instance"), "says what it could not do: " + text);
        }
    }
}
