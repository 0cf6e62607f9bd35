package haptic.plugin;

import haptic.protocol.SocketPaths;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings from {@code <resourcesDir>/haptic-plugin.conf}: {@code key=value} lines, {@code #} comments.
 * {@code socket=} overrides where the server is looked for, {@code log=} names the log file. A missing
 * file is no error: the plugin then finds the server exactly like the CLI does.
 */
final class PluginConf {
    static final String FILE_NAME = "haptic-plugin.conf";

    /** The explicit socket, or null. */
    final String socket;
    /** The log file, or null. */
    final Path log;
    /** Problems found while reading, to be logged once a log exists. */
    final List<String> warnings;

    private PluginConf(String socket, Path log, List<String> warnings) {
        this.socket = socket;
        this.log = log;
        this.warnings = warnings;
    }

    static PluginConf load(String resourcesDir) {
        List<String> warnings = new ArrayList<>();
        if (resourcesDir == null || resourcesDir.isBlank()) {
            return new PluginConf(null, null, warnings);
        }
        Path file = Path.of(resourcesDir).resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new PluginConf(null, null, warnings);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            warnings.add("cannot read " + file + ": " + e.getMessage());
            return new PluginConf(null, null, warnings);
        }
        return parse(lines, file.toString(), warnings);
    }

    static PluginConf parse(List<String> lines, String source, List<String> warnings) {
        String socket = null;
        Path log = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                warnings.add(source + ":" + (i + 1) + ": expected key=value, got '" + line + "'");
                continue;
            }
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            switch (key) {
                case "socket" -> socket = value.isEmpty() ? null : value;
                case "log" -> log = value.isEmpty() ? null : Path.of(value);
                // Read by the native shim before the JVM exists; valid here, nothing for Java to do.
                case "jvm", "java_home", "options" -> { }
                default -> warnings.add(source + ":" + (i + 1) + ": unknown key '" + key + "'");
            }
        }
        return new PluginConf(socket, log, warnings);
    }

    /** The conf's socket if given, else the usual rules ({@code $HAPTIC_SOCKET}, runtime dir, /tmp). */
    Path socketPath() {
        return SocketPaths.resolve(socket);
    }
}
