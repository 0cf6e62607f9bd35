package haptic.server.reliability;

import haptic.client.HapticClient;
import haptic.protocol.InstanceConfig;
import haptic.protocol.Ping;
import haptic.protocol.Pong;
import haptic.protocol.Role;
import haptic.server.HapticServer;
import haptic.server.ServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A million frames of every kind of damage, over thousands of connections, against a real server: it keeps
 * answering a well-behaved client throughout, its heap stays bounded, and once the storm is over nothing
 * of it remains (no controller, no voice).
 */
class HostileInputTest {
    private static final long TARGET_FRAMES = 1_000_000;
    /** Each damaged frame costs a connection, so this is also roughly how many connections the server sees. */
    private static final long TARGET_DAMAGE = 30_000;
    private static final int FUZZ_THREADS = 3;
    private static final int CONNECTIONS_PER_THREAD = 6;
    /** Heap in use after a full GC, whole test JVM included; the server holds a few MB per connection at most. */
    private static final long HEAP_BOUND = 200L << 20;
    private static final Duration PONG_WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void millionHostileFramesLeaveTheServerServingAndClean() throws Exception {
        ServerLog log = new ServerLog();
        ServerOptions o = ServerOptions.headless(dir.resolve("run").resolve("haptic.sock"));
        long heapBefore = usedHeapAfterGc();
        try (HapticServer server = HapticServer.start(o, log);
             HapticClient witness = HapticClient.connect(server.socket(), Role.OBSERVER, "", InstanceConfig.EMPTY,
                     PONG_WAIT)) {
            Pinger pinger = new Pinger(witness);
            Thread pingThread = new Thread(pinger, "hostile-witness");
            pingThread.start();

            HostileFuzzer.Totals totals = new HostileFuzzer.Totals();
            List<HostileFuzzer> fuzzers = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < FUZZ_THREADS; i++) {
                HostileFuzzer f = new HostileFuzzer(server.socket(), 0x5eed0000L + i, CONNECTIONS_PER_THREAD,
                        TARGET_FRAMES, TARGET_DAMAGE, totals);
                fuzzers.add(f);
                Thread t = new Thread(f, "hostile-fuzzer-" + i);
                threads.add(t);
                t.start();
            }
            long heapPeak = 0;
            int heapChecks = 0;
            long pongsAtStart = pinger.pongs.get();
            while (threads.stream().anyMatch(Thread::isAlive)) {
                threads.get(0).join(3000);
                long used = usedHeapAfterGc();
                heapPeak = Math.max(heapPeak, used);
                heapChecks++;
                assertTrue(used < HEAP_BOUND, "heap after GC during the fuzz: " + (used >> 20) + " MB");
                assertNull(pinger.failure, () -> "witness lost its Pong during the fuzz: " + pinger.failure);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long pongsDuring = pinger.pongs.get() - pongsAtStart;
            for (HostileFuzzer f : fuzzers) {
                assertNull(f.failure(), () -> "fuzzer failed: " + f.failure());
            }

            assertTrue(totals.frames.get() >= TARGET_FRAMES, "frames sent: " + totals.frames.get());
            assertTrue(totals.damaged.get() >= TARGET_DAMAGE, "damaged frames sent: " + totals.damaged.get());
            assertTrue(pongsDuring >= 10, "witness kept getting Pongs during the fuzz: " + pongsDuring);
            assertNull(pinger.failure, () -> "witness lost its Pong: " + pinger.failure);

            StuckServer.await(() -> server.ipc().controllers() == 0, Duration.ofSeconds(30),
                    () -> "every fuzz controller gone; " + server.ipc().controllers() + " left");
            StuckServer.await(() -> server.ipc().observers() == 1, Duration.ofSeconds(30),
                    () -> "only the witness left observing; " + server.ipc().observers());
            // Fuzzed RELEASE (up to 5 s) and slow waves may leave tails ringing a while; then nothing.
            StuckServer.await(() -> server.cycle().engine().activeVoices() == 0, Duration.ofSeconds(30),
                    () -> server.cycle().engine().activeVoices() + " voices still active");
            long pongsAfter = pinger.pongs.get();
            StuckServer.await(() -> pinger.pongs.get() >= pongsAfter + 5, PONG_WAIT, () -> "Pongs after the fuzz");
            pinger.stop = true;
            pingThread.join();
            assertNull(pinger.failure, () -> "witness lost its Pong: " + pinger.failure);

            long heapAfter = usedHeapAfterGc();
            System.out.printf("hostile: %,d frames (%,d bytes) in %.1f s = %,.0f frames/s over %,d connections; "
                            + "%d fuzz threads x %d connections%n", totals.frames.get(), totals.bytes.get(), seconds,
                    totals.frames.get() / seconds, totals.connections.get(), FUZZ_THREADS, CONNECTIONS_PER_THREAD);
            System.out.printf("hostile: closed by server %,d, by fuzzer %,d (%,d after waiting for the server), "
                            + "connect failures %d%n", totals.closedByServer.get(), totals.closedHere.get(),
                    totals.lingered.get(), totals.connectFailures.get());
            System.out.printf("hostile: %,d damaged frames written in full; generated by kind %s%n", totals.damaged.get(),
                    totals.hostile);
            System.out.printf("hostile: server log: %,d protocol errors, %,d rejected Hellos, %,d other closes, "
                    + "%,d controllers admitted%n", log.protocolErrors.get(), log.rejected.get(),
                    log.closes.get() - log.protocolErrors.get() - log.rejected.get(), log.admitted.get());
            System.out.printf("hostile: witness got %,d Pongs during the fuzz, slowest %.1f ms%n", pongsDuring,
                    pinger.slowestNanos / 1e6);
            System.out.printf("hostile: heap after GC %d MB before, peak %d MB over %d checks, %d MB after "
                            + "(bound %d MB)%n", heapBefore >> 20, heapPeak >> 20, heapChecks, heapAfter >> 20,
                    HEAP_BOUND >> 20);
            assertTrue(heapAfter < HEAP_BOUND, "heap after GC: " + (heapAfter >> 20) + " MB");
            assertEquals(List.of(), log.alarms, "the server reported failures");
            assertTrue(log.protocolErrors.get() > TARGET_DAMAGE / 2, "the fuzz reached the decoder: " + log.protocolErrors);

        }
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** A well-behaved client: a Ping every few milliseconds, each answered before the next. */
    private static final class Pinger implements Runnable {
        private final HapticClient client;
        final AtomicLong pongs = new AtomicLong();
        volatile boolean stop;
        volatile String failure;
        volatile long slowestNanos;

        Pinger(HapticClient client) {
            this.client = client;
        }

        @Override
        public void run() {
            long nonce = 0;
            try {
                while (!stop) {
                    nonce++;
                    long sent = System.nanoTime();
                    client.send(new Ping(nonce, sent));
                    Pong pong = client.receive(Pong.class, PONG_WAIT);
                    if (pong == null || pong.nonce() != nonce) {
                        failure = pong == null ? "no Pong within " + PONG_WAIT : "Pong " + pong.nonce() + " for " + nonce;
                        return;
                    }
                    slowestNanos = Math.max(slowestNanos, System.nanoTime() - sent);
                    pongs.incrementAndGet();
                    Thread.sleep(10);
                }
            } catch (Exception e) {
                failure = e.toString();
            }
        }
    }

    /** Counts what the server logs instead of keeping it (thousands of connections), except alarms. */
    private static final class ServerLog implements Consumer<String> {
        final List<String> alarms = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicLong protocolErrors = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong closes = new AtomicLong();
        final AtomicLong admitted = new AtomicLong();
        private final ArrayDeque<String> recent = new ArrayDeque<>();

        @Override
        public void accept(String line) {
            if (line.contains("ipc: unexpected") || line.contains("threw") || line.contains("internal error")) {
                alarms.add(line);
            }
            if (line.contains(" closed: ")) {
                closes.incrementAndGet();
                if (line.contains("closed: protocol error")) {
                    protocolErrors.incrementAndGet();
                } else if (line.contains("closed: rejected")) {
                    rejected.incrementAndGet();
                }
            } else if (line.contains("(controller") && line.contains(") accepted")) {
                admitted.incrementAndGet();
            }
            synchronized (recent) {
                recent.add(line);
                if (recent.size() > 20) {
                    recent.poll();
                }
            }
        }
    }
}
