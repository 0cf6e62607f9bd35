package haptic.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class LayoutTest {
    private static final String SOURCE = "layout.json";

    /** A valid file, one transducer per line: transducers[k] is on line k + 4. */
    private static List<String> validLines(int count) {
        List<String> lines = new ArrayList<>();
        lines.add("{");
        lines.add("  \"name\": \"bench\",");
        lines.add("  \"transducers\": [");
        for (int k = 0; k < count; k++) {
            lines.add(String.format("    { \"name\": \"T%02d\", \"x\": %.2f, \"y\": %.2f, \"gain\": 1.5 }%s",
                    k + 1, 0.05 * (k % 8), 0.07 * (k / 8), k + 1 < count ? "," : ""));
        }
        lines.add("  ]");
        lines.add("}");
        return lines;
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    private static LayoutException failure(List<String> lines) {
        return assertThrows(LayoutException.class, () -> LayoutParser.parse(join(lines), SOURCE));
    }

    private static List<String> edit(int line, UnaryOperator<String> change) {
        List<String> lines = validLines(32);
        lines.set(line - 1, change.apply(lines.get(line - 1)));
        return lines;
    }

    /** Asserts the message names source, line, column (of {@code token} on that line) and field path. */
    private static void assertPoints(LayoutException e, List<String> lines, int line, String token, String path,
                                     String problem) {
        int col = lines.get(line - 1).indexOf(token) + 1;
        assertTrue(col > 0, "token must be on the line");
        String expected = SOURCE + " line " + line + ", col " + col + ": " + path + ": " + problem;
        assertTrue(e.getMessage().startsWith(expected), () -> "expected '" + expected + "…' but got '"
                + e.getMessage() + "'");
        assertEquals(line, e.line());
        assertEquals(col, e.column());
        assertEquals(path, e.path());
    }

    @Test
    void defaultLayoutIsAFourByEightGridTenCentimetresApart() {
        Layout l = Layout.defaultLayout();
        assertEquals(32, l.size());
        assertEquals("table-4x8", l.name());
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 8; c++) {
                int i = r * 8 + c;
                assertEquals(String.format("T%02d", i + 1), l.name(i));
                assertEquals(0.1 * c, l.x(i), 1e-6);
                assertEquals(0.1 * r, l.y(i), 1e-6);
                assertEquals(1f, l.gain(i));
            }
        }
        assertEquals(0f, l.minX());
        assertEquals(0.7f, l.maxX(), 1e-6f);
        assertEquals(0f, l.minY());
        assertEquals(0.3f, l.maxY(), 1e-6f);
        assertEquals(Math.sqrt(0.7 * 0.7 + 0.3 * 0.3), l.maxDistance(), 1e-6);
    }

    @Test
    void defaultLayoutIsTheShippedFourByEightGrid() {
        // The shipped file is the one description; this checks it says what README and the panel assume.
        assertEquals(Layout.grid("table-4x8", 4, 8, 0.1f), Layout.defaultLayout());
    }

    @Test
    void gridNeedsExactly32Transducers() {
        assertThrows(IllegalArgumentException.class, () -> Layout.grid("x", 4, 7, 0.1f));
        assertThrows(IllegalArgumentException.class, () -> Layout.grid("x", 4, 8, 0f));
        Layout strip = Layout.grid("strip", 1, 32, 0.05f);
        assertEquals(0f, strip.maxY() - strip.minY());
        assertEquals(31 * 0.05, strip.maxDistance(), 1e-5);
    }

    @Test
    void parsesValidFileWithOptionalGain() {
        List<String> lines = validLines(32);
        lines.set(4, lines.get(4).replace(", \"gain\": 1.5", ""));
        Layout l = LayoutParser.parse(join(lines), SOURCE);
        assertEquals("bench", l.name());
        assertEquals(1f, l.gain(1), "gain defaults to 1");
        assertEquals(1.5f, l.gain(2));
        assertEquals(0.05f * 3, l.x(3), 1e-6f);
        assertEquals(0.07f * 2, l.y(17), 1e-6f);
        assertEquals("T32", l.name(31));
    }

    @Test
    void wrongTypeNamesLineColumnAndField() {
        List<String> lines = edit(7, s -> s.replace("\"x\": 0.15", "\"x\": \"abc\""));
        assertPoints(failure(lines), lines, 7, "\"abc\"", "transducers[3].x", "expected a number");
    }

    @Test
    void wrongCountIsReportedAtTheArray() {
        List<String> lines = validLines(31);
        LayoutException e = failure(lines);
        assertPoints(e, lines, 3, "[", "transducers", "expected 32 entries, found 31");
        List<String> more = validLines(33);
        assertTrue(failure(more).getMessage().endsWith("transducers: expected 32 entries, found 33"));
    }

    @Test
    void duplicateNameNamesBothEntries() {
        List<String> lines = edit(9, s -> s.replace("T06", "T05"));
        assertPoints(failure(lines), lines, 9, "\"T05\"", "transducers[5].name",
                "duplicate name \"T05\" (first at transducers[4])");
    }

    @Test
    void unknownFieldsAreErrors() {
        List<String> lines = edit(6, s -> s.replace("\"gain\"", "\"gian\""));
        assertPoints(failure(lines), lines, 6, "1.5", "transducers[2].gian", "unknown field");
        List<String> top = validLines(32);
        top.set(1, "  \"name\": \"bench\", \"rows\": 4,");
        assertPoints(failure(top), top, 2, "4", "rows", "unknown field");
    }

    @Test
    void missingFieldIsReportedAtItsObject() {
        List<String> lines = edit(4, s -> s.replace(", \"y\": 0.00", ""));
        assertPoints(failure(lines), lines, 4, "{", "transducers[0]", "missing field \"y\"");
    }

    @Test
    void gainOutOfRangeAndNonFiniteNumbers() {
        List<String> gain = edit(14, s -> s.replace("\"gain\": 1.5", "\"gain\": 5"));
        assertPoints(failure(gain), gain, 14, "5 }", "transducers[10].gain", "must be within [0, 4]");
        List<String> huge = edit(20, s -> s.replace("\"y\": 0.14", "\"y\": 1e999"));
        assertPoints(failure(huge), huge, 20, "1e999", "transducers[16].y", "expected a finite number");
        List<String> negative = edit(5, s -> s.replace("\"gain\": 1.5", "\"gain\": -0.1"));
        assertPoints(failure(negative), negative, 5, "-0.1", "transducers[1].gain", "must be within [0, 4]");
    }

    @Test
    void syntaxErrorsCarryLineAndPath() {
        // Entry 6 loses its comma; entry 7 starts on line 11.
        List<String> lines = edit(10, s -> s.substring(0, s.length() - 1));
        LayoutException e = failure(lines);
        assertEquals(11, e.line(), e::getMessage);
        assertTrue(e.getMessage().startsWith(SOURCE + " line 11, col 5: transducers[7]: "), e::getMessage);
    }

    @Test
    void trailingContentAndWrongRootAreErrors() {
        List<String> lines = validLines(32);
        lines.add("{}");
        LayoutException e = failure(lines);
        assertEquals(lines.size(), e.line());
        assertTrue(e.getMessage().contains("unexpected content after the layout object"), e::getMessage);
        LayoutException root = assertThrows(LayoutException.class, () -> LayoutParser.parse("\n  [1, 2]", "a.json"));
        assertTrue(root.getMessage().startsWith("a.json line 2, col 3: expected an object"), root::getMessage);
    }

    @Test
    void emptyAndMissingNames() {
        List<String> empty = edit(8, s -> s.replace("\"T05\"", "\"\""));
        assertPoints(failure(empty), empty, 8, "\"\"", "transducers[4].name", "must not be empty");
        List<String> noName = validLines(32);
        noName.remove(1);
        LayoutException e = failure(noName);
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("missing field \"name\""), e::getMessage);
    }
}
