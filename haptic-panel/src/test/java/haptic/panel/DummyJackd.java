package haptic.panel;

import org.junit.jupiter.api.Assertions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private jackd with the dummy driver under a unique name (so tests never touch a user's JACK),
 * ready once {@code jack_lsp} can talk to it. Test fixture.
 */
final class DummyJackd implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private DummyJackd(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static DummyJackd start() {
        String name = "haptic-panel-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000;
        DummyJackd withRealtime = launch(name, true);
        return withRealtime != null ? withRealtime : launchOrFail(name);
    }

    private static DummyJackd launchOrFail(String name) {
        // Some containers refuse SCHED_FIFO outright; the dummy driver works without -R too.
        DummyJackd plain = launch(name, false);
        return plain != null ? plain : Assertions.fail("jackd " + name + " did not accept clients within 10 s");
    }

    private static DummyJackd launch(String name, boolean realtime) {
        if (!Files.isExecutable(Path.of("/usr/bin/jackd"))) {
            Assertions.fail("jackd is not installed (on Debian/Ubuntu: apt-get install jackd2)");
        }
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/jackd"));
        if (realtime) {
            cmd.add("-R");
        }
        cmd.addAll(List.of("-n", name, "-d", "dummy", "-r", "48000", "-p", "64", "-P", "32", "-C", "0"));
        try {
            Path log = Files.createTempFile(name + "-", ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("JACK_NO_AUDIO_RESERVATION", "1");
            Process p = pb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly, "jackd-reaper-" + name));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && p.isAlive()) {
                if (answers(name)) {
                    return new DummyJackd(name, p, log);
                }
                Thread.sleep(100);
            }
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            return null;
        } catch (IOException e) {
            return Assertions.fail("cannot run jackd: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Assertions.fail("interrupted while starting jackd", e);
        }
    }

    private static boolean answers(String name) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("jack_lsp").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("JACK_DEFAULT_SERVER", name);
        pb.environment().put("JACK_NO_START_SERVER", "1");
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }

    String name() {
        return name;
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
