package haptic.testkit;

import haptic.jack.JackClientException;
import haptic.jack.JackSession;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A private jackd with the dummy driver (48 kHz, 32 playback channels) under a unique server name, so tests
 * never touch a user's JACK and never share a server. Used by the tests and by `haptic-server bench callback`.
 */
public final class JackdServer implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final long READY_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final String name;
    private final int periodFrames;
    private final Path logFile;
    private boolean realtime = true;
    private Process process;

    private JackdServer(String name, int periodFrames, Path logFile) {
        this.name = name;
        this.periodFrames = periodFrames;
        this.logFile = logFile;
    }

    /** Starts jackd and returns once a client can connect. Fails the test if jackd is missing or does not come up. */
    public static JackdServer start(int periodFrames) {
        String jackd = findJackd();
        String name = "haptic-test-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        Path log;
        try {
            log = Files.createTempFile(name + "-", ".log");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a jackd log file", e);
        }
        JackdServer s = new JackdServer(name, periodFrames, log);
        Runtime.getRuntime().addShutdownHook(new Thread(s::kill, "jackd-reaper-" + name));
        s.launch(jackd);
        return s;
    }

    private static String findJackd() {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "/usr/bin:/usr/local/bin" : path).split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "jackd");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("jackd is not installed (on Debian/Ubuntu: apt-get install jackd2); "
                + "the JACK tests run a private dummy-driver jackd");
    }

    private void launch(String jackd) {
        startProcess(jackd);
        if (awaitReady()) {
            return;
        }
        if (realtime && !process.isAlive()) {
            // Some containers refuse SCHED_FIFO outright; the dummy driver still works without -R.
            System.err.println("jackd -R failed for " + name + "; retrying without -R (non-realtime scheduling)");
            realtime = false;
            startProcess(jackd);
            if (awaitReady()) {
                return;
            }
        }
        String output = readLog();
        close();
        throw new IllegalStateException("jackd " + name + " did not accept clients within 10 s. Its output:\n" + output);
    }

    private void startProcess(String jackd) {
        List<String> cmd = new ArrayList<>();
        cmd.add(jackd);
        if (realtime) {
            cmd.add("-R");
        }
        cmd.addAll(List.of("-n", name, "-d", "dummy", "-r", "48000", "-p", Integer.toString(periodFrames),
                "-P", "32", "-C", "0"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.environment().put("JACK_NO_AUDIO_RESERVATION", "1");
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run jackd: " + e.getMessage(), e);
        }
    }

    private boolean awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT_NANOS;
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (JackSession probe = JackSession.open("haptic-probe", name)) {
                return probe.sampleRate() > 0;
            } catch (JackClientException e) {
                sleep(50);
            }
        }
        return false;
    }

    public String name() {
        return name;
    }

    public int periodFrames() {
        return periodFrames;
    }

    /** False if this machine refused -R and the server runs without realtime scheduling. */
    public boolean realtime() {
        return realtime;
    }

    /** Changes the server's period while it runs, as `jack_bufsize` does for a user. */
    public void changePeriod(int frames) {
        ProcessBuilder pb = new ProcessBuilder("jack_bufsize", Integer.toString(frames)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.environment().put("JACK_DEFAULT_SERVER", name);
        pb.environment().put("JACK_NO_START_SERVER", "1");
        try {
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("jack_bufsize " + frames + " failed on " + name + ":\n" + readLog());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run jack_bufsize (part of jackd2): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while changing the JACK period", e);
        }
    }

    /** SIGKILL, as in a crash: no goodbye to clients. Waits for the process to be gone. */
    public void kill() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            waitFor(p);
        }
    }

    /** Starts jackd again under the same name and period; returns once a client can connect. */
    public void restart() {
        kill();
        launch(findJackd());
    }

    /** Stops jackd (SIGTERM so it cleans its shared memory, SIGKILL if it lingers) and waits. */
    @Override
    public void close() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                waitFor(p);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** What jackd printed so far, for failure messages. */
    public String readLog() {
        try {
            return Files.readString(logFile);
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    private static void waitFor(Process p) {
        boolean interrupted = false;
        while (p.isAlive()) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
