package haptic.shim;

import haptic.client.HapticClient;
import haptic.protocol.EngineStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** An observer connection that keeps every EngineStatus the server sends, on its own thread. */
final class StatusWatch implements AutoCloseable {
    private final HapticClient client;
    private final List<EngineStatus> seen = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile IOException failure;

    StatusWatch(HapticClient client) {
        this.client = client;
        thread = new Thread(this::receive, "status-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void receive() {
        try {
            while (running) {
                EngineStatus s = client.receive(EngineStatus.class, Duration.ofMillis(200));
                if (s != null) {
                    synchronized (seen) {
                        seen.add(s);
                    }
                }
            }
        } catch (IOException e) {
            if (running) {
                failure = e;
            }
        }
    }

    List<EngineStatus> seen() {
        synchronized (seen) {
            return new ArrayList<>(seen);
        }
    }

    EngineStatus latest() {
        synchronized (seen) {
            return seen.isEmpty() ? null : seen.get(seen.size() - 1);
        }
    }

    IOException failure() {
        return failure;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        running = false;
        thread.join(2000);
        client.close();
    }
}
