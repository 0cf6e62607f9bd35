package haptic.shim;

import haptic.testkit.ChildEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs the C test host (target/test-host/haptic-test-host) on a bundle, in its own process. */
final class TestHost {
    static final Path BINARY = Path.of(System.getProperty("haptic.shim.host", "target/test-host/haptic-test-host"));

    private TestHost() {
    }

    static HostRun run(Path workDir, List<String> prefix, Map<String, String> env, List<String> options,
                       PluginBundle bundle, Duration timeout) throws IOException, InterruptedException {
        return run(workDir, prefix, env, options, bundle, timeout, line -> { });
    }

    /**
     * @param prefix  a command to run the host under (valgrind ...), or empty
     * @param env     environment changes; a null value removes the variable
     * @param options test host options before the bundle path
     * @param onLine  sees each stdout line as the host prints it (the host flushes every line)
     */
    static HostRun run(Path workDir, List<String> prefix, Map<String, String> env, List<String> options,
                       PluginBundle bundle, Duration timeout, Consumer<String> onLine)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(BINARY.toAbsolutePath().toString());
        cmd.addAll(options);
        cmd.add(bundle.dir().toString());
        Path err = Files.createTempFile(workDir, "host-", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectError(err.toFile());
        ChildEnvironment.apply(pb, env);
        Process p = pb.start();
        p.getOutputStream().close();
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    onLine.accept(line);
                    out.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "test-host-stdout");
        reader.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            p.waitFor();
            reader.join(5000);
            throw new AssertionError("test host did not finish within " + timeout + "; stdout:\n"
                    + String.join("\n", out) + "\nstderr:\n" + Files.readString(err));
        }
        reader.join(10000);
        return new HostRun(p.exitValue(), new ArrayList<>(out), Files.readString(err));
    }
}
