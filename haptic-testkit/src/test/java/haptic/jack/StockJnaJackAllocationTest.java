package haptic.jack;

import haptic.testkit.Await;
import haptic.testkit.ThreadAllocation;
import haptic.testkit.JackdServer;

import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackPort;
import org.jaudiolibs.jnajack.JackPortFlags;
import org.jaudiolibs.jnajack.JackPortType;
import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why the JACK path has its own process callback: the same 32-port output job through JNAJack's
 * setProcessCallback versus through {@link JackSession#onProcess} and {@link JackPortBuffer}.
 */
class StockJnaJackAllocationTest {
    private static final int PORTS = 32;

    private volatile long threadId;
    private volatile Thread processThread;
    private volatile long cycles;
    private volatile boolean stop;

    @Test
    void stockJnaJackAllocatesEveryCycleOursDoesNot() throws JackException {
        try (JackdServer server = JackdServer.start(64)) {
            double stock = measureStock(server.name());
            double ours = measureOurs(server.name());
            System.out.printf("bytes per cycle with %d ports: stock JNAJack %.1f, ours %.1f%n", PORTS, stock, ours);
            assertTrue(stock > 0, "the stock measurement should see JNAJack's per-cycle Pointer allocations");
            assertEquals(0.0, ours);
        }
    }

    private double measureStock(String server) throws JackException {
        try (JackSession session = JackSession.open("stock-jnajack", server)) {
            JackClient client = session.jnaJackClient();
            JackPort[] ports = new JackPort[PORTS];
            for (int i = 0; i < PORTS; i++) {
                ports[i] = client.registerPort("out_" + (i + 1), JackPortType.AUDIO, JackPortFlags.JackPortIsOutput);
            }
            client.setProcessCallback((c, nframes) -> {
                if (stop) {
                    return false;
                }
                enter();
                for (JackPort p : ports) {
                    FloatBuffer b = p.getFloatBuffer();
                    for (int i = 0; i < nframes; i++) {
                        b.put(i, 0f);
                    }
                }
                return true;
            });
            client.activate();
            double result = bytesPerCycle();
            endStockProcessThread();
            return result;
        }
    }

    private double measureOurs(String server) {
        try (JackSession session = JackSession.open("ours", server)) {
            JackPortBuffer[] ports = new JackPortBuffer[PORTS];
            for (int i = 0; i < PORTS; i++) {
                ports[i] = session.registerOutput("out_" + (i + 1));
            }
            float[] silence = new float[session.bufferSize()];
            session.onProcess(nframes -> {
                enter();
                for (JackPortBuffer p : ports) {
                    p.write(silence, nframes);
                }
            }, "haptic-jack-process");
            session.activate();
            return bytesPerCycle();
        }
    }

    private void enter() {
        if (threadId == 0) {
            processThread = Thread.currentThread();
            threadId = processThread.getId();
        }
        cycles = cycles + 1;
    }

    /**
     * A callback returning false makes libjack end the process thread itself; closing the client with the
     * thread still inside Java would let jack_client_close cancel it there (see JackSession#close).
     */
    private void endStockProcessThread() {
        stop = true;
        try {
            processThread.join(2000);
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop = false;
    }

    private double bytesPerCycle() {
        threadId = 0;
        cycles = 0;
        Await.until(() -> cycles > 1500, 10_000, "JACK running the process callback");
        long tid = threadId;
        long c0 = cycles;
        long b0 = ThreadAllocation.bytes(tid);
        Await.sleep(2000);
        long b1 = ThreadAllocation.bytes(tid);
        long n = cycles - c0;
        assertTrue(n > 1000, "only " + n + " cycles in 2 s");
        return (b1 - b0) / (double) n;
    }
}
