package haptic.plugin;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.List;

import static haptic.testkit.ConstantPool.stringConstants;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Classes whose code runs on the audio thread hold no string constants: before C2 compiles a method,
 * HotSpot resolves the unresolved string constants of its class on the thread that triggered compilation,
 * which would be an allocation inside process() long after warm-up.
 */
class RealtimeClassesTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "HapticPlugin", "HostEvents", "MpeTranslator", "ZoneLayout", "ExpressionCache", "RpnState", "HeldNotes",
        "NoteIds", "ExpressionSlots", "ExpressionSlots$Slot", "NoteSink", "NoteOutbox", "NoteLink", "NoteEvent",
        "NoteOverflow", "MidiParameters", "ParameterCatalog", "ParameterValues", "ParameterValues$Slot",
        "AudioBlock", "BlockClock", "EventTimes",
    })
    void holdNoStringConstants(String simpleName) throws IOException {
        String className = "haptic/plugin/" + simpleName;
        assertEquals(List.of(), stringConstants(className), className + " must not hold string constants");
    }
}
