package haptic.plugin;

import haptic.testkit.Await;

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

    /** A plugin the host has activated and started processing, once its IPC thread has finished the handshake. */
    static HapticPlugin connected(Path resources, Path socket) throws IOException {
        HapticPlugin plugin = create(resources, socket);
        plugin.setActive(true);
        plugin.setProcessing(true);
        Await.until(plugin::connected, "the handshake");
        return plugin;
    }

    static String log(Path resources) throws IOException {
        Path file = resources.resolve("plugin.log");
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
