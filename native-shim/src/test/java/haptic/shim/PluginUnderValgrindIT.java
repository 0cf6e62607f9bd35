package haptic.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole test host run (JVM start, two instances, processing, state, teardown, module exit) under memcheck:
 * no invalid access and no leaked block may come from the plugin's own code. HotSpot's own reports are
 * suppressed (src/test/valgrind/hotspot.supp); whatever else remains is printed, not judged. The JVM runs with
 * -Xcheck:jni, which reports any JNI call made with an exception pending, a wrong type or a leaked local.
 */
class PluginUnderValgrindIT {
    private static final Path SUPPRESSIONS = Path.of(System.getProperty("haptic.shim.suppressions",
            "src/test/valgrind/hotspot.supp"));

    @TempDir
    Path dir;

    @Test
    void thePluginsCodeMakesNoInvalidAccessAndLeaksNothing() throws Exception {
        String valgrind = findValgrind();
        // A small JVM (memcheck runs every thread on one core, roughly 50 times slower) that also checks
        // every JNI call the shim makes.
        PluginBundle bundle = PluginBundle.copy(dir, Map.of("options",
                "-Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xcheck:jni"));
        Path xml = dir.resolve("memcheck.xml");
        List<String> memcheck = List.of(valgrind, "--tool=memcheck", "--error-limit=no", "--leak-check=full",
                "--show-leak-kinds=definite,indirect", "--errors-for-leak-kinds=definite,indirect",
                "--num-callers=64", "--suppressions=" + SUPPRESSIONS.toAbsolutePath(), "--xml=yes",
                "--xml-file=" + xml);
        HostRun run = TestHost.run(dir, memcheck, Map.of("HAPTIC_SOCKET", dir.resolve("no-server.sock").toString()),
                List.of("--notes", "3", "--hold-blocks", "6", "--gap-blocks", "6"), bundle, Duration.ofMinutes(10));
        System.out.println(run.transcript());

        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals(List.of(), run.failedSteps(), run.transcript());
        String stderr = run.stderr();
        assertTrue(!stderr.contains("WARNING in native method") && !stderr.contains("FATAL ERROR in native method"),
                "-Xcheck:jni found no misuse of JNI: " + stderr);
        assertTrue(Files.size(xml) > 0, "memcheck wrote its report");
        ValgrindReport report = ValgrindReport.read(xml);
        System.out.println("memcheck: " + report.plugin().size() + " report(s) from the plugin, "
                + report.others().size() + " from elsewhere (not judged)");
        report.others().forEach(f -> System.out.println("not the plugin's: " + f));
        assertEquals(List.of(), report.plugin(), "memcheck reports from " + ValgrindReport.PLUGIN_OBJECT + ":\n"
                + report.plugin().stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    private static String findValgrind() {
        String path = System.getenv("PATH");
        for (String d : (path == null ? "/usr/bin" : path).split(File.pathSeparator)) {
            Path candidate = Path.of(d, "valgrind");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("valgrind is not installed (on Debian/Ubuntu: apt-get install valgrind); "
                + "this test runs the test host under memcheck");
    }
}
