package haptic.plugin;

import haptic.protocol.Param;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The plugin's saved state: the automatable parameters as plain values (so a later change of scale keeps
 * what the user set), framed by a magic, a version and a CRC so foreign or damaged data is recognised and
 * refused without touching anything. Big-endian:
 * {@code "HPLG" u32 version u32 count (i32 paramId, f64 plain) × count u32 crc32-of-everything-before}.
 */
final class PluginState {
    static final int MAGIC = 0x48504C47;
    static final int VERSION = 1;
    private static final int HEADER = 12;
    private static final int ENTRY = 12;
    private static final int TRAILER = 4;
    /** Far more than will ever exist; bounds what a corrupt count can make us read. */
    private static final int MAX_ENTRIES = 256;

    private PluginState() {
    }

    /** Called on the host's main thread (getState). */
    static byte[] write(ParameterValues values) {
        Param[] params = ParameterCatalog.AUTOMATABLE;
        ByteBuffer b = ByteBuffer.allocate(HEADER + params.length * ENTRY + TRAILER);
        b.putInt(MAGIC).putInt(VERSION).putInt(params.length);
        for (Param p : params) {
            b.putInt(p.id()).putDouble(ParameterScale.toPlain(p, values.get(ParameterCatalog.indexOf(p))));
        }
        b.putInt((int) crc(b.array(), b.position()));
        return b.array();
    }

    /**
     * Restores what {@link #write} produced. Parameters the data does not mention go back to their defaults;
     * ids this version does not know (saved by a newer plugin) are skipped. Called on the host's main thread.
     *
     * @return false, with nothing changed, if the data is not a state of ours
     */
    static boolean read(byte[] data, ParameterValues values) {
        if (data == null || data.length < HEADER + TRAILER) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(data);
        if (b.getInt() != MAGIC || b.getInt() != VERSION) {
            return false;
        }
        int count = b.getInt();
        if (count < 0 || count > MAX_ENTRIES || data.length != HEADER + count * ENTRY + TRAILER) {
            return false;
        }
        if ((int) crc(data, data.length - TRAILER) != ByteBuffer.wrap(data, data.length - TRAILER, TRAILER).getInt()) {
            return false;
        }
        Param[] params = ParameterCatalog.AUTOMATABLE;
        double[] restored = new double[params.length];
        for (int i = 0; i < params.length; i++) {
            restored[i] = ParameterCatalog.defaultNormalized(i);
        }
        for (int i = 0; i < count; i++) {
            int id = b.getInt();
            double plain = b.getDouble();
            if (!Double.isFinite(plain)) {
                return false;
            }
            Param p = ParameterCatalog.automatable(id);
            if (p != null) {
                restored[ParameterCatalog.indexOf(p)] = ParameterScale.toNormalized(p, plain);
            }
        }
        for (int i = 0; i < restored.length; i++) {
            values.set(i, restored[i]);
        }
        return true;
    }

    private static long crc(byte[] data, int length) {
        CRC32 crc = new CRC32();
        crc.update(data, 0, length);
        return crc.getValue();
    }
}
