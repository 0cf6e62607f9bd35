package haptic.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private jackd with the dummy driver, for benches that need a real JACK graph without hardware.
 * Uses a unique server name so it never touches the user's own JACK server.
 */
final class DummyJackd implements AutoCloseable {
    private final Process process;
    private final String name;

    private DummyJackd(Process process, String name) {
        this.process = process;
        this.name = name;
    }

    static DummyJackd start(int periodFrames) throws IOException, InterruptedException {
        String name = "haptic-bench-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000;
        Path logFile = Files.createTempFile("haptic-jackd-", ".log");
        List<String> cmd = new ArrayList<>(List.of("jackd", "-R", "-n", name, "-d", "dummy", "-r", "48000",
                "-p", Integer.toString(periodFrames), "-P", "32", "-C", "0"));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        } catch (IOException e) {
            throw new IOException("cannot run jackd (install Debian's jackd2): " + e.getMessage(), e);
        }
        DummyJackd d = new DummyJackd(p, name);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("jackd exited: " + Files.readString(logFile));
            }
            if (d.answers()) {
                return d;
            }
            Thread.sleep(100);
        }
        d.close();
        throw new IOException("jackd did not come up within 10 s: " + Files.readString(logFile));
    }

    private boolean answers() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("jack_lsp").redirectErrorStream(true)
                .redirectOutput(new File("/dev/null"));
        pb.environment().put("JACK_DEFAULT_SERVER", name);
        pb.environment().put("JACK_NO_START_SERVER", "1");
        Process lsp = pb.start();
        return lsp.waitFor(5, TimeUnit.SECONDS) && lsp.exitValue() == 0;
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
