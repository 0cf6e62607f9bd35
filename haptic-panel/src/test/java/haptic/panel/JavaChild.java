package haptic.panel;

import haptic.testkit.ChildEnvironment;
import org.junit.jupiter.api.Assertions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM started from the test's own class path (panel, server and their dependencies), its output
 * captured in a file the test can search. Its stdin stays an open pipe, which a server started with
 * {@code --exit-on-stdin-eof} takes as "keep running". Test fixture.
 */
final class JavaChild implements AutoCloseable {
    private final String label;
    private final Process process;
    private final Path log;

    private JavaChild(String label, Process process, Path log) {
        this.label = label;
        this.process = process;
        this.log = log;
    }

    /**
     * @param env changes to the inherited environment; a null value removes the variable
     */
    static JavaChild start(String label, String mainClass, List<String> args, Map<String, String> env) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        try {
            Path log = Files.createTempFile(label + "-", ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            ChildEnvironment.apply(pb, env);
            Process p = pb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly, "reaper-" + label));
            return new JavaChild(label, p, log);
        } catch (IOException e) {
            return Assertions.fail("cannot start " + label + ": " + e.getMessage(), e);
        }
    }

    Process process() {
        return process;
    }

    long pid() {
        return process.pid();
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Waits for the process to exit. @return its exit status */
    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            Assertions.fail(label + " did not exit within " + seconds + " s; output:\n" + output());
        }
        return process.exitValue();
    }

    /** Waits until the output has a line matching {@code regex}. @return the match's first group */
    String awaitLine(String regex, long seconds) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Matcher m = pattern.matcher(output());
            if (m.find()) {
                return m.groupCount() > 0 ? m.group(1) : m.group();
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        return Assertions.fail(label + " printed no line matching /" + regex + "/ within " + seconds
                + " s; output:\n" + output());
    }

    /** How many lines of the output match {@code test}. */
    long countLines(Predicate<String> test) {
        return output().lines().filter(test).count();
    }

    /** Closes the child's stdin (a managed server's cue to stop), then waits; kills it if it lingers. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Already gone.
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
