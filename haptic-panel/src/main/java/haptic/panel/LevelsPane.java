package haptic.panel;

import haptic.protocol.LayoutInfo;
import haptic.protocol.TransducerLevels;
import imgui.ImDrawList;
import imgui.ImGui;
import imgui.flag.ImGuiTableColumnFlags;
import imgui.flag.ImGuiTableFlags;

import java.util.Locale;

/** The loudest and the selected transducer in numbers, and the key to the table's level colours. */
final class LevelsPane {
    private static final int[] KEY_TICKS_DB = {-48, -36, -24, -12, 0};

    private LevelsPane() {
    }

    static void draw(LayoutInfo layout, TransducerLevels levels, int selected, PanelFonts fonts) {
        EnginePane.heading(fonts, "LEVELS  (dBFS)");
        if (ImGui.beginTable("levels", 4, ImGuiTableFlags.SizingFixedFit)) {
            ImGui.tableSetupColumn("what", ImGuiTableColumnFlags.WidthFixed, 74f);
            ImGui.tableSetupColumn("name", ImGuiTableColumnFlags.WidthFixed, 44f);
            ImGui.tableSetupColumn("RMS", ImGuiTableColumnFlags.WidthStretch);
            ImGui.tableSetupColumn("peak", ImGuiTableColumnFlags.WidthStretch);
            boolean known = layout != null && levels != null && levels.rms().length > 0;
            int loudest = known ? loudest(levels) : -1;
            row("Loudest", known ? layout.names()[loudest] : "-", levels, loudest);
            boolean sel = known && selected >= 0 && selected < levels.rms().length && selected < layout.size();
            row("Selected", sel ? layout.names()[selected] : "-", levels, sel ? selected : -1);
            ImGui.endTable();
        }
        key(fonts);
    }

    private static int loudest(TransducerLevels levels) {
        int best = 0;
        for (int i = 1; i < levels.rms().length; i++) {
            if (levels.rms()[i] > levels.rms()[best]) {
                best = i;
            }
        }
        return best;
    }

    private static void row(String label, String name, TransducerLevels levels, int i) {
        ImGui.tableNextRow();
        ImGui.tableNextColumn();
        ImGui.textDisabled(label);
        ImGui.tableNextColumn();
        ImGui.text(name);
        ImGui.tableNextColumn();
        ImGui.text(i < 0 ? "" : "RMS " + LevelStyle.decibelText(levels.rms()[i]));
        ImGui.tableNextColumn();
        ImGui.text(i < 0 ? "" : "peak " + LevelStyle.decibelText(levels.peak()[i]));
    }

    /** The colour ramp from the floor to full scale with its decibel ticks. */
    private static void key(PanelFonts fonts) {
        ImGui.spacing();
        float left = ImGui.getCursorScreenPosX();
        float top = ImGui.getCursorScreenPosY();
        float width = ImGui.getContentRegionAvailX();
        float barHeight = 10f;
        ImDrawList dl = ImGui.getWindowDrawList();
        int steps = 64;
        for (int k = 0; k < steps; k++) {
            float x0 = left + width * k / steps;
            float x1 = left + width * (k + 1) / steps;
            dl.addRectFilled(x0, top, x1 + 0.5f, top + barHeight, LevelStyle.colour((k + 0.5f) / steps));
        }
        dl.addRect(left, top, left + width, top + barHeight, PanelTheme.TABLE_EDGE, 2f, 0, 1f);
        float fs = fonts.small().getFontSize();
        for (int db : KEY_TICKS_DB) {
            float t = (db - LevelStyle.FLOOR_DB) / -LevelStyle.FLOOR_DB;
            String text = db == 0 ? "0 dBFS" : String.format(Locale.ROOT, "%d", db);
            float w = fonts.small().calcTextSizeAX(fs, Float.MAX_VALUE, 0f, text);
            float x = Math.max(left, Math.min(left + width - w, left + width * t - w / 2f));
            dl.addLine(left + width * t, top + barHeight, left + width * t, top + barHeight + 3f, PanelTheme.LABEL_DIM,
                    1f);
            dl.addText(fonts.small(), (int) fs, x, top + barHeight + 4f, PanelTheme.LABEL_DIM, text);
        }
        ImGui.dummy(width, barHeight + fs + 6f);
    }
}
