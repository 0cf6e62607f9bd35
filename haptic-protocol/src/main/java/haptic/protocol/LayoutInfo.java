package haptic.protocol;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import java.util.Arrays;
import java.util.Objects;

/**
 * The transducer layout the server is driving: transducer {@code i} is called {@code names[i]} and
 * sits at ({@code x[i]}, {@code y[i]}) metres on the table. Index {@code i} is the transducer number
 * used by {@link TestPulse} and the level arrays.
 *
 * <p>Arrays are not copied: do not modify them after handing the record over.
 */
public record LayoutInfo(String name, String[] names, float[] x, float[] y) {
    public static final LayoutInfo EMPTY = new LayoutInfo("", new String[0], new float[0], new float[0]);

    /** Number of transducers. */
    public int size() {
        return names.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayoutInfo l
                && Objects.equals(name, l.name)
                && Arrays.equals(names, l.names)
                && Arrays.equals(x, l.x)
                && Arrays.equals(y, l.y);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(names), Arrays.hashCode(x), Arrays.hashCode(y));
    }

    @Override
    public String toString() {
        return "LayoutInfo[name=" + name + ", names=" + Arrays.toString(names)
                + ", x=" + Arrays.toString(x) + ", y=" + Arrays.toString(y) + "]";
    }

    /** Inline encoding used inside {@link HelloAccepted}; this record has no message id of its own. */
    static void write(Output out, LayoutInfo l, String field) {
        WireFormat.requireNonNull(l, field);
        WireFormat.requireNonNull(l.names, field + ".names");
        WireFormat.requireNonNull(l.x, field + ".x");
        WireFormat.requireNonNull(l.y, field + ".y");
        WireFormat.requireSameLength(l.names.length, l.x.length, field + ".names", field + ".x");
        WireFormat.requireSameLength(l.names.length, l.y.length, field + ".names", field + ".y");
        WireFormat.writeString(out, l.name, field + ".name");
        WireFormat.writeStrings(out, l.names, field + ".names");
        WireFormat.writeFloats(out, l.x, field + ".x");
        WireFormat.writeFloats(out, l.y, field + ".y");
    }

    static LayoutInfo read(Input in, String field) {
        String name = WireFormat.readString(in, field + ".name");
        String[] names = WireFormat.readStrings(in, field + ".names");
        float[] x = WireFormat.readFloats(in, field + ".x");
        float[] y = WireFormat.readFloats(in, field + ".y");
        WireFormat.requireSameLength(names.length, x.length, field + ".names", field + ".x");
        WireFormat.requireSameLength(names.length, y.length, field + ".names", field + ".y");
        return new LayoutInfo(name, names, x, y);
    }
}
