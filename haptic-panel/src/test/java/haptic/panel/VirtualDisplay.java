package haptic.panel;

import org.junit.jupiter.api.Assertions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A private Xvfb server on a display number nobody else uses, 1280x800 at 24 bits, for running the
 * panel headless with Mesa's software OpenGL. Test fixture.
 */
final class VirtualDisplay implements AutoCloseable {
    private static final Path SOCKETS = Path.of("/tmp/.X11-unix");

    private final int number;
    private final Process process;
    private final Path log;

    private VirtualDisplay(int number, Process process, Path log) {
        this.number = number;
        this.process = process;
        this.log = log;
    }

    /** Starts Xvfb on the first free display number from a per-process starting point; fails the test if it cannot. */
    static VirtualDisplay start() {
        Path xvfb = Path.of("/usr/bin/Xvfb");
        if (!Files.isExecutable(xvfb)) {
            Assertions.fail("Xvfb is not installed (on Debian/Ubuntu: apt-get install xvfb); the panel tests need a "
                    + "virtual display");
        }
        int first = 100 + (int) (ProcessHandle.current().pid() % 400);
        for (int n = first; n < first + 50; n++) {
            if (Files.exists(SOCKETS.resolve("X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            VirtualDisplay d = tryStart(xvfb, n);
            if (d != null) {
                return d;
            }
        }
        return Assertions.fail("no free X display number in " + first + ".." + (first + 49));
    }

    private static VirtualDisplay tryStart(Path xvfb, int n) {
        try {
            Path log = Files.createTempFile("xvfb-" + n + "-", ".log");
            Process p = new ProcessBuilder(xvfb.toString(), ":" + n, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    return null; // another Xvfb took the number first
                }
                if (Files.exists(SOCKETS.resolve("X" + n))) {
                    VirtualDisplay d = new VirtualDisplay(n, p, log);
                    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly, "xvfb-reaper-" + n));
                    return d;
                }
                Thread.sleep(20);
            }
            p.destroyForcibly();
            return Assertions.fail("Xvfb :" + n + " did not come up within 10 s:\n" + Files.readString(log));
        } catch (IOException e) {
            return Assertions.fail("cannot run Xvfb: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Assertions.fail("interrupted while starting Xvfb", e);
        }
    }

    /** The value for DISPLAY. */
    String display() {
        return ":" + number;
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(cannot read " + log + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
