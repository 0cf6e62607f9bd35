package haptic.panel;

import imgui.ImFont;
import imgui.ImFontAtlas;
import imgui.ImGui;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The panel's fonts: DejaVu Sans (shipped with most Linux desktops and with the JDK's font packages)
 * in three sizes, falling back to Dear ImGui's built-in bitmap font when it is not installed.
 */
final class PanelFonts {
    private static final Path[] FONT_DIRS = {
            Path.of("/usr/share/fonts/truetype/dejavu"),
            Path.of("/usr/share/fonts/TTF"),
            Path.of("/usr/share/fonts/dejavu"),
    };

    private final ImFont body;
    private final ImFont small;
    private final ImFont large;

    private PanelFonts(ImFont body, ImFont small, ImFont large) {
        this.body = body;
        this.small = small;
        this.large = large;
    }

    /** Loads into the current ImGui context's atlas; call before the renderer builds its font texture. */
    static PanelFonts load() {
        ImFontAtlas atlas = ImGui.getIO().getFonts();
        Path regular = find("DejaVuSans.ttf");
        Path bold = find("DejaVuSans-Bold.ttf");
        if (regular == null) {
            ImFont fallback = atlas.addFontDefault();
            return new PanelFonts(fallback, fallback, fallback);
        }
        ImFont body = atlas.addFontFromFileTTF(regular.toString(), 15f);
        ImFont small = atlas.addFontFromFileTTF(regular.toString(), 13f);
        ImFont large = atlas.addFontFromFileTTF((bold != null ? bold : regular).toString(), 19f);
        ImGui.getIO().setFontDefault(body);
        return new PanelFonts(body, small, large);
    }

    private static Path find(String file) {
        for (Path dir : FONT_DIRS) {
            Path p = dir.resolve(file);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    ImFont body() {
        return body;
    }

    ImFont small() {
        return small;
    }

    ImFont large() {
        return large;
    }
}
