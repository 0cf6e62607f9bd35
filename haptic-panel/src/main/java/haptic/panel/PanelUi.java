package haptic.panel;

import haptic.protocol.EngineStatus;
import haptic.protocol.HelloAccepted;
import haptic.protocol.LayoutInfo;
import haptic.protocol.TransducerLevels;
import imgui.ImGui;
import imgui.ImGuiViewport;
import imgui.flag.ImGuiWindowFlags;

/**
 * One frame of the panel: status strip on top, the table with the engine and controls beside it,
 * level history along the bottom. Reads the link's latest values and never waits for it.
 */
final class PanelUi {
    /** Ten seconds of levels at the server's ~60 Hz telemetry rate. */
    private static final int HISTORY_CAPACITY = 600;
    private static final float SIDE_WIDTH = 372f;
    private static final int WINDOW_FLAGS = ImGuiWindowFlags.NoDecoration | ImGuiWindowFlags.NoMove
            | ImGuiWindowFlags.NoResize | ImGuiWindowFlags.NoSavedSettings | ImGuiWindowFlags.NoBringToFrontOnFocus
            | ImGuiWindowFlags.NoScrollbar | ImGuiWindowFlags.NoScrollWithMouse
            // glClear already paints the same colour; a second full-screen blended pass costs a software renderer dearly.
            | ImGuiWindowFlags.NoBackground;

    private final ServerLink link;
    private final CommandSender sender;
    private final Notices notices;
    private final FrameTimer frames;
    private final PanelFonts fonts;
    private final ControlSettings settings = new ControlSettings();
    private final TableView table;
    private final HistoryPlot plot = new HistoryPlot();
    private LevelHistory history = new LevelHistory(HISTORY_CAPACITY, 0);
    private boolean wasConnected;

    PanelUi(ServerLink link, CommandSender sender, Notices notices, FrameTimer frames, PanelFonts fonts) {
        this.link = link;
        this.sender = sender;
        this.notices = notices;
        this.frames = frames;
        this.fonts = fonts;
        this.table = new TableView(sender::submit, settings);
    }

    TableView table() {
        return table;
    }

    void draw() {
        LinkState state = link.state();
        if (wasConnected && !state.connected()) {
            table.releaseNote();
            history.clear();
        }
        wasConnected = state.connected();
        HelloAccepted server = state.server();
        LayoutInfo layout = server == null ? null : server.layout();
        if (layout != null && layout.size() != history.transducers()) {
            history = new LevelHistory(HISTORY_CAPACITY, layout.size());
        }
        link.drainLevels(history::add);
        TransducerLevels levels = link.levels();
        EngineStatus status = link.status();

        ImGuiViewport viewport = ImGui.getMainViewport();
        ImGui.setNextWindowPos(viewport.getWorkPosX(), viewport.getWorkPosY());
        ImGui.setNextWindowSize(viewport.getWorkSizeX(), viewport.getWorkSizeY());
        ImGui.begin("haptic panel", WINDOW_FLAGS);
        StatusStrip.draw(state, link.telemetryNanos(), notices.latest(), frames, link.socket().toString(), fonts);
        ImGui.spacing();

        float spacingX = ImGui.getStyle().getItemSpacingX();
        float spacingY = ImGui.getStyle().getItemSpacingY();
        // Dear ImGui rejects zero-sized widgets, and a minimised window has no room at all.
        float width = Math.max(SIDE_WIDTH + spacingX + 100f, ImGui.getContentRegionAvailX());
        float height = Math.max(2 * 190f + spacingY, ImGui.getContentRegionAvailY());
        float historyHeight = Math.max(190f, Math.min(250f, height * 0.3f));
        float mainHeight = height - historyHeight - spacingY;

        table.draw(layout, levels, status, fonts, waiting(state), width - SIDE_WIDTH - spacingX, mainHeight);
        ImGui.sameLine();
        ImGui.beginChild("side", SIDE_WIDTH, mainHeight, true);
        EnginePane.draw(server, status, fonts);
        ImGui.spacing();
        ControlsPane.draw(settings, sender, state.connected(), fonts);
        ImGui.spacing();
        LevelsPane.draw(layout, levels, table.selected(), fonts);
        ImGui.endChild();

        ImGui.beginChild("history", width - SIDE_WIDTH - spacingX, historyHeight, true);
        int selected = table.selected();
        String name = layout != null && selected < layout.size() ? layout.names()[selected] : null;
        EnginePane.heading(fonts, "LEVEL HISTORY  (dBFS, last " + HISTORY_CAPACITY / 60 + " s)");
        // The status carries the rate in use; the handshake may have come before the audio started.
        float rate = status != null ? status.sampleRate() : server != null ? server.sampleRate() : 0f;
        plot.draw(history, rate, name, selected, -1f, -1f);
        ImGui.endChild();
        ImGui.sameLine();
        ImGui.beginChild("tests", SIDE_WIDTH, historyHeight, true);
        TestPane.draw(settings, fonts);
        ImGui.endChild();
        ImGui.end();
    }

    private static String waiting(LinkState state) {
        return switch (state.phase()) {
            case STARTING -> "Starting the haptic server...";
            case LOST -> "Connection lost, reconnecting...";
            case REFUSED -> "The server refused the panel";
            default -> "Waiting for a haptic server...";
        };
    }
}
