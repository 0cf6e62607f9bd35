package haptic.panel;

import haptic.protocol.HelloAccepted;
import haptic.protocol.Protocol;
import imgui.ImGui;

import java.util.Locale;

/**
 * The top line: is the panel connected, to what (server and protocol version, layout), whether it
 * owns that server, and the latest thing that happened.
 */
final class StatusStrip {
    private static final long NOTICE_NANOS = 8_000_000_000L;
    private static final long STALE_NANOS = 1_000_000_000L;

    private StatusStrip() {
    }

    static void draw(LinkState state, long telemetryNanos, Notices.Notice notice, FrameTimer frames,
                     String socket, PanelFonts fonts) {
        float[] colour = colour(state, telemetryNanos);
        float x = ImGui.getCursorScreenPosX();
        float y = ImGui.getCursorScreenPosY();
        float h = ImGui.getTextLineHeight();
        ImGui.getWindowDrawList().addCircleFilled(x + 7f, y + h * 0.5f + 3f, 6f,
                LevelStyle.pack(colour[0], colour[1], colour[2], 1f), 24);
        ImGui.setCursorScreenPos(x + 20f, y);
        ImGui.pushFont(fonts.large());
        ImGui.textColored(colour[0], colour[1], colour[2], 1f, title(state, telemetryNanos));
        ImGui.popFont();
        ImGui.sameLine(0f, 18f);
        HelloAccepted server = state.server();
        if (server != null) {
            ImGui.alignTextToFramePadding();
            ImGui.text("haptic-server " + server.serverVersion());
            ImGui.sameLine();
            ImGui.textDisabled("protocol " + server.version() + " (panel " + Protocol.VERSION + ")");
            ImGui.sameLine(0f, 18f);
            ImGui.text(state.managed() ? "started by this panel (pid " + state.managedPid() + ")"
                    : "attached to a running server");
        } else {
            ImGui.alignTextToFramePadding();
            ImGui.textDisabled(state.detail());
        }
        String timing = String.format(Locale.ROOT, "frame %.1f ms", frames.recentMeanMillis());
        float tw = ImGui.calcTextSizeX(timing);
        ImGui.sameLine(ImGui.getWindowContentRegionMaxX() - tw);
        ImGui.textDisabled(timing);

        ImGui.pushFont(fonts.small());
        ImGui.textDisabled("socket " + socket);
        if (notice != null && System.nanoTime() - notice.nanos() < NOTICE_NANOS) {
            ImGui.sameLine(0f, 24f);
            ImGui.text(notice.text());
        }
        ImGui.popFont();
    }

    private static String title(LinkState state, long telemetryNanos) {
        return switch (state.phase()) {
            case CONNECTED -> System.nanoTime() - telemetryNanos > STALE_NANOS ? "Connected, no levels" : "Connected";
            case STARTING -> "Starting server";
            case SEARCHING -> "No server";
            case LOST -> "Reconnecting";
            case REFUSED -> "Refused";
        };
    }

    private static float[] colour(LinkState state, long telemetryNanos) {
        return switch (state.phase()) {
            case CONNECTED -> System.nanoTime() - telemetryNanos > STALE_NANOS ? PanelTheme.WAIT : PanelTheme.OK;
            case STARTING, SEARCHING, LOST -> PanelTheme.WAIT;
            case REFUSED -> PanelTheme.BAD;
        };
    }
}
