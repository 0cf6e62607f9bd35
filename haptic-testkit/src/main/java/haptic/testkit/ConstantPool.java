package haptic.testkit;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Reads a class file's constant pool. Classes whose code runs on an audio thread must hold no string
 * constants: before C2 compiles a method, HotSpot interns every unresolved string constant of the method's
 * class on the thread that triggered the compilation, an allocation on the audio thread long after warm-up.
 */
public final class ConstantPool {
    private ConstantPool() {
    }

    /** The CONSTANT_String entries of a class file's constant pool (JVMS 4.4). */
    public static List<String> stringConstants(String className) throws IOException {
        try (InputStream raw = Thread.currentThread().getContextClassLoader().getResourceAsStream(className + ".class")) {
            assertNotNull(raw, className + ".class not found");
            DataInputStream in = new DataInputStream(raw);
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> stringIndexes = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 8 -> stringIndexes.add(in.readUnsignedShort());
                    case 7, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++;
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag + " in " + className);
                }
            }
            List<String> strings = new ArrayList<>();
            for (int index : stringIndexes) {
                strings.add(utf8[index]);
            }
            return strings;
        }
    }
}
