package haptic.panel;

import java.nio.file.Path;

/**
 * What {@code haptic panel} was asked to do.
 *
 * @param socket      the server's socket
 * @param frames      0: run until the window closes; else render this many frames once the server answers, then exit
 * @param screenshot  where to save the last rendered frame as PNG (with a .json sidecar), or null
 * @param startServer start a managed server when none answers (else only wait for one)
 */
record PanelOptions(Path socket, int frames, Path screenshot, boolean startServer) {
    /** Frames rendered before a screenshot when only {@code --screenshot} is given: enough for layout and plots to settle. */
    static final int SCREENSHOT_FRAMES = 30;
}
