package haptic.plugin;

import haptic.testkit.ThreadAllocation;
import haptic.testkit.Await;
import haptic.protocol.Param;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * process() on the calling (audio) thread allocates nothing: note bursts, MPE floods of thousands of events
 * per block, parameter automation, note expression, pedal and zone changes, and a server restart in the
 * middle of it all. Blocks are paced like a 48 kHz / 64-frame host so the server is not flooded with notes.
 */
class ProcessAllocationTest {
    private static final long BLOCK_NANOS = TimeUnit.MICROSECONDS.toNanos(1333);
    private static final int FLOOD = 3000;

    @TempDir
    Path dir;

    private LiveServer server;
    private HapticPlugin plugin;

    @AfterEach
    void tearDown() {
        if (plugin != null) {
            plugin.dispose();
        }
        if (server != null) {
            server.close();
        }
    }

    /** One host block; what it holds depends on its number so every path runs again and again. */
    private static void block(EventWriter w, int i) {
        int base = 36 + (i % 4) * 12;
        for (int k = 0; k < 8; k++) {
            w.noteOn(1 + k, base + k, i * 8 + k, 0.5f + k / 20f);
        }
        for (int e = 0; e < FLOOD; e++) {
            float v = ((i + e) % 128) / 127f;
            switch (e % 6) {
                case 0 -> w.midi(1 + e % 8, MidiParameters.VST_PITCH_BEND, v);
                case 1 -> w.midi(1 + e % 8, MidiParameters.VST_AFTERTOUCH, v);
                case 2 -> w.cc(1 + e % 8, 74, (int) (v * 127));
                case 3 -> w.polyPressure(1 + e % 8, base + e % 8, v);
                case 4 -> w.expression(i * 8 + e % 8, MpeTranslator.EXPRESSION_TUNING, v);
                default -> w.midi(0, MidiParameters.VST_PITCH_BEND, v);
            }
        }
        w.parameter(Param.WAVE_SPEED.id(), (i % 100) / 99f).parameter(Param.GAIN.id(), 0.5f);
        w.cc(1, 64, (i & 1) == 0 ? 127 : 0);
        if (i % 50 == 0) {
            // Zone reconfiguration and bend range: RPN 6 then RPN 0 on the lower master.
            w.cc(0, 101, 0).cc(0, 100, 6).cc(0, 6, 8 + i % 8).cc(0, 100, 0).cc(0, 6, 24).cc(0, 38, 0);
        }
        for (int k = 0; k < 8; k++) {
            w.noteOff(1 + k, base + k, 0.3f);
        }
        w.process();
    }

    private static long allocatedBytes() {
        return ThreadAllocation.bytes(Thread.currentThread().getId());
    }

    @Test
    void processAllocatesNothing() throws Exception {
        Path socket = dir.resolve("run").resolve("haptic.sock");
        server = LiveServer.start(socket);
        plugin = TestPlugins.connected(dir.resolve("res"), socket);
        EventWriter w = new EventWriter(plugin);
        int i = 0;
        long next = System.nanoTime();
        for (; i < 4000; i++) {
            block(w, i);
            next = pace(next);
        }
        allocatedBytes();
        allocatedBytes();

        long before = allocatedBytes();
        for (int end = i + 2000; i < end; i++) {
            block(w, i);
            next = pace(next);
        }
        long steady = allocatedBytes() - before;

        AtomicReference<Throwable> restartFailure = new AtomicReference<>();
        AtomicReference<LiveServer> restarted = new AtomicReference<>();
        Thread restart = new Thread(() -> {
            try {
                server.close();
                while (plugin.connected()) {
                    Await.sleep(5);
                }
                Await.sleep(300);
                restarted.set(LiveServer.start(socket));
            } catch (Throwable t) {
                restartFailure.set(t);
            }
        }, "server-restart");
        before = allocatedBytes();
        restart.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int handshakes = 0;
        int afterReconnect = 0;
        while (afterReconnect < 1000 && System.nanoTime() < deadline) {
            block(w, i++);
            next = pace(next);
            if (handshakes < 2) {
                handshakes = plugin.connection().handshakes();
            } else {
                afterReconnect++;
            }
        }
        long acrossRestart = allocatedBytes() - before;
        restart.join();
        server = restarted.get();
        assertNull(restartFailure.get());
        assertEquals(2, handshakes, "the plugin reconnected while process() kept running");
        assertEquals(0, plugin.outbox().lost(), "no note was lost");
        assertEquals(0, steady, "bytes allocated by process() over 2000 blocks of " + FLOOD + "+ events");
        assertEquals(0, acrossRestart, "bytes allocated by process() across a server restart");

        // The restarted server really plays what process() sends.
        w.noteOn(0, 60, -1, 1f).process();
        LiveServer s = server;
        Await.until(() -> s.activeVoices() > 0, "a voice on the restarted server");
        assertTrue(i > 7000);
    }

    /** Waits for the next block time without allocating (parkNanos, not sleep). */
    private static long pace(long next) {
        long target = next + BLOCK_NANOS;
        long wait = target - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        return Math.max(target, System.nanoTime() - BLOCK_NANOS);
    }
}
