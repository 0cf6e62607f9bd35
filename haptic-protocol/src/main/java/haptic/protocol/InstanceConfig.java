package haptic.protocol;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import java.util.Arrays;

/**
 * Parameter state of one controller instance, sent in {@link Hello} so the server can restore it
 * (for example after a server restart, when a plugin reconnects with what its host saved).
 * {@code paramIds[i]} is a {@link Param#id()} whose value is {@code values[i]}.
 *
 * <p>Arrays are not copied: do not modify them after handing the record over.
 */
public record InstanceConfig(String label, int[] paramIds, float[] values) {
    public static final InstanceConfig EMPTY = new InstanceConfig("", new int[0], new float[0]);

    @Override
    public boolean equals(Object o) {
        return o instanceof InstanceConfig c
                && java.util.Objects.equals(label, c.label)
                && Arrays.equals(paramIds, c.paramIds)
                && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * java.util.Objects.hashCode(label) + Arrays.hashCode(paramIds)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "InstanceConfig[label=" + label + ", paramIds=" + Arrays.toString(paramIds)
                + ", values=" + Arrays.toString(values) + "]";
    }

    /** Inline encoding used inside {@link Hello}; this record has no message id of its own. */
    static void write(Output out, InstanceConfig c, String field) {
        WireFormat.requireNonNull(c, field);
        WireFormat.requireNonNull(c.paramIds, field + ".paramIds");
        WireFormat.requireNonNull(c.values, field + ".values");
        WireFormat.requireSameLength(c.paramIds.length, c.values.length, field + ".paramIds", field + ".values");
        WireFormat.writeString(out, c.label, field + ".label");
        WireFormat.writeParamIds(out, c.paramIds, field + ".paramIds");
        WireFormat.writeFloats(out, c.values, field + ".values");
    }

    static InstanceConfig read(Input in, String field) {
        String label = WireFormat.readString(in, field + ".label");
        int[] paramIds = WireFormat.readParamIds(in, field + ".paramIds");
        float[] values = WireFormat.readFloats(in, field + ".values");
        WireFormat.requireSameLength(paramIds.length, values.length, field + ".paramIds", field + ".values");
        return new InstanceConfig(label, paramIds, values);
    }
}
