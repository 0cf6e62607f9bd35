package haptic.plugin;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The plugin's log: connection state and configuration problems, one timestamped line each, appended to
 * the file named by {@code log=} in the conf, else to standard error (which the host usually captures).
 * Host and IPC threads only; the audio thread never logs.
 */
final class PluginLog implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final PrintStream out;
    private final boolean ownsStream;
    /** Written on the host's main thread (at construction of the plugin). */
    private volatile String prefix = "";

    private PluginLog(PrintStream out, boolean ownsStream) {
        this.out = out;
        this.ownsStream = ownsStream;
    }

    /** Opens {@code file} for appending; if that fails, logs to standard error and says why. Host's main thread. */
    static PluginLog open(Path file) {
        if (file == null) {
            return new PluginLog(System.err, false);
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            OutputStream stream = new FileOutputStream(file.toFile(), true);
            return new PluginLog(new PrintStream(stream, true, StandardCharsets.UTF_8), true);
        } catch (IOException | SecurityException e) {
            PluginLog fallback = new PluginLog(System.err, false);
            fallback.info("cannot open log file " + file + " (" + e.getMessage() + "); logging to stderr");
            return fallback;
        }
    }

    /** Names the instance on every following line. Called on the host's main thread. */
    void prefix(String instance) {
        prefix = "[" + instance + "] ";
    }

    /** Called on the host's main thread and the IPC thread; serialized by this object's lock. */
    synchronized void info(String message) {
        out.println(LocalDateTime.now().format(TIME) + " haptic-plugin " + prefix + message);
        out.flush();
    }

    /** Called on the host's main thread (dispose), after the IPC thread has stopped. */
    @Override
    public synchronized void close() {
        if (ownsStream) {
            out.close();
        }
    }
}
