package haptic.shim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A copy of the built HapticController.vst3 with its own configuration (the shipped one with some keys
 * replaced), so every test has its own log file and JVM settings and the build output stays untouched.
 */
final class PluginBundle {
    static final Path BUILT = Path.of(System.getProperty("haptic.shim.bundle", "target/HapticController.vst3"));

    private final Path dir;
    private final Path log;

    private PluginBundle(Path dir, Path log) {
        this.dir = dir;
        this.log = log;
    }

    /**
     * Copies the bundle into {@code parent}. Its haptic-plugin.conf keeps the shipped settings except the keys
     * in {@code conf}, which replace them, and {@code log=}, which points at a file beside the copy.
     */
    static PluginBundle copy(Path parent, Map<String, String> conf) throws IOException {
        Path target = parent.resolve("HapticController.vst3");
        try (Stream<Path> files = Files.walk(BUILT)) {
            files.forEach(source -> {
                Path to = target.resolve(BUILT.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(source, to, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Path log = parent.resolve("plugin.log");
        Map<String, String> settings = new LinkedHashMap<>(conf);
        settings.put("log", log.toString());
        Path confFile = target.resolve("Contents/Resources/haptic-plugin.conf");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(confFile)) {
            int eq = line.indexOf('=');
            boolean replaced = !line.startsWith("#") && eq > 0 && settings.containsKey(line.substring(0, eq).trim());
            if (!replaced) {
                lines.add(line);
            }
        }
        settings.forEach((k, v) -> lines.add(k + "=" + v));
        Files.write(confFile, lines);
        return new PluginBundle(target, log);
    }

    /** The shipped configuration's value for {@code key}, or "" if it has none. */
    static String shipped(String key) throws IOException {
        for (String line : Files.readAllLines(BUILT.resolve("Contents/Resources/haptic-plugin.conf"))) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0 && line.substring(0, eq).trim().equals(key)) {
                return line.substring(eq + 1).trim();
            }
        }
        return "";
    }

    Path dir() {
        return dir;
    }

    /** What the plugin (native and Java side) wrote to its log file, or "" if nothing yet. */
    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
