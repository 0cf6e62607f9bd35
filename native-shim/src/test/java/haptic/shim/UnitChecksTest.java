package haptic.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the shim's C unit checks (src/test/c/unit, built into target/test-host):
 * <ul>
 * <li>block-events-check: the translation of a block's events and parameter points into JNI.md records
 * (sample order, parameters first on ties, note expression resolved to the note's channel and pitch,
 * offsets clamped, bad events dropped, overflow in sorted batches);
 * <li>failure-handoff-check, built with ThreadSanitizer: process()'s failure handed from the audio thread to
 * the host thread with no data race, nothing lost or freed twice.
 * </ul>
 */
class UnitChecksTest {
    private static final Path DIR = Path.of(System.getProperty("haptic.shim.checks", "target/test-host"));

    @ParameterizedTest
    @ValueSource(strings = {"block-events-check", "failure-handoff-check"})
    void checkPasses(String check) throws Exception {
        Process p = new ProcessBuilder(DIR.resolve(check).toAbsolutePath().toString()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the check finishes");
        System.out.println(out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("PASSED: 0 check(s) failed") && !out.contains("FAIL ")
                && !out.contains("ThreadSanitizer"), out);
    }
}
