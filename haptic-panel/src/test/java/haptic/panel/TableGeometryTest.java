package haptic.panel;

import haptic.protocol.LayoutInfo;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableGeometryTest {
    /** The default table: 4 rows of 8 at 0.1 m, T01 at the origin, row by row in +x then +y. */
    static LayoutInfo grid4x8() {
        String[] names = new String[32];
        float[] x = new float[32];
        float[] y = new float[32];
        for (int i = 0; i < 32; i++) {
            names[i] = String.format("T%02d", i + 1);
            x[i] = (i % 8) * 0.1f;
            y[i] = (i / 8) * 0.1f;
        }
        return new LayoutInfo("table-4x8", names, x, y);
    }

    @Test
    void keepsProportionsAndStaysInsideTheCanvas() {
        TableGeometry g = TableGeometry.fit(grid4x8(), 100, 50, 800, 500, 20);
        float dx = g.x(1) - g.x(0);
        float dy = g.y(0) - g.y(8);
        assertEquals(dx, dy, 1e-3, "0.1 m must look the same along x and y");
        assertEquals(0.1f * g.scale(), dx, 1e-3);
        for (int i = 0; i < g.size(); i++) {
            assertTrue(g.x(i) - g.radius() >= 100 && g.x(i) + g.radius() <= 900, "x of " + i);
            assertTrue(g.y(i) - g.radius() >= 50 && g.y(i) + g.radius() + 20 <= 550, "y of " + i);
        }
        assertTrue(g.radius() < dx / 2, "neighbouring circles must not touch");
    }

    @Test
    void yPointsUp() {
        TableGeometry g = TableGeometry.fit(grid4x8(), 0, 0, 800, 500, 20);
        assertTrue(g.y(24) < g.y(0), "T25 (y = 0.3 m) is drawn above T01 (y = 0)");
        assertTrue(g.x(7) > g.x(0), "T08 (x = 0.7 m) is drawn right of T01");
    }

    @Test
    void hitTestFindsTheTransducerUnderThePointOnly() {
        TableGeometry g = TableGeometry.fit(grid4x8(), 0, 0, 800, 500, 20);
        for (int i = 0; i < g.size(); i++) {
            assertEquals(i, g.transducerAt(g.x(i) + g.radius() * 0.7f, g.y(i)), "inside " + i);
        }
        float between = (g.x(0) + g.x(1)) / 2f;
        assertEquals(-1, g.transducerAt(between, (g.y(0) + g.y(8)) / 2f), "the gap between four circles");
    }

    @Test
    void bendAndTimbreInvertTheEngineMapping() {
        LayoutInfo layout = grid4x8();
        TableGeometry g = TableGeometry.fit(layout, 0, 0, 800, 500, 20);
        // Engine: x = minX + (bend + 1) / 2 * (maxX - minX); y = minY + timbre * (maxY - minY).
        for (int i = 0; i < layout.size(); i++) {
            float bend = g.bendAt(g.x(i));
            float timbre = g.timbreAt(g.y(i));
            assertEquals(layout.x()[i], 0f + (bend + 1f) / 2f * 0.7f, 1e-4, "x of " + layout.names()[i]);
            assertEquals(layout.y()[i], 0f + timbre * 0.3f, 1e-4, "y of " + layout.names()[i]);
            assertEquals(g.x(i), g.xOfBend(bend), 1e-2);
            assertEquals(g.y(i), g.yOfTimbre(timbre), 1e-2);
        }
        assertEquals(-1f, g.bendAt(-10_000f));
        assertEquals(1f, g.bendAt(10_000f));
        assertEquals(0f, g.timbreAt(10_000f), "below the table is the bottom edge");
        assertEquals(1f, g.timbreAt(-10_000f));
    }

    @Test
    void aSingleRowStillGetsRoomAndNeutralTimbre() {
        LayoutInfo row = new LayoutInfo("row", new String[]{"A", "B", "C"}, new float[]{0f, 0.2f, 0.4f},
                new float[]{0.1f, 0.1f, 0.1f});
        TableGeometry g = TableGeometry.fit(row, 0, 0, 600, 300, 20);
        assertTrue(g.radius() > 10f);
        assertEquals(0f, g.timbreAt(g.y(0)), "no y extent: timbre has nothing to choose");
        assertEquals(0f, g.bendAt(g.x(1)), 1e-4, "the middle of the row is bend 0");
    }
}
