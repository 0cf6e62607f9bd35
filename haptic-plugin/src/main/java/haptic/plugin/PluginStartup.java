package haptic.plugin;

import java.nio.file.Path;

/** The log lines an instance writes when it is created: what is loaded, where it will connect, conf problems. */
final class PluginStartup {
    private PluginStartup() {
    }

    static void report(PluginLog log, PluginConf conf, Path socket) {
        log.info(BuildIdentity.text() + "; server socket " + socket);
        for (String w : conf.warnings) {
            log.info(w);
        }
    }
}
