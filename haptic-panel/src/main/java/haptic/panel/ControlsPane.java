package haptic.panel;

import haptic.protocol.Panic;
import haptic.protocol.Param;
import haptic.protocol.ParameterChange;
import haptic.protocol.SharedClock;
import imgui.ImGui;
import imgui.flag.ImGuiCol;

/** The controls that act on the whole server: panic and master gain. */
final class ControlsPane {
    static final float LABEL_WIDTH = 86f;

    private ControlsPane() {
    }

    static void draw(ControlSettings s, CommandSender sender, boolean connected, PanelFonts fonts) {
        EnginePane.heading(fonts, "CONTROLS");
        ImGui.beginDisabled(!connected);
        ImGui.pushStyleColor(ImGuiCol.Button, 0.70f, 0.16f, 0.15f, 1f);
        ImGui.pushStyleColor(ImGuiCol.ButtonHovered, 0.84f, 0.22f, 0.20f, 1f);
        ImGui.pushStyleColor(ImGuiCol.ButtonActive, 0.95f, 0.30f, 0.26f, 1f);
        ImGui.pushFont(fonts.large());
        if (ImGui.button("PANIC", -1f, 40f)) {
            sender.submit(new Panic());
        }
        ImGui.popFont();
        ImGui.popStyleColor(3);
        if (ImGui.isItemHovered()) {
            ImGui.setTooltip("Silence every voice on the server now");
        }
        ImGui.spacing();
        Param gain = Param.MASTER_GAIN;
        label("Master gain");
        if (ImGui.sliderFloat("##master", s.masterGain, gain.min(), gain.max(), "%.2f")) {
            sender.submit(new ParameterChange(gain, s.masterGain[0], SharedClock.now()));
        }
        if (ImGui.isItemHovered()) {
            ImGui.setTooltip("Server-wide output gain, before the output ceiling.\n"
                    + "The server does not report it: this shows the value last set here.");
        }
        ImGui.endDisabled();
    }

    /** A dim label in a fixed-width column, then a widget filling the rest of the line. */
    static void label(String text) {
        ImGui.alignTextToFramePadding();
        ImGui.textDisabled(text);
        ImGui.sameLine(LABEL_WIDTH + ImGui.getStyle().getWindowPaddingX());
        ImGui.setNextItemWidth(-1f);
    }
}
