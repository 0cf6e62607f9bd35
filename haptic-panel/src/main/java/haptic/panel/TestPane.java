package haptic.panel;

import imgui.ImGui;

import java.util.Locale;

/** What the table's test pulse and test note play: pulse level and length, note, velocity and pressure. */
final class TestPane {
    private TestPane() {
    }

    static void draw(ControlSettings s, PanelFonts fonts) {
        EnginePane.heading(fonts, "TEST PULSE  (click a transducer)");
        halves("##level", s.pulseLevel, 0f, 1f, "level %.2f", "##length", s.pulseSeconds, 0.05f, 2f, "length %.2f s");
        ImGui.spacing();
        EnginePane.heading(fonts, "TEST NOTE  (press and drag on the table)");
        ImGui.setNextItemWidth(-1f);
        ImGui.sliderInt("##note", s.note, 21, 96,
                String.format(Locale.ROOT, "note %%d  (%.1f Hz)", ControlSettings.hertz(s.note[0])));
        halves("##velocity", s.velocity, 0f, 1f, "velocity %.2f", "##pressure", s.pressure, 0f, 1f, "pressure %.2f");
    }

    /** Two sliders sharing a line; their formats carry the labels. */
    private static void halves(String id1, float[] v1, float min1, float max1, String format1,
                               String id2, float[] v2, float min2, float max2, String format2) {
        float spacing = ImGui.getStyle().getItemSpacingX();
        float half = (ImGui.getContentRegionAvailX() - spacing) / 2f;
        ImGui.setNextItemWidth(half);
        ImGui.sliderFloat(id1, v1, min1, max1, format1);
        ImGui.sameLine();
        ImGui.setNextItemWidth(half);
        ImGui.sliderFloat(id2, v2, min2, max2, format2);
    }
}
