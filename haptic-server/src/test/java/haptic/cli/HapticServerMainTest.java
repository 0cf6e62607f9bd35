package haptic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import haptic.protocol.ProductVersion;
import haptic.server.ServerOptions;
import haptic.server.audio.Backend;
import picocli.CommandLine;
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
        ServerOptions o = parse("run", "--socket", "/tmp/x.sock", "--backend", "JACK", "--connect",
            "system:playback_1, system:playback_2", "--jack-server", "studio", "--ceiling", "0.5", "--rate", "44100",
            "--period", "128", "--record", "take.wav", "--exit-on-stdin-eof");
        assertEquals("/tmp/x.sock", o.socket);
        assertEquals(Backend.JACK, o.audio.backend);
        assertEquals(List.of("system:playback_1", "system:playback_2"), o.audio.connect);
        assertEquals("studio", o.audio.jackServer);
        assertEquals(0.5f, o.ceiling);
        assertEquals(44100f, o.audio.headlessRate);
        assertEquals(128, o.audio.headlessPeriod);
        assertEquals(Path.of("take.wav"), o.record);
        assertTrue(o.exitOnStdinEof);
    }

    private ServerOptions parse(String... args) {
        CommandLine line = HapticServerMain.commandLine(System.out, System.err);
        CommandLine.ParseResult parsed = line.parseArgs(args);
        return ((RunCommand) parsed.subcommand().commandSpec().userObject()).options();
    }

    @Test
    void defaultsAreWhatAUserGetsWithNoFlags() {
        ServerOptions o = parse("run");
        ServerOptions plain = new ServerOptions();
        assertEquals(plain.audio.backend, o.audio.backend);
        assertEquals(plain.audio.clientName, o.audio.clientName);
        assertEquals(plain.ceiling, o.ceiling);
        assertEquals(plain.audio.headlessRate, o.audio.headlessRate);
        assertEquals(plain.audio.headlessPeriod, o.audio.headlessPeriod);
        assertEquals(List.of(), o.audio.connect);
    }

    @Test
    void badOptionsExitWithUsageAndCodeTwo() {
        assertEquals(2, run("--backend", "alsa"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--backend"), err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("auto, jack, headless"),
                err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, run("--ceiling", "NaN"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--ceiling"));
        err.reset();
        assertEquals(2, run("--period", "8"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--period must be between 16 and 4096"));
        err.reset();
        assertEquals(2, run("--period"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--period"));
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run("ports", "--colour"));
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Usage: haptic-server"));
        out.reset();
        assertEquals(0, run("ports", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("haptic-server ports"));
        out.reset();
        assertEquals(0, run("run", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--exit-on-stdin-eof"));
        out.reset();
        assertEquals(0, run("--version"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("haptic-server " + ProductVersion.VERSION));
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
