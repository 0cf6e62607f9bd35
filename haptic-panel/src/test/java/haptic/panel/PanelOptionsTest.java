package haptic.panel;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PanelOptionsTest {
    @Test
    void parsesEveryOption() {
        PanelOptions o = parse("--socket", "/tmp/x.sock", "--frames", "12", "--screenshot", "out/p.png", "--no-start");
        assertEquals(Path.of("/tmp/x.sock"), o.socket());
        assertEquals(12, o.frames());
        assertEquals(Path.of("out/p.png"), o.screenshot());
        assertFalse(o.startServer());
    }

    @Test
    void interactiveByDefaultAndAScreenshotAloneRendersTheDefaultFrames() {
        PanelOptions o = parse();
        assertEquals(0, o.frames());
        assertNull(o.screenshot());
        assertTrue(o.startServer());
        assertEquals(PanelOptions.SCREENSHOT_FRAMES,
                parse("--screenshot", "a.png").frames());
    }

    private static PanelOptions parse(String... args) {
        return PanelCommandLine.parse(PanelCommandLine.create(), args);
    }

    private static String rejected(String... args) {
        return assertThrows(ParameterException.class, () -> parse(args)).getMessage();
    }

    @Test
    void rejectsWhatItCannotUse() {
        assertEquals("--frames needs a positive whole number, not 0", rejected("--frames", "0"));
        assertTrue(rejected("--frames", "x").contains("'x'"));
        assertTrue(rejected("--socket").contains("--socket"));
        assertTrue(rejected("--socket", " ").contains("--socket needs a path"));
        assertTrue(rejected("--bogus").contains("--bogus"));
        assertNull(parse("--help"), "help is not an error");
    }

    @Test
    void exitCodesAndHelpOfTheCommand() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        assertEquals(0, PanelMain.run(new String[]{"--help"}, Map.of(), new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true)));
        assertTrue(out.toString().startsWith("Usage: haptic panel"), out.toString());
        assertEquals(2, PanelMain.run(new String[]{"--frames", "-3"}, Map.of(), new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true)));
        assertTrue(err.toString().startsWith("haptic panel: --frames needs a positive whole number"), err.toString());
    }

    @Test
    void displayIsX11OrWayland() {
        assertNull(DisplayCheck.missing(Map.of("DISPLAY", ":0")));
        assertNull(DisplayCheck.missing(Map.of("WAYLAND_DISPLAY", "wayland-0")));
        assertTrue(DisplayCheck.missing(Map.of()).startsWith("no display"));
        assertTrue(DisplayCheck.missing(Map.of("DISPLAY", " ")).startsWith("no display"));
    }

    @Test
    void sidecarSitsNextToThePng() {
        assertEquals(Path.of("/a/b/panel.json"), Screenshot.sidecarPath(Path.of("/a/b/panel.png")));
        assertEquals(Path.of("shot.json"), Screenshot.sidecarPath(Path.of("shot")));
    }
}
