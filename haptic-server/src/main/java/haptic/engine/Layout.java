package haptic.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the 32 transducers sit on the table (metres) and how loud each one is (linear gain).
 * Immutable; the engine derives its delay capacity and attenuation range from the bounding box.
 */
public final class Layout {
    /** One JACK output port per transducer; the wire protocol and the panel assume exactly this many. */
    public static final int TRANSDUCERS = 32;
    public static final float MAX_GAIN = 4f;
    private static final String DEFAULT_RESOURCE = "/haptic/layout-4x8.json";
    /** Immutable once parsed; a race only parses it twice. */
    private static volatile Layout defaultLayout;

    private final String name;
    private final String[] names;
    private final float[] x;
    private final float[] y;
    private final float[] gain;
    private final float minX;
    private final float maxX;
    private final float minY;
    private final float maxY;

    /**
     * @throws IllegalArgumentException unless there are exactly {@link #TRANSDUCERS} entries with unique,
     *         non-empty names, finite coordinates and gains within [0, {@link #MAX_GAIN}]
     */
    public Layout(String name, String[] names, float[] x, float[] y, float[] gain) {
        Objects.requireNonNull(name, "name");
        if (names.length != TRANSDUCERS || x.length != TRANSDUCERS || y.length != TRANSDUCERS
                || gain.length != TRANSDUCERS) {
            throw new IllegalArgumentException("a layout has exactly " + TRANSDUCERS + " transducers");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < TRANSDUCERS; i++) {
            if (names[i] == null || names[i].isEmpty()) {
                throw new IllegalArgumentException("transducer " + i + " has no name");
            }
            Integer first = seen.putIfAbsent(names[i], i);
            if (first != null) {
                throw new IllegalArgumentException("transducers " + first + " and " + i + " are both named "
                        + names[i]);
            }
            if (!Float.isFinite(x[i]) || !Float.isFinite(y[i])) {
                throw new IllegalArgumentException("transducer " + names[i] + " has a non-finite position");
            }
            if (!(gain[i] >= 0f && gain[i] <= MAX_GAIN)) {
                throw new IllegalArgumentException("transducer " + names[i] + " gain must be within [0, "
                        + MAX_GAIN + "]");
            }
        }
        this.name = name;
        this.names = names.clone();
        this.x = x.clone();
        this.y = y.clone();
        this.gain = gain.clone();
        float lx = Float.POSITIVE_INFINITY;
        float hx = Float.NEGATIVE_INFINITY;
        float ly = Float.POSITIVE_INFINITY;
        float hy = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < TRANSDUCERS; i++) {
            lx = Math.min(lx, x[i]);
            hx = Math.max(hx, x[i]);
            ly = Math.min(ly, y[i]);
            hy = Math.max(hy, y[i]);
        }
        minX = lx;
        maxX = hx;
        minY = ly;
        maxY = hy;
    }

    /** Rows × cols = 32 transducers on a regular grid from (0, 0), named "T01".."T32" row-major, gain 1. */
    public static Layout grid(String name, int rows, int cols, float spacing) {
        if (rows <= 0 || cols <= 0 || rows * cols != TRANSDUCERS) {
            throw new IllegalArgumentException("rows × cols must be " + TRANSDUCERS + ", got " + rows + " × " + cols);
        }
        if (!(spacing > 0f) || !Float.isFinite(spacing)) {
            throw new IllegalArgumentException("spacing must be a positive finite number");
        }
        String[] names = new String[TRANSDUCERS];
        float[] x = new float[TRANSDUCERS];
        float[] y = new float[TRANSDUCERS];
        float[] gain = new float[TRANSDUCERS];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                names[i] = String.format("T%02d", i + 1);
                // Through double so that e.g. 7 × 0.1 lands on the float nearest 0.7, as a JSON file would say.
                x[i] = (float) (c * (double) spacing);
                y[i] = (float) (r * (double) spacing);
                gain[i] = 1f;
            }
        }
        return new Layout(name, names, x, y, gain);
    }

    /**
     * The reference table: 4 rows × 8 columns, 0.1 m apart, read from the resource haptic/layout-4x8.json,
     * the one description of it (users copy that file to describe their own table).
     */
    public static Layout defaultLayout() {
        Layout l = defaultLayout;
        if (l == null) {
            try (InputStream in = Layout.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the build");
                }
                l = LayoutParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            defaultLayout = l;
        }
        return l;
    }

    public String name() { return name; }
    public int size() { return TRANSDUCERS; }
    public String name(int i) { return names[i]; }
    public float x(int i) { return x[i]; }
    public float y(int i) { return y[i]; }
    public float gain(int i) { return gain[i]; }
    public float minX() { return minX; }
    public float maxX() { return maxX; }
    public float minY() { return minY; }
    public float maxY() { return maxY; }

    /**
     * Longest distance from any point of the bounding box to any transducer: the box diagonal. Sources are
     * confined to the box, so no wave ever travels further than this to reach a transducer.
     */
    public float maxDistance() {
        double w = (double) maxX - minX;
        double h = (double) maxY - minY;
        return (float) Math.sqrt(w * w + h * h);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Layout)) {
            return false;
        }
        Layout l = (Layout) o;
        return name.equals(l.name) && Arrays.equals(names, l.names) && Arrays.equals(x, l.x)
                && Arrays.equals(y, l.y) && Arrays.equals(gain, l.gain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(names), Arrays.hashCode(x), Arrays.hashCode(y),
                Arrays.hashCode(gain));
    }

    @Override
    public String toString() {
        return "Layout " + name + " (" + TRANSDUCERS + " transducers, x " + minX + ".." + maxX + " m, y " + minY
                + ".." + maxY + " m)";
    }
}
