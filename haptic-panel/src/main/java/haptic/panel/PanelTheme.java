package haptic.panel;

import imgui.ImGui;
import imgui.ImGuiStyle;
import imgui.ImVec4;
import imgui.extension.implot.ImPlot;
import imgui.extension.implot.ImPlotStyle;
import imgui.extension.implot.flag.ImPlotCol;
import imgui.flag.ImGuiCol;

/**
 * The panel's look: a dark, low-glare theme (it sits next to a DAW in a dim studio) with one teal
 * accent, and the few colours the views draw with directly. Colours for draw lists are packed ABGR.
 */
final class PanelTheme {
    static final float[] BACKGROUND = {0.075f, 0.085f, 0.105f};
    static final int TABLE_SURFACE = LevelStyle.pack(0.105f, 0.12f, 0.15f, 1f);
    static final int TABLE_EDGE = LevelStyle.pack(0.24f, 0.28f, 0.34f, 1f);
    static final int GRID_LINE = LevelStyle.pack(0.20f, 0.23f, 0.28f, 0.55f);
    static final int SLOT_OUTLINE = LevelStyle.pack(0.34f, 0.39f, 0.46f, 1f);
    static final int LABEL = LevelStyle.pack(0.62f, 0.67f, 0.74f, 1f);
    static final int LABEL_DIM = LevelStyle.pack(0.45f, 0.50f, 0.57f, 1f);
    static final int HOVER = LevelStyle.pack(0.55f, 0.90f, 1.00f, 1f);
    static final int VOICE = LevelStyle.pack(0.96f, 0.42f, 0.86f, 1f);
    static final int NOTE = LevelStyle.pack(1.00f, 0.55f, 0.30f, 1f);
    static final int CLAMP = LevelStyle.pack(1.00f, 0.25f, 0.20f, 1f);

    static final float[] OK = {0.36f, 0.85f, 0.55f, 1f};
    static final float[] WAIT = {1.00f, 0.74f, 0.28f, 1f};
    static final float[] BAD = {1.00f, 0.36f, 0.32f, 1f};
    static final float[] DIM_TEXT = {0.56f, 0.61f, 0.68f, 1f};
    static final float[] ACCENT = {0.18f, 0.72f, 0.74f, 1f};

    private PanelTheme() {
    }

    static void apply() {
        ImGui.styleColorsDark();
        ImGuiStyle s = ImGui.getStyle();
        s.setWindowPadding(14, 12);
        s.setFramePadding(8, 5);
        s.setItemSpacing(10, 8);
        s.setCellPadding(6, 4);
        s.setWindowRounding(0);
        s.setChildRounding(8);
        s.setFrameRounding(5);
        s.setGrabRounding(5);
        s.setPopupRounding(6);
        s.setGrabMinSize(14);
        s.setWindowBorderSize(0);
        s.setChildBorderSize(1);
        s.setScrollbarSize(12);

        s.setColor(ImGuiCol.WindowBg, BACKGROUND[0], BACKGROUND[1], BACKGROUND[2], 1f);
        s.setColor(ImGuiCol.ChildBg, 0.095f, 0.107f, 0.13f, 1f);
        s.setColor(ImGuiCol.Border, 0.19f, 0.22f, 0.27f, 1f);
        s.setColor(ImGuiCol.Text, 0.88f, 0.91f, 0.94f, 1f);
        s.setColor(ImGuiCol.TextDisabled, DIM_TEXT[0], DIM_TEXT[1], DIM_TEXT[2], 1f);
        s.setColor(ImGuiCol.FrameBg, 0.14f, 0.16f, 0.20f, 1f);
        s.setColor(ImGuiCol.FrameBgHovered, 0.18f, 0.21f, 0.26f, 1f);
        s.setColor(ImGuiCol.FrameBgActive, 0.20f, 0.24f, 0.30f, 1f);
        s.setColor(ImGuiCol.SliderGrab, ACCENT[0], ACCENT[1], ACCENT[2], 1f);
        s.setColor(ImGuiCol.SliderGrabActive, 0.30f, 0.86f, 0.86f, 1f);
        s.setColor(ImGuiCol.Button, 0.17f, 0.20f, 0.25f, 1f);
        s.setColor(ImGuiCol.ButtonHovered, 0.22f, 0.27f, 0.33f, 1f);
        s.setColor(ImGuiCol.ButtonActive, 0.14f, 0.50f, 0.52f, 1f);
        s.setColor(ImGuiCol.PlotHistogram, ACCENT[0], ACCENT[1], ACCENT[2], 1f);
        s.setColor(ImGuiCol.Separator, 0.19f, 0.22f, 0.27f, 1f);
        s.setColor(ImGuiCol.PopupBg, 0.10f, 0.115f, 0.14f, 0.97f);

        ImPlot.styleColorsDark();
        ImPlotStyle p = ImPlot.getStyle();
        p.setLineWeight(1.6f);
        p.setFillAlpha(0.25f);
        p.setPlotPadding(8, 6);
        ImVec4[] colours = p.getColors();
        colours[ImPlotCol.FrameBg] = new ImVec4(0f, 0f, 0f, 0f);
        colours[ImPlotCol.PlotBg] = new ImVec4(0.06f, 0.07f, 0.09f, 1f);
        colours[ImPlotCol.PlotBorder] = new ImVec4(0.19f, 0.22f, 0.27f, 1f);
        colours[ImPlotCol.LegendBg] = new ImVec4(0.09f, 0.10f, 0.125f, 0.92f);
        colours[ImPlotCol.AxisGrid] = new ImVec4(0.30f, 0.34f, 0.40f, 0.35f);
        p.setColors(colours);
    }
}
