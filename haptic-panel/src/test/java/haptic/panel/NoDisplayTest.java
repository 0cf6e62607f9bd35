package haptic.panel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without a display the panel says so plainly, exits with the documented status and starts nothing. */
class NoDisplayTest {
    @TempDir
    Path dir;

    @Test
    void noDisplayVariableMeansExitThree() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("DISPLAY", null);
        env.put("WAYLAND_DISPLAY", null);
        Path socket = dir.resolve("never.sock");
        JavaChild panel = JavaChild.start("panel-nodisplay", "haptic.panel.PanelMain",
                List.of("--socket", socket.toString()), env);
        assertEquals(DisplayCheck.NO_DISPLAY_EXIT, panel.awaitExit(30), panel.output());
        assertTrue(panel.output().contains("haptic panel: no display: neither DISPLAY nor WAYLAND_DISPLAY is set"),
                panel.output());
        assertFalse(panel.output().contains("started managed"), panel.output());
        assertFalse(Files.exists(socket), "no server may be started without a window to show it");
    }

    @Test
    void aDisplayThatDoesNotAnswerIsNoDisplayEither() throws Exception {
        int unused = 4000;
        while (Files.exists(Path.of("/tmp/.X11-unix/X" + unused))) {
            unused++;
        }
        Map<String, String> env = new HashMap<>();
        env.put("DISPLAY", ":" + unused);
        env.put("WAYLAND_DISPLAY", null);
        JavaChild panel = JavaChild.start("panel-deaddisplay", "haptic.panel.PanelMain",
                List.of("--socket", dir.resolve("never.sock").toString()), env);
        assertEquals(DisplayCheck.NO_DISPLAY_EXIT, panel.awaitExit(30), panel.output());
        assertTrue(panel.output().contains("haptic panel: no usable display"), panel.output());
        assertTrue(panel.output().contains("DISPLAY=:" + unused), panel.output());
    }

    @Test
    void helpNeedsNoDisplay() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = PanelMain.run(new String[]{"--help"}, Map.of(), new java.io.PrintStream(out),
                new java.io.PrintStream(err));
        assertEquals(0, status);
        assertTrue(out.toString().contains("Exit status: 0 closed or done, 1 failed, 2 bad command line, 3 no display"));
        assertEquals(2, PanelMain.run(new String[]{"--frames"}, Map.of(), new java.io.PrintStream(out),
                new java.io.PrintStream(err)));
        assertTrue(err.toString().contains("Missing required parameter for option '--frames'"), err.toString());
    }
}
