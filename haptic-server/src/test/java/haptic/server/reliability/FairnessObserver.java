package haptic.server.reliability;

import haptic.client.HapticClient;
import haptic.protocol.EngineStatus;
import haptic.protocol.TransducerLevels;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;

/** An observer connection read on its own thread, remembering when each TransducerLevels arrived. */
final class FairnessObserver implements AutoCloseable {
    private final HapticClient client;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Long> levelArrivals = new ConcurrentLinkedQueue<>();
    private volatile EngineStatus lastStatus;
    private volatile boolean stop;
    private volatile Exception failure;

    FairnessObserver(HapticClient client, String name) {
        this.client = client;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (!stop) {
                Object msg = client.receive(Duration.ofMillis(100));
                if (msg instanceof TransducerLevels) {
                    levelArrivals.add(System.nanoTime());
                } else if (msg instanceof EngineStatus s) {
                    lastStatus = s;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!stop) {
                failure = e;
            }
        }
    }

    /** TransducerLevels messages that arrived within [fromNanos, toNanos). */
    int levelsBetween(long fromNanos, long toNanos) {
        int n = 0;
        for (long t : levelArrivals) {
            if (t - fromNanos >= 0 && t - toNanos < 0) {
                n++;
            }
        }
        return n;
    }

    EngineStatus lastStatus() {
        return lastStatus;
    }

    Exception failure() {
        return failure;
    }

    boolean connected() {
        return client.isOpen() && failure == null;
    }

    @Override
    public void close() throws IOException {
        stop = true;
        client.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
