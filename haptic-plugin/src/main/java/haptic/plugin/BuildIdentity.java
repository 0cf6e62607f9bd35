package haptic.plugin;

import haptic.protocol.ProductVersion;
import haptic.protocol.Protocol;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What exactly is loaded, for the host log: the version, a hash of the plugin's own class files (so two
 * builds of the same version can be told apart) and the protocol version it speaks.
 */
final class BuildIdentity {
    private static final String PACKAGE_DIR = "haptic/plugin/";
    private static final String NAME = "haptic-plugin";
    private static volatile String cached;

    private BuildIdentity() {
    }

    static String text() {
        String s = cached;
        if (s == null) {
            s = NAME + " " + version() + " (content sha256:" + contentHash() + ", protocol " + Protocol.VERSION + ")";
            cached = s;
        }
        return s;
    }

    static String version() {
        return ProductVersion.VERSION;
    }

    /** First 12 hex digits of the SHA-256 over the sorted names and bytes of haptic/plugin/**.class. */
    static String contentHash() {
        try {
            TreeMap<String, byte[]> classes = classFiles();
            if (classes.isEmpty()) {
                return "unknown";
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (var e : classes.entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue());
            }
            StringBuilder hex = new StringBuilder();
            for (byte b : sha.digest()) {
                hex.append(String.format("%02x", b));
            }
            return hex.substring(0, 12);
        } catch (IOException | NoSuchAlgorithmException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Our class files, from the jar or the classes directory this class was loaded from. */
    private static TreeMap<String, byte[]> classFiles() throws IOException, URISyntaxException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        var source = BuildIdentity.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return out;
        }
        Path location = Path.of(source.getLocation().toURI());
        if (Files.isDirectory(location)) {
            Path dir = location.resolve(PACKAGE_DIR);
            List<Path> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(f -> f.toString().endsWith(".class")).forEach(files::add);
            }
            for (Path f : files) {
                out.put(location.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
            return out;
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.getName().startsWith(PACKAGE_DIR) && e.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(e)) {
                        out.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return out;
    }
}
