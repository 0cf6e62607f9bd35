package haptic.panel;

import haptic.client.StatusReport;
import haptic.protocol.EngineStatus;
import haptic.protocol.HelloAccepted;
import imgui.ImGui;
import imgui.flag.ImGuiTableColumnFlags;
import imgui.flag.ImGuiTableFlags;

import java.util.Locale;

/** Engine health at a glance: backend, voices, callback load, xruns, clamped samples and who is connected. */
final class EnginePane {
    private static final float LOAD_WARN = 70f;

    private EnginePane() {
    }

    static void draw(HelloAccepted server, EngineStatus status, PanelFonts fonts) {
        heading(fonts, "ENGINE");
        if (!ImGui.beginTable("engine", 2, ImGuiTableFlags.SizingFixedFit)) {
            return;
        }
        ImGui.tableSetupColumn("what", ImGuiTableColumnFlags.WidthFixed, 74f);
        ImGui.tableSetupColumn("value", ImGuiTableColumnFlags.WidthStretch);
        row("Backend", server == null ? "-" : status != null ? status.backend() : server.backend());
        row("Audio", server == null ? "-" : audio(server, status));
        if (status == null) {
            row("Voices", "-");
            row("Load", "-");
            row("Xruns", "-");
            row("Clamped", "-");
            row("Clients", "-");
        } else {
            row("Voices", status.activeVoices() + " active");
            ImGui.tableNextRow();
            ImGui.tableNextColumn();
            ImGui.textDisabled("Load");
            ImGui.tableNextColumn();
            float load = status.loadPercent();
            if (load >= LOAD_WARN) {
                ImGui.pushStyleColor(imgui.flag.ImGuiCol.PlotHistogram, PanelTheme.WAIT[0], PanelTheme.WAIT[1],
                        PanelTheme.WAIT[2], 1f);
            }
            ImGui.progressBar(Math.min(1f, load / 100f), -1f, 0f,
                    String.format(Locale.ROOT, "%.1f %% of the period", load));
            if (load >= LOAD_WARN) {
                ImGui.popStyleColor();
            }
            counter("Xruns", status.xruns(), "");
            counter("Clamped", status.clampCount(), " samples");
            row("Clients", status.controllers() + (status.controllers() == 1 ? " controller, " : " controllers, ")
                    + status.observers() + (status.observers() == 1 ? " observer" : " observers"));
            row("Latency", StatusReport.latencies(status.timing()));
            counter("Late", status.timing().lateCommands(), String.format(Locale.ROOT, " commands (worst %.2f ms)",
                    status.timing().worstLateMs()));
        }
        ImGui.endTable();
    }

    private static String audio(HelloAccepted server, EngineStatus status) {
        float rate = status != null ? status.sampleRate() : server.sampleRate();
        int period = status != null ? status.periodFrames() : server.periodFrames();
        if (rate <= 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.0f Hz, %d frames (%.2f ms)", rate, period, period * 1000.0 / rate);
    }

    private static void counter(String label, long value, String unit) {
        ImGui.tableNextRow();
        ImGui.tableNextColumn();
        ImGui.textDisabled(label);
        ImGui.tableNextColumn();
        if (value > 0) {
            ImGui.textColored(PanelTheme.WAIT[0], PanelTheme.WAIT[1], PanelTheme.WAIT[2], 1f, value + unit);
        } else {
            ImGui.text(value + unit);
        }
    }

    private static void row(String label, String value) {
        ImGui.tableNextRow();
        ImGui.tableNextColumn();
        ImGui.textDisabled(label);
        ImGui.tableNextColumn();
        ImGui.text(value);
    }

    /** A section title in the accent colour with a rule under it. */
    static void heading(PanelFonts fonts, String text) {
        ImGui.pushFont(fonts.small());
        ImGui.textColored(PanelTheme.ACCENT[0], PanelTheme.ACCENT[1], PanelTheme.ACCENT[2], 1f, text);
        ImGui.popFont();
        ImGui.separator();
    }
}
