package haptic.server.ipc;

import haptic.protocol.LayoutInfo;
import haptic.server.link.CommandLink;
import haptic.server.link.TelemetryLink;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** An {@link IpcServer} on a real socket in a temp directory, with its links and a captured log. */
final class RunningServer implements AutoCloseable {
    static final int TRANSDUCERS = 32;
    static final int MAX_VOICES = 128;
    static final LayoutInfo LAYOUT = layout();
    static final ServerInfo INFO = new ServerInfo() {
        @Override
        public String serverVersion() {
            return "test-0.1";
        }

        @Override
        public String backendName() {
            return "headless";
        }

        @Override
        public float sampleRate() {
            return 48000f;
        }

        @Override
        public int periodFrames() {
            return 256;
        }

        @Override
        public LayoutInfo layout() {
            return LAYOUT;
        }
    };

    final Path socket;
    final CommandLink commands;
    final TelemetryLink telemetry;
    final EngineSide engine;
    final List<String> log = new CopyOnWriteArrayList<>();
    final IpcServer server;

    RunningServer(Path socket, int commandCapacity, int slots) {
        this.socket = socket;
        this.commands = new CommandLink(commandCapacity);
        this.telemetry = new TelemetryLink(64, TRANSDUCERS, MAX_VOICES);
        this.engine = new EngineSide(commands);
        this.server = new IpcServer(socket, commands, telemetry, INFO, slots, log::add);
    }

    static RunningServer start(Path dir) throws IOException {
        return start(dir, 1024, 8);
    }

    static RunningServer start(Path dir, int commandCapacity, int slots) throws IOException {
        RunningServer s = new RunningServer(dir.resolve("run").resolve("haptic.sock"), commandCapacity, slots);
        s.server.start();
        return s;
    }

    boolean logContains(String fragment) {
        return log.stream().anyMatch(l -> l.contains(fragment));
    }

    List<String> logLines(String fragment) {
        List<String> out = new ArrayList<>();
        for (String l : log) {
            if (l.contains(fragment)) {
                out.add(l);
            }
        }
        return out;
    }

    void awaitLog(String fragment) {
        await(() -> logContains(fragment), "log line containing '" + fragment + "'");
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }

    private static LayoutInfo layout() {
        String[] names = new String[TRANSDUCERS];
        float[] x = new float[TRANSDUCERS];
        float[] y = new float[TRANSDUCERS];
        for (int i = 0; i < TRANSDUCERS; i++) {
            names[i] = "t" + i;
            x[i] = (i % 8) * 0.1f;
            y[i] = (i / 8) * 0.1f;
        }
        return new LayoutInfo("test grid", names, x, y);
    }
}
