package haptic.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The product's version, from the Maven project version (the one place it is written; the C shim gets the
 * same value from the Makefile). Distinct from {@link Protocol#VERSION}, which changes only with the wire.
 */
public final class ProductVersion {
    public static final String VERSION = read();

    private ProductVersion() {
    }

    private static String read() {
        Properties p = new Properties();
        try (InputStream in = ProductVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("haptic/protocol/version.properties is missing from the build");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }
}
