package haptic.panel;

import java.util.Map;

/** Decides before touching GLFW whether there is a display to open a window on, so the user gets a plain answer. */
final class DisplayCheck {
    /** Exit status when the panel has no display; documented in the usage text. */
    static final int NO_DISPLAY_EXIT = 3;

    private DisplayCheck() {
    }

    /** @return null if DISPLAY or WAYLAND_DISPLAY names a display, else what to tell the user */
    static String missing(Map<String, String> env) {
        if (present(env.get("DISPLAY")) || present(env.get("WAYLAND_DISPLAY"))) {
            return null;
        }
        return "no display: neither DISPLAY nor WAYLAND_DISPLAY is set. The panel needs a graphical session "
                + "(on a headless machine: Xvfb :1 & DISPLAY=:1 bin/haptic panel). "
                + "The server itself runs without one: bin/haptic-server, bin/haptic levels.";
    }

    /** What to tell the user when a display is named but GLFW or OpenGL cannot use it. */
    static String unusable(String reason) {
        return "no usable display: " + reason + " (DISPLAY=" + orNone(System.getenv("DISPLAY"))
                + ", WAYLAND_DISPLAY=" + orNone(System.getenv("WAYLAND_DISPLAY")) + ")";
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String orNone(String s) {
        return present(s) ? s : "unset";
    }
}
