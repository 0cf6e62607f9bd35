package haptic.server.reliability;

import haptic.client.HapticClient;
import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOn;
import java.io.IOException;

/**
 * A controller that holds a note on every channel and then sends MpeUpdates as fast as its thread can,
 * sweeping each channel's source across the table: the worst a buggy or overeager plugin can do
 * without breaking the protocol.
 */
final class FairnessFlood implements AutoCloseable {
    static final int CHANNELS = 16;

    private final HapticClient client;
    private final Thread thread;
    private volatile boolean flooding;
    private volatile boolean stop;
    private volatile long sent;
    private volatile IOException failure;

    FairnessFlood(HapticClient client) {
        this.client = client;
        this.thread = new Thread(this::run, "fairness-flood");
        thread.setDaemon(true);
    }

    /** Holds one note per channel, so every update moves a sounding source; the thread waits for {@link #flood}. */
    void start() throws IOException {
        for (int ch = 0; ch < CHANNELS; ch++) {
            client.send(new NoteOn(ch, 40 + ch, 0.5f, 0.5f, 0f, 0.5f));
        }
        thread.start();
    }

    void flood(boolean on) {
        flooding = on;
    }

    long sent() {
        return sent;
    }

    IOException failure() {
        return failure;
    }

    private void run() {
        long n = 0;
        try {
            while (!stop) {
                if (!flooding) {
                    Thread.sleep(1);
                    continue;
                }
                // No pause between sends: the socket's own back-pressure is the only brake.
                float phase = (n % 1000) / 1000f;
                client.send(new MpeUpdate((int) (n % CHANNELS), phase, 2 * phase - 1, 1 - phase));
                n++;
                sent = n;
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        stop = true;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }
}
