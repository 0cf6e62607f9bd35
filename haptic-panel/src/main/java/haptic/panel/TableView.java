package haptic.panel;

import haptic.protocol.EngineStatus;
import haptic.protocol.LayoutInfo;
import haptic.protocol.SharedClock;
import haptic.protocol.TestPulse;
import haptic.protocol.TransducerLevels;
import imgui.ImDrawList;
import imgui.ImGui;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * The table seen from above: every transducer at its layout position as a disc coloured and sized by
 * its RMS level with a ring at its peak, the sources of the sounding voices, and the two ways to touch
 * the hardware from here: click a transducer for a test pulse, press anywhere else for a test note whose
 * source follows the pointer while the button is held.
 */
final class TableView {
    private static final long FLASH_NANOS = 450_000_000L;
    private static final float PAD = 16f;

    private final Consumer<Object> requests;
    private final ControlSettings settings;
    private final TestNoteGesture note;
    private TableGeometry geometry;
    private long[] pulseNanos = new long[0];
    private int hovered = -1;
    private int selected;

    /** @param requests where the messages for the server go (the panel's {@link CommandSender}) */
    TableView(Consumer<Object> requests, ControlSettings settings) {
        this.requests = requests;
        this.settings = settings;
        this.note = new TestNoteGesture(requests);
    }

    /** The geometry of the last frame drawn with a layout, or null. */
    TableGeometry geometry() {
        return geometry;
    }

    /** The transducer whose history the plot shows: the last one hovered or clicked. */
    int selected() {
        return selected;
    }

    TestNoteGesture note() {
        return note;
    }

    /** Releases a held test note, for when the connection or the window goes away mid-gesture. */
    void releaseNote() {
        note.release();
    }

    void draw(LayoutInfo layout, TransducerLevels levels, EngineStatus status, PanelFonts fonts,
              String waiting, float width, float height) {
        float left = ImGui.getCursorScreenPosX();
        float top = ImGui.getCursorScreenPosY();
        ImDrawList dl = ImGui.getWindowDrawList();
        dl.addRectFilled(left, top, left + width, top + height, PanelTheme.TABLE_SURFACE, 10f);
        dl.addRect(left, top, left + width, top + height, PanelTheme.TABLE_EDGE, 10f, 0, 1.2f);

        boolean known = layout != null && layout.size() > 0;
        heading(dl, fonts, layout, left, top, width, known);
        ImGui.invisibleButton("table", width, height);
        boolean itemHovered = ImGui.isItemHovered();
        boolean activated = ImGui.isItemActivated();
        boolean active = ImGui.isItemActive();
        boolean released = ImGui.isItemDeactivated();
        if (!known) {
            geometry = null;
            hovered = -1;
            note.release();
            centred(dl, fonts, waiting, left, top, width, height);
            return;
        }
        float header = fonts.body().getFontSize() + 14f;
        float labelRoom = fonts.small().getFontSize() + 6f;
        geometry = TableGeometry.fit(layout, left + PAD, top + header + PAD, width - 2 * PAD,
                height - header - 2 * PAD - fonts.small().getFontSize(), labelRoom);
        if (pulseNanos.length != layout.size()) {
            pulseNanos = new long[layout.size()];
            selected = Math.min(selected, layout.size() - 1);
        }
        float mx = ImGui.getIO().getMousePosX();
        float my = ImGui.getIO().getMousePosY();
        hovered = itemHovered && !note.sounding() ? geometry.transducerAt(mx, my) : -1;
        if (hovered >= 0) {
            selected = hovered;
        }
        handleInput(activated, active, released, mx, my);

        extent(dl, fonts, layout, left, top, height);
        for (int i = 0; i < geometry.size(); i++) {
            transducer(dl, fonts, i, levels);
        }
        voices(dl, status);
        noteMarker(dl, fonts);
        if (hovered >= 0 && !active) {
            tooltip(layout, levels, hovered);
        }
    }

    private void handleInput(boolean activated, boolean active, boolean released, float mx, float my) {
        if (activated) {
            int t = geometry.transducerAt(mx, my);
            if (t >= 0) {
                long now = SharedClock.now();
                requests.accept(new TestPulse(t, settings.pulseLevel[0], settings.pulseSeconds[0], now));
                pulseNanos[t] = now;
                selected = t;
            } else {
                note.press(settings.note[0], settings.velocity[0], settings.pressure[0], geometry.bendAt(mx),
                        geometry.timbreAt(my));
            }
        } else if (active) {
            note.drag(geometry.bendAt(mx), geometry.timbreAt(my));
        }
        if (released) {
            note.release();
        }
    }

    private void heading(ImDrawList dl, PanelFonts fonts, LayoutInfo layout, float left, float top, float width,
                         boolean known) {
        float y = top + 9f;
        float fs = fonts.body().getFontSize();
        dl.addText(fonts.body(), (int) fs, left + PAD, y, PanelTheme.LABEL, "TABLE");
        if (known) {
            float titleWidth = fonts.body().calcTextSizeAX(fs, Float.MAX_VALUE, 0f, "TABLE");
            dl.addText(fonts.body(), (int) fs, left + PAD + titleWidth + 14f, y, PanelTheme.LABEL_DIM,
                    layout.name() + "  |  " + layout.size() + " transducers");
            String hint = "click a transducer: test pulse     press and drag elsewhere: test note";
            float w = fonts.small().calcTextSizeAX(fonts.small().getFontSize(), Float.MAX_VALUE, 0f, hint);
            dl.addText(fonts.small(), (int) fonts.small().getFontSize(), left + width - PAD - w, y + 2f,
                    PanelTheme.LABEL_DIM, hint);
        }
    }

    /** The layout's bounding box and its size in metres, so distances on screen can be read as distances on the table. */
    private void extent(ImDrawList dl, PanelFonts fonts, LayoutInfo layout, float left, float top, float height) {
        float lx = Float.POSITIVE_INFINITY;
        float hx = Float.NEGATIVE_INFINITY;
        float ly = Float.POSITIVE_INFINITY;
        float hy = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < layout.size(); i++) {
            lx = Math.min(lx, layout.x()[i]);
            hx = Math.max(hx, layout.x()[i]);
            ly = Math.min(ly, layout.y()[i]);
            hy = Math.max(hy, layout.y()[i]);
        }
        float pad = geometry.radius() * 1.7f;
        float labelRoom = fonts.small().getFontSize() + 4f;
        dl.addRect(geometry.toScreenX(lx) - pad, geometry.toScreenY(hy) - pad, geometry.toScreenX(hx) + pad,
                geometry.toScreenY(ly) + pad + labelRoom, PanelTheme.GRID_LINE, 8f, 0, 1.2f);
        String size = String.format(Locale.ROOT, "x %.2f .. %.2f m    y %.2f .. %.2f m    (y up)", lx, hx, ly, hy);
        dl.addText(fonts.small(), (int) fonts.small().getFontSize(), left + PAD,
                top + height - PAD - fonts.small().getFontSize() + 4f, PanelTheme.LABEL_DIM, size);
    }

    private void transducer(ImDrawList dl, PanelFonts fonts, int i, TransducerLevels levels) {
        float cx = geometry.x(i);
        float cy = geometry.y(i);
        float r = geometry.radius();
        float rms = levels != null && i < levels.rms().length ? levels.rms()[i] : 0f;
        float peak = levels != null && i < levels.peak().length ? levels.peak()[i] : 0f;
        float nRms = LevelStyle.normalised(rms);
        float nPeak = LevelStyle.normalised(peak);

        if (nRms > 0.6f) {
            // A soft halo on the loudest transducers makes the active region read from across the room.
            float glow = (nRms - 0.6f) / 0.4f;
            dl.addCircleFilled(cx, cy, r * (1.08f + 0.3f * glow), LevelStyle.colour(nRms, 0.28f * glow), 48);
        }
        dl.addCircleFilled(cx, cy, r, LevelStyle.pack(0.07f, 0.08f, 0.10f, 1f), 48);
        dl.addCircle(cx, cy, r, i == hovered ? PanelTheme.HOVER : PanelTheme.SLOT_OUTLINE, 48,
                i == hovered ? 2.2f : 1.3f);
        dl.addCircleFilled(cx, cy, r * LevelStyle.radiusShare(nRms), LevelStyle.colour(nRms), 48);
        if (nPeak > nRms + 0.01f) {
            dl.addCircle(cx, cy, r * LevelStyle.radiusShare(nPeak), LevelStyle.colour(nPeak, 0.95f), 48, 2f);
        }
        if (peak >= 0.999f) {
            dl.addCircle(cx, cy, r + 3.5f, PanelTheme.CLAMP, 48, 2.5f);
        }
        long since = SharedClock.now() - pulseNanos[i];
        if (pulseNanos[i] != 0 && since < FLASH_NANOS) {
            float t = since / (float) FLASH_NANOS;
            dl.addCircle(cx, cy, r * (1f + 0.8f * t), LevelStyle.pack(0.55f, 0.9f, 1f, 1f - t), 48, 2.5f);
        }
        String name = geometry.name(i);
        float fs = fonts.small().getFontSize();
        float w = fonts.small().calcTextSizeAX(fs, Float.MAX_VALUE, 0f, name);
        dl.addText(fonts.small(), (int) fs, cx - w / 2f, cy + r + 3f, i == hovered ? PanelTheme.HOVER : PanelTheme.LABEL,
                name);
    }

    /**
     * Voice sources as open rings with ticks, so the transducer under a source keeps showing its own
     * level through the marker.
     */
    private void voices(ImDrawList dl, EngineStatus status) {
        if (status == null) {
            return;
        }
        float[] xy = status.voiceXY();
        float r = geometry.radius() * 1.3f;
        for (int k = 0; k + 1 < xy.length; k += 2) {
            float sx = geometry.toScreenX(xy[k]);
            float sy = geometry.toScreenY(xy[k + 1]);
            dl.addCircle(sx, sy, r, PanelTheme.VOICE, 48, 2f);
            // Diagonal ticks keep clear of the transducer names written under the circles.
            float in = (r + 2f) * 0.7071f;
            float out = (r + 9f) * 0.7071f;
            dl.addLine(sx - out, sy - out, sx - in, sy - in, PanelTheme.VOICE, 2f);
            dl.addLine(sx + in, sy - in, sx + out, sy - out, PanelTheme.VOICE, 2f);
            dl.addLine(sx - out, sy + out, sx - in, sy + in, PanelTheme.VOICE, 2f);
            dl.addLine(sx + in, sy + in, sx + out, sy + out, PanelTheme.VOICE, 2f);
        }
    }

    /** Where the held test note is asked to be (the voice marker shows where its source actually is). */
    private void noteMarker(ImDrawList dl, PanelFonts fonts) {
        if (!note.sounding()) {
            return;
        }
        float x = geometry.xOfBend(note.bend());
        float y = geometry.yOfTimbre(note.timbre());
        float s = 6f;
        dl.addTriangleFilled(x - s, y, x, y - s, x + s, y, PanelTheme.NOTE);
        dl.addTriangleFilled(x - s, y, x + s, y, x, y + s, PanelTheme.NOTE);
        String text = String.format(Locale.ROOT, "note %d  bend %+.2f  timbre %.2f", note.note(), note.bend(),
                note.timbre());
        dl.addText(fonts.small(), (int) fonts.small().getFontSize(), x + 10f, y - fonts.small().getFontSize() - 6f,
                PanelTheme.NOTE, text);
    }

    private static void tooltip(LayoutInfo layout, TransducerLevels levels, int i) {
        float rms = levels != null && i < levels.rms().length ? levels.rms()[i] : 0f;
        float peak = levels != null && i < levels.peak().length ? levels.peak()[i] : 0f;
        ImGui.beginTooltip();
        ImGui.text(layout.names()[i] + "   (output " + (i + 1) + ")");
        ImGui.textDisabled(String.format(Locale.ROOT, "x %.3f m, y %.3f m", layout.x()[i], layout.y()[i]));
        ImGui.text(String.format(Locale.ROOT, "RMS %s   peak %s", dbfs(rms), dbfs(peak)));
        ImGui.textDisabled("click: test pulse");
        ImGui.endTooltip();
    }

    private static String dbfs(float linear) {
        return LevelStyle.decibels(linear) <= LevelStyle.FLOOR_DB ? "silent" : LevelStyle.decibelText(linear) + " dBFS";
    }

    private static void centred(ImDrawList dl, PanelFonts fonts, String text, float left, float top, float width,
                                float height) {
        float fs = fonts.large().getFontSize();
        float w = fonts.large().calcTextSizeAX(fs, Float.MAX_VALUE, 0f, text);
        dl.addText(fonts.large(), (int) fs, left + (width - w) / 2f, top + height / 2f - fs, PanelTheme.LABEL, text);
    }
}
