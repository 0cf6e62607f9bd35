package haptic.panel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A haptic server the panel started and owns. It runs with {@code --exit-on-stdin-eof} and the panel
 * holds the write end of its stdin without ever writing: when the panel exits, crashes or is killed,
 * the kernel closes that pipe and the server shuts down cleanly, so it cannot outlive the panel.
 * The server's output is copied to the panel's log line by line (and must be read, or the server
 * would block once the pipe fills).
 */
final class ManagedServer implements AutoCloseable {
    static final String SERVER_JAR_PROPERTY = "haptic.server.jar";

    private static final int KEPT_LINES = 20;
    /** The same JVM settings bin/haptic-server uses: a pre-touched fixed heap and short GC pauses. */
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=2");

    private final Process process;
    private final OutputStream lifeline;
    /** Written only by the output pump thread, under its own lock. */
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final Thread pump;

    private ManagedServer(Process process, Consumer<String> log) {
        this.process = process;
        this.lifeline = process.getOutputStream();
        this.pump = new Thread(() -> pumpOutput(log), "haptic-panel-server-output");
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts {@code haptic-server run} on {@code socket} with the same java executable, from the server jar
     * named by {@value #SERVER_JAR_PROPERTY} (bin/haptic sets it), else from this JVM's class path (tests,
     * where the server is a test dependency). The panel jar does not carry the server. Called on the link thread.
     */
    static ManagedServer start(Path socket, Consumer<String> log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(JVM_OPTIONS);
        cmd.add("-cp");
        cmd.add(serverClassPath());
        cmd.add("haptic.cli.HapticServerMain");
        cmd.add("run");
        cmd.add("--socket");
        cmd.add(socket.toString());
        cmd.add("--exit-on-stdin-eof");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ManagedServer server = new ManagedServer(p, log);
        log.accept("started managed haptic server, pid " + p.pid() + ", socket " + socket
                + " (it exits with the panel)");
        return server;
    }

    private static String serverClassPath() throws IOException {
        String jar = System.getProperty(SERVER_JAR_PROPERTY);
        if (jar == null) {
            return System.getProperty("java.class.path");
        }
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IOException("cannot start a server: " + SERVER_JAR_PROPERTY + " names " + jar
                    + ", which does not exist (build it with bin/haptic-server, or start a server yourself)");
        }
        return jar;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The output pump thread's body. */
    private void pumpOutput(Consumer<String> log) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                synchronized (lastLines) {
                    if (lastLines.size() == KEPT_LINES) {
                        lastLines.removeFirst();
                    }
                    lastLines.addLast(line);
                }
                log.accept("[server " + process.pid() + "] " + line);
            }
        } catch (IOException e) {
            // The server closed its output: it is exiting; alive() and exitCode() tell the rest.
        }
    }

    /** Any thread: the link thread, and the render thread at exit. */
    long pid() {
        return process.pid();
    }

    /** Called on the link thread. */
    boolean alive() {
        return process.isAlive();
    }

    /**
     * Called on the link thread.
     *
     * @return the exit status, or -1 while it runs
     */
    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /**
     * The server's last output line, for telling the user why it stopped; empty if it printed nothing. Called on
     * the link thread.
     */
    String lastLine() {
        synchronized (lastLines) {
            return lastLines.isEmpty() ? "" : lastLines.getLast();
        }
    }

    /**
     * Asks the server to stop by closing its stdin, waits for its clean shutdown, and only then
     * escalates to SIGTERM and SIGKILL. Called on the render thread at exit.
     */
    @Override
    public void close() {
        try {
            lifeline.close();
        } catch (IOException e) {
            // Already closed or the server is gone; the wait below settles it either way.
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                }
            }
            pump.join(1000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
