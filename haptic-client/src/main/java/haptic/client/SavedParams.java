package haptic.client;

import haptic.protocol.InstanceConfig;
import haptic.protocol.Param;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Instance parameters set with {@code haptic send param}, kept in a file beside the server's socket.
 * Each CLI command is its own short-lived controller instance, and the server resets an instance when
 * it connects; replaying these values in every Hello is what lets {@code send param wave-speed 8} shape
 * the notes of later commands, the way a plugin's saved state shapes its notes after a reconnect.
 */
final class SavedParams {
    static final String LABEL = "haptic CLI";

    private final Path file;

    SavedParams(Path socket) {
        this.file = socket.resolveSibling(socket.getFileName() + ".cli-params");
    }

    Path file() {
        return file;
    }

    /** Values from the file; lines naming unknown parameters or holding bad numbers are skipped. */
    Map<Param, Float> load() throws IOException {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (NoSuchFileException none) {
            return new EnumMap<>(Param.class);
        }
        Map<Param, Float> values = new EnumMap<>(Param.class);
        for (String name : props.stringPropertyNames()) {
            Param p = Param.byName(name);
            Float v = parse(props.getProperty(name));
            if (p != null && p != Param.MASTER_GAIN && v != null) {
                values.put(p, p.clamp(v));
            }
        }
        return values;
    }

    /** What to replay in Hello. */
    InstanceConfig config() throws IOException {
        Map<Param, Float> values = load();
        int[] ids = new int[values.size()];
        float[] floats = new float[values.size()];
        int i = 0;
        for (Map.Entry<Param, Float> e : values.entrySet()) {
            ids[i] = e.getKey().id();
            floats[i] = e.getValue();
            i++;
        }
        return new InstanceConfig(LABEL, ids, floats);
    }

    /** Remembers one value; a value equal to the default is forgotten instead. */
    void save(Param p, float value) throws IOException {
        Map<Param, Float> values = load();
        if (value == p.defaultValue()) {
            values.remove(p);
        } else {
            values.put(p, value);
        }
        Properties props = new Properties();
        values.forEach((param, v) -> props.setProperty(ParamText.cliName(param), Float.toString(v)));
        // Write aside and rename, so a concurrent command never reads half a file.
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                props.store(out, "instance parameters replayed by every haptic CLI command on this socket");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Float parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            float v = Float.parseFloat(text.trim());
            return Float.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null; // a hand-edited or foreign line: ignored, like an unknown name
        }
    }
}
