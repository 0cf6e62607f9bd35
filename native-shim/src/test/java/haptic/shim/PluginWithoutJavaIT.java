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
 * No usable Java: the host still loads the module and lists its class (with the version Maven gave the
 * build), createInstance fails with a result code (also when the host tries again), the log says why,
 * nothing crashes.
 */
class PluginWithoutJavaIT {
    @TempDir
    Path dir;

    /** No Java anywhere: jvm= names a missing file, no $JAVA_HOME, no java on PATH. */
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
        String version = " version \"" + System.getProperty("haptic.shim.version") + "\" ";
        assertTrue(run.stdout().stream().anyMatch(l -> l.startsWith("ok class:") && l.contains(version)),
                "the class carries the Maven project version (" + version + "): " + run.transcript());
        assertTrue(run.stepPassed("create-instance-refused"), run.transcript());
        assertTrue(run.stepPassed("create-instance-refused-again"), run.transcript());
        assertTrue(run.stepPassed("module-exit"), run.transcript());
        for (String text : List.of(run.stderr(), bundle.log())) {
            assertTrue(text.contains("no Java runtime found"), "says what is wrong: " + text);
            assertTrue(text.contains("jvm=" + missing + " (no such file)"), "names the configured path: " + text);
            assertTrue(text.contains("$JAVA_HOME (not set)") && text.contains("java on PATH (not found)"),
                    "lists every place it looked: " + text);
            assertTrue(text.contains("cannot create an instance"), "says what it could not do: " + text);
        }
    }

    /** A JVM is found but refuses to start (a bad option): reported once, and never started a second time. */
    @Test
    void aJvmThatFailsToStartIsReportedAndNotStartedAgain() throws Exception {
        PluginBundle bundle = PluginBundle.copy(dir, Map.of("options", "-XX:+NoSuchHapticOption"));

        HostRun run = TestHost.run(dir, List.of(), Map.of(), List.of("--expect-no-jvm"), bundle,
                Duration.ofMinutes(1));
        System.out.println(run.transcript());

        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals(List.of(), run.failedSteps(), run.transcript());
        assertTrue(run.stepPassed("create-instance-refused-again"), run.transcript());
        String log = bundle.log();
        for (String text : List.of(run.stderr(), log)) {
            assertTrue(text.contains("NoSuchHapticOption"), "the JVM's own complaint reaches the log: " + text);
            assertTrue(text.contains("the JVM did not start"), text);
            assertTrue(text.contains("Java is unavailable in this process"), "the second attempt is refused "
                    + "without starting a JVM again: " + text);
        }
        assertEquals(1, log.split("the JVM did not start", -1).length - 1, "one start attempt: " + log);
    }
}
