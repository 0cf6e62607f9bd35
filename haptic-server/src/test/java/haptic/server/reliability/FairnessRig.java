package haptic.server.reliability;

import haptic.server.audio.Backend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import haptic.client.HapticClient;
import haptic.protocol.InstanceConfig;
import haptic.protocol.Param;
import haptic.protocol.Role;
import haptic.server.HapticServer;
import haptic.server.ServerOptions;
import haptic.server.audio.AudioException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;

/**
 * A headless server with 16 controllers — one flooding MPE, one probing note latency, 14 players — and
 * 2 observers, all connected before a test starts.
 */
final class FairnessRig implements AutoCloseable {
    static final int PLAYERS = 14;

    final int period;
    final long periodNanos;
    final HapticServer server;
    final FairnessFlood flood;
    final HapticClient probe;
    final HapticClient[] players = new HapticClient[PLAYERS];
    final FairnessObserver[] observers = new FairnessObserver[2];
    private final List<String> log = new ArrayList<>();

    FairnessRig(Path dir, int period) throws IOException, AudioException {
        this.period = period;
        ServerOptions o = new ServerOptions();
        o.audio.backend = Backend.HEADLESS;
        o.audio.headlessPeriod = period;
        o.socket = dir.resolve("haptic-" + period + ".sock").toString();
        server = HapticServer.start(o, line -> {
            synchronized (log) {
                log.add(line);
            }
        });
        periodNanos = (long) (period * 1e9 / server.output().sampleRate());
        try {
            flood = new FairnessFlood(controller("flood"));
            probe = controller("probe");
            for (int i = 0; i < PLAYERS; i++) {
                players[i] = controller("player-" + i);
            }
            for (int i = 0; i < observers.length; i++) {
                observers[i] = new FairnessObserver(HapticClient.connect(server.socket(), Role.OBSERVER,
                        "watch-" + i, InstanceConfig.EMPTY, Duration.ofSeconds(5)), "fairness-observer-" + i);
            }
            flood.start();
            awaitVoices(n -> n == FairnessFlood.CHANNELS, "the flooding controller's held notes");
            assertEquals(2 + PLAYERS, server.ipc().controllers());
            assertEquals(2, server.ipc().observers());
        } catch (IOException | RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** Short release and fast waves: a released voice is gone within a few milliseconds. */
    HapticClient controller(String id) throws IOException {
        InstanceConfig cfg = new InstanceConfig(id, new int[] {Param.RELEASE.id(), Param.WAVE_SPEED.id()},
                new float[] {Param.RELEASE.min(), Param.WAVE_SPEED.max()});
        return HapticClient.connect(server.socket(), Role.CONTROLLER, id, cfg, Duration.ofSeconds(5));
    }

    /** Occupied voice slots, read from the engine (racy but monotone enough to poll). */
    int voices() {
        return server.cycle().engine().activeVoices();
    }

    void awaitVoices(IntPredicate ok, String what) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int n;
        while (!ok.test(n = voices())) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what + ": " + n + " voices sounding");
            }
            LockSupport.parkNanos(200_000);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (flood != null) {
                flood.close();
            }
            for (FairnessObserver w : observers) {
                if (w != null) {
                    w.close();
                }
            }
            if (probe != null) {
                probe.close();
            }
            for (HapticClient p : players) {
                if (p != null) {
                    p.close();
                }
            }
        } finally {
            server.close();
            synchronized (log) {
                log.stream().filter(l -> !l.contains(" connected") && !l.contains(" accepted"))
                        .forEach(System.out::println);
            }
        }
    }
}
