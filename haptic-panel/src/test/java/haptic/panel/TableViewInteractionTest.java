package haptic.panel;

import haptic.protocol.LayoutInfo;
import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.SharedClock;
import haptic.protocol.TestPulse;
import imgui.ImGui;
import imgui.ImGuiIO;
import imgui.flag.ImGuiWindowFlags;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table's mouse handling through real Dear ImGui hit-testing, without a window: Dear ImGui runs
 * headless here (input fed as events, frames built but never drawn) and the requests it produces are
 * compared with what the layout says they must be.
 */
class TableViewInteractionTest {
    private static final LayoutInfo LAYOUT = TableGeometryTest.grid4x8();
    private static PanelFonts fonts;

    private final List<Object> sent = new ArrayList<>();
    private final ControlSettings settings = new ControlSettings();
    private final TableView table = new TableView(sent::add, settings);

    @BeforeAll
    static void headlessImGui() {
        ImGui.createContext();
        ImGuiIO io = ImGui.getIO();
        io.setIniFilename(null);
        io.setDisplaySize(1280, 800);
        fonts = PanelFonts.load();
        io.getFonts().build();
    }

    @AfterAll
    static void destroy() {
        ImGui.destroyContext();
    }

    private void frame() {
        ImGui.getIO().setDeltaTime(1f / 60f);
        ImGui.newFrame();
        ImGui.setNextWindowPos(0, 0);
        ImGui.setNextWindowSize(1280, 800);
        ImGui.begin("table test", ImGuiWindowFlags.NoDecoration | ImGuiWindowFlags.NoMove);
        table.draw(LAYOUT, null, null, fonts, "waiting", 900, 600);
        ImGui.end();
        ImGui.render();
    }

    /** One event per frame, as a user's hand would produce them. */
    private void moveTo(float x, float y) {
        ImGui.getIO().addMousePosEvent(x, y);
        frame();
    }

    private void button(boolean down) {
        ImGui.getIO().addMouseButtonEvent(0, down);
        frame();
    }

    @Test
    void clickingATransducerPulsesThatTransducer() {
        frame();
        TableGeometry g = table.geometry();
        int t05 = 4;
        moveTo(g.x(t05) + g.radius() * 0.5f, g.y(t05) - g.radius() * 0.5f);
        long before = SharedClock.now();
        button(true);
        long pressed = SharedClock.now();
        button(false);
        assertEquals(1, sent.size(), sent.toString());
        TestPulse pulse = assertInstanceOf(TestPulse.class, sent.get(0));
        assertEquals(new TestPulse(t05, settings.pulseLevel[0], settings.pulseSeconds[0], pulse.time()), pulse);
        assertTrue(pulse.time() >= before && pulse.time() <= pressed, "stamped at the click: " + pulse);
        assertEquals(t05, table.selected(), "the clicked transducer's history is the one plotted");
    }

    @Test
    void pressingBetweenTransducersPlaysANoteThatFollowsTheDrag() {
        frame();
        TableGeometry g = table.geometry();
        // The gap between T01, T02, T09 and T10 is the point (0.05 m, 0.05 m) on the table.
        moveTo((g.x(0) + g.x(1)) / 2f, (g.y(0) + g.y(8)) / 2f);
        button(true);
        assertEquals(1, sent.size(), "press: " + sent);
        NoteOn on = assertInstanceOf(NoteOn.class, sent.get(0));
        // Engine mapping on the 0.7 m x 0.3 m grid: bend = 2 x / 0.7 - 1, timbre = y / 0.3. Dear ImGui
        // floors the pointer to whole pixels, so allow one pixel's worth.
        float pixelBend = 2f / (0.7f * g.scale());
        float pixelTimbre = 1f / (0.3f * g.scale());
        assertEquals(2f * 0.05f / 0.7f - 1f, on.bend(), pixelBend * 1.01f);
        assertEquals(0.05f / 0.3f, on.timbre(), pixelTimbre * 1.01f);
        assertEquals(settings.note[0], on.note());
        assertEquals(settings.velocity[0], on.velocity());
        assertTrue(table.note().sounding());

        moveTo(g.x(31), g.y(31)); // drag onto T32, the far corner (0.7 m, 0.3 m): still the note, no pulse
        MpeUpdate moved = assertInstanceOf(MpeUpdate.class, sent.get(sent.size() - 1));
        assertEquals(1f, moved.bend(), pixelBend * 1.01f);
        assertEquals(1f, moved.timbre(), pixelTimbre * 1.01f);
        assertEquals(on.channel(), moved.channel());

        long beforeRelease = SharedClock.now();
        button(false);
        NoteOff off = assertInstanceOf(NoteOff.class, sent.get(sent.size() - 1));
        assertEquals(new NoteOff(on.channel(), on.note(), 0.5f, off.time()), off);
        assertTrue(off.time() >= beforeRelease && off.time() <= SharedClock.now(), "stamped at the release: " + off);
        assertTrue(on.time() < moved.time() && moved.time() < off.time(), "times follow the gesture");
        assertTrue(sent.stream().noneMatch(m -> m instanceof TestPulse), "a drag never pulses: " + sent);
    }

    @Test
    void nothingIsSentWhileThePointerOnlyHovers() {
        frame();
        TableGeometry g = table.geometry();
        moveTo(g.x(10), g.y(10));
        moveTo(g.x(12), g.y(12));
        assertTrue(sent.isEmpty(), sent.toString());
        assertEquals(12, table.selected(), "hovering picks the transducer whose history is plotted");
    }
}
