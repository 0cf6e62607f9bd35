package haptic.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs target/test-host/block-events-check (src/test/c/unit): the shim's translation of a block's events and
 * parameter points into JNI.md records (sample order, parameters first on ties, note expression resolved to
 * the note's channel and pitch, offsets clamped, bad events dropped, overflow in sorted batches).
 */
class BlockEventsCheckTest {
    private static final Path CHECK = Path.of(System.getProperty("haptic.shim.check",
            "target/test-host/block-events-check"));

    @Test
    void blockTranslationChecksPass() throws Exception {
        Process p = new ProcessBuilder(CHECK.toAbsolutePath().toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the check finishes");
        System.out.println(out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("PASSED: 0 check(s) failed") && !out.contains("FAIL "), out);
    }
}
