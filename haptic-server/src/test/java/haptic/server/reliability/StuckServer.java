package haptic.server.reliability;

import haptic.server.HapticServer;
import haptic.server.ServerOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** A real headless server on a socket in a temp directory, with its log kept and timestamped. */
final class StuckServer implements AutoCloseable {
    /** One log line and the System.nanoTime() at which the server wrote it. */
    record Line(long nanos, String text) {
    }

    final HapticServer server;
    final ConcurrentLinkedQueue<Line> log;

    private StuckServer(HapticServer server, ConcurrentLinkedQueue<Line> log) {
        this.server = server;
        this.log = log;
    }

    static StuckServer start(Path dir) throws Exception {
        ServerOptions o = ServerOptions.headless(dir.resolve("run").resolve("haptic.sock"));
        ConcurrentLinkedQueue<Line> log = new ConcurrentLinkedQueue<>();
        HapticServer s = HapticServer.start(o, line -> log.add(new Line(System.nanoTime(), line)));
        return new StuckServer(s, log);
    }

    Path socket() {
        return server.socket();
    }

    int activeVoices() {
        return server.cycle().engine().activeVoices();
    }

    /** Longest a Wave voice can go on sounding after its envelope ends: its longest possible delay. */
    double maxTailSeconds() {
        var settings = server.cycle().engine().settings();
        return settings.maxDelaySamples() / (double) settings.sampleRate;
    }

    List<Line> lines(String fragment) {
        List<Line> out = new ArrayList<>();
        for (Line l : log) {
            if (l.text().contains(fragment)) {
                out.add(l);
            }
        }
        return out;
    }

    /** When the first line containing {@code fragment} was written, waiting for it if need be. */
    long awaitLine(String fragment, Duration wait) {
        await(() -> !lines(fragment).isEmpty(), wait, "a log line containing '" + fragment + "'; log: " + text());
        return lines(fragment).get(0).nanos();
    }

    String text() {
        StringBuilder b = new StringBuilder();
        for (Line l : log) {
            b.append(l.text()).append('\n');
        }
        return b.toString();
    }

    /** @return System.nanoTime() once {@code condition} holds */
    static long await(BooleanSupplier condition, Duration wait, String what) {
        return await(condition, wait, () -> what);
    }

    static long await(BooleanSupplier condition, Duration wait, Supplier<String> what) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + wait + " waiting for " + what.get());
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return System.nanoTime();
    }

    @Override
    public void close() {
        server.close();
    }
}
