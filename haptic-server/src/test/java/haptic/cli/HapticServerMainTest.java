package haptic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import haptic.server.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HapticServerMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return HapticServerMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void parsesEveryRunOption() {
        ServerOptions o = HapticServerMain.Arguments.parse(new String[] {"--socket", "/tmp/x.sock", "--backend",
            "jack", "--connect", "system:playback_1, system:playback_2", "--jack-server", "studio", "--ceiling", "0.5",
            "--rate", "44100", "--period", "128", "--record", "take.wav", "--exit-on-stdin-eof"}, System.out);
        assertEquals("/tmp/x.sock", o.socket);
        assertEquals("jack", o.backend);
        assertEquals(List.of("system:playback_1", "system:playback_2"), o.connect);
        assertEquals("studio", o.jackServer);
        assertEquals(0.5f, o.ceiling);
        assertEquals(44100f, o.headlessRate);
        assertEquals(128, o.headlessPeriod);
        assertEquals(Path.of("take.wav"), o.record);
        assertTrue(o.exitOnStdinEof);
    }

    @Test
    void badOptionsExitWithUsageAndCodeTwo() {
        assertEquals(2, run("--backend", "alsa"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--backend must be auto, jack or headless"));
        err.reset();
        assertEquals(2, run("--ceiling", "NaN"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--ceiling"));
        err.reset();
        assertEquals(2, run("--period"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--period needs a value"));
        assertEquals(2, run("frobnicate"));
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("usage: haptic-server"));
        out.reset();
        assertEquals(0, run("ports", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("haptic-server ports"));
    }

    @Test
    void invalidLayoutFileIsAClearErrorNamingLineAndField(@TempDir Path dir) throws Exception {
        Path layout = dir.resolve("bad.json");
        Files.writeString(layout, "{\n  \"name\": \"t\",\n  \"transducers\": [\n    {\"name\": \"A\", \"x\": \"left\"}\n  ]\n}\n");
        assertEquals(1, run("--layout", layout.toString(), "--backend", "headless", "--socket",
                dir.resolve("s.sock").toString()));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("bad.json") && message.contains("line 4") && message.contains("transducers[0].x"),
                message);
    }
}
