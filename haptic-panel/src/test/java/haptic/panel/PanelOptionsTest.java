package haptic.panel;

import org.junit.jupiter.api.Test;

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
        PanelOptions o = PanelOptions.parse(new String[]{"--socket", "/tmp/x.sock", "--frames", "12", "--screenshot",
                "out/p.png", "--no-start"});
        assertEquals(Path.of("/tmp/x.sock"), o.socket());
        assertEquals(12, o.frames());
        assertEquals(Path.of("out/p.png"), o.screenshot());
        assertFalse(o.startServer());
    }

    @Test
    void interactiveByDefaultAndAScreenshotAloneRendersTheDefaultFrames() {
        PanelOptions o = PanelOptions.parse(new String[0]);
        assertEquals(0, o.frames());
        assertNull(o.screenshot());
        assertTrue(o.startServer());
        assertEquals(PanelOptions.SCREENSHOT_FRAMES,
                PanelOptions.parse(new String[]{"--screenshot", "a.png"}).frames());
    }

    @Test
    void rejectsWhatItCannotUse() {
        assertEquals("--frames needs a positive whole number, not '0'", assertThrows(PanelOptions.UsageException.class,
                () -> PanelOptions.parse(new String[]{"--frames", "0"})).getMessage());
        assertThrows(PanelOptions.UsageException.class, () -> PanelOptions.parse(new String[]{"--frames", "x"}));
        assertThrows(PanelOptions.UsageException.class, () -> PanelOptions.parse(new String[]{"--socket"}));
        assertEquals("unknown option --bogus", assertThrows(PanelOptions.UsageException.class,
                () -> PanelOptions.parse(new String[]{"--bogus"})).getMessage());
        assertNull(assertThrows(PanelOptions.UsageException.class,
                () -> PanelOptions.parse(new String[]{"--help"})).getMessage(), "help is not an error");
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
