package haptic.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Plugins as the shim creates them, with a conf in their resources directory pointing at a test socket. */
final class TestPlugins {
    private TestPlugins() {
    }

    static HapticPlugin create(Path resources, Path socket) throws IOException {
        Files.createDirectories(resources);
        Files.writeString(resources.resolve(PluginConf.FILE_NAME),
                "# test instance\nsocket=" + socket + "\nlog=" + resources.resolve("plugin.log") + "\n");
        return new HapticPlugin(resources.toString());
    }

    static String log(Path resources) throws IOException {
        Path file = resources.resolve("plugin.log");
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
