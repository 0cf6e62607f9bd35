package haptic.jack;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/** Locates libjack once; kept apart from {@link JackNative} so that class stays free of string constants. */
final class LibJack {
    static final String NAME = "jack";

    private LibJack() {
    }

    static NativeLibrary load() {
        if (Native.POINTER_SIZE != 8) {
            throw new UnsupportedOperationException("the JACK backend needs a 64-bit JVM (pointers are mapped as long)");
        }
        return NativeLibrary.getInstance(NAME);
    }
}
