package haptic.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import haptic.client.HapticClient;
import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.Param;
import haptic.protocol.ParameterChange;
import haptic.protocol.Ping;
import haptic.protocol.Pong;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One controller floods MpeUpdates at full speed while 15 others play and 2 observers watch, on a real server
 * (headless backend). The flood must not delay anybody's notes by more than a period, must not starve the
 * observers' telemetry, and must not cost a single NoteOn or NoteOff. Run at 64 frames, where the audio
 * thread applies commands faster than one client can send them, and at 256, where it cannot and the flood
 * has to be coalesced rather than queued in front of other controllers' notes.
 */
class FairnessTest {
    private static final int NOTES_PER_PLAYER = 16;
    private static final int PROBE_NOTES = 60;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}-frame periods")
    @ValueSource(ints = {64, 256})
    void aFloodNeitherDelaysAnotherControllersNotesByMoreThanAPeriodNorStarvesObservers(int period)
            throws Exception {
        try (FairnessRig rig = new FairnessRig(dir, period)) {
            long[] quiet = probeLatencies(rig, new SplittableRandom(1));

            rig.flood.flood(true);
            long floodSentBefore = rig.flood.sent();
            long mergedBefore = rig.server.ipc().mergedExpressions();
            Thread.sleep(200); // let the flood reach its steady state before measuring
            long from = System.nanoTime();
            long[] flooded = probeLatencies(rig, new SplittableRandom(2));
            long to = System.nanoTime();
            rig.flood.flood(false);
            long floodSent = rig.flood.sent() - floodSentBefore;
            double seconds = (to - from) / 1e9;

            double quietP50 = percentileMillis(quiet, 50);
            double quietP90 = percentileMillis(quiet, 90);
            double floodP50 = percentileMillis(flooded, 50);
            double floodP90 = percentileMillis(flooded, 90);
            double periodMillis = rig.periodNanos / 1e6;
            System.out.printf("period %d: NoteOn → engine over %d notes: quiet p50 %.2f ms p90 %.2f ms max %.2f ms; "
                            + "flooded p50 %.2f ms p90 %.2f ms max %.2f ms (period %.2f ms)%n", period, PROBE_NOTES,
                    quietP50, quietP90, percentileMillis(quiet, 100), floodP50, floodP90,
                    percentileMillis(flooded, 100), periodMillis);
            System.out.printf("period %d: flood of %d MpeUpdates in %.2f s (%.0f/s); %d merged while waiting; "
                            + "backlog high water %d%n", period, floodSent, seconds, floodSent / seconds,
                    rig.server.ipc().mergedExpressions() - mergedBefore, rig.server.ipc().backlogHighWater());
            assertNull(rig.flood.failure(), "the flooding controller stays connected");
            assertTrue(floodSent > 100L * PROBE_NOTES, "a flood: " + floodSent + " updates against " + PROBE_NOTES
                    + " notes");

            // One period of extra delay is allowed. The slack covers two cores shared by the flooder, the IPC
            // thread, the paced audio thread and this poller; a NoteOn queued behind a link full of updates
            // waits two periods or more and fails.
            assertTrue(floodP50 <= quietP50 + periodMillis + 1.0, "median NoteOn delay under flood " + floodP50
                    + " ms vs " + quietP50 + " ms without (period " + periodMillis + " ms)");
            assertTrue(floodP90 <= quietP90 + periodMillis + 3.0, "p90 NoteOn delay under flood " + floodP90
                    + " ms vs " + quietP90 + " ms without (period " + periodMillis + " ms)");

            for (FairnessObserver w : rig.observers) {
                int levels = w.levelsBetween(from, to);
                double hz = levels / seconds;
                System.out.printf("period %d: observer got %d TransducerLevels during the flood (%.1f Hz)%n", period,
                        levels, hz);
                assertTrue(w.connected(), "observer still connected: " + w.failure());
                assertTrue(hz >= 30, "observer kept receiving levels at " + hz + " Hz during the flood");
            }
        }
    }

    /**
     * NoteOn, wait until the engine has a voice more, NoteOff, wait until it is gone; at random phases relative
     * to the period. Returns send → applied times in nanoseconds.
     */
    private static long[] probeLatencies(FairnessRig rig, SplittableRandom random) throws IOException {
        long[] latency = new long[PROBE_NOTES];
        int base = FairnessFlood.CHANNELS;
        for (int i = 0; i < PROBE_NOTES; i++) {
            rig.awaitVoices(n -> n == base, "silence before probe note " + i);
            LockSupport.parkNanos(random.nextLong(rig.periodNanos * 3));
            int note = 60 + i % 12;
            long sent = System.nanoTime();
            rig.probe.send(new NoteOn(0, note, 1f, 1f, -1f, 0f));
            long deadline = sent + 2_000_000_000L;
            while (rig.voices() <= base) {
                if (System.nanoTime() > deadline) {
                    fail("probe note " + i + " never reached the engine");
                }
                LockSupport.parkNanos(20_000);
            }
            latency[i] = System.nanoTime() - sent;
            rig.probe.send(new NoteOff(0, note, 0f));
        }
        rig.awaitVoices(n -> n == base, "silence after the probe notes");
        return latency;
    }

    private static double percentileMillis(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    @ParameterizedTest(name = "{0}-frame periods")
    @ValueSource(ints = {64, 256})
    void underFloodEveryNoteOnAndNoteOffOfFourteenControllersIsAppliedAndEveryVoiceReleased(int period)
            throws Exception {
        int players = FairnessRig.PLAYERS;
        ExecutorService pool = Executors.newFixedThreadPool(players);
        long noteOns = 0;
        long noteOffs = 0;
        long releasedByDisconnect = 0;
        try (FairnessRig rig = new FairnessRig(dir, period)) {
            long mergedBefore = rig.server.ipc().mergedExpressions();
            rig.flood.flood(true);
            try {
                for (int round = 0; round < 4; round++) {
                    int r = round;
                    run(pool, p -> {
                        HapticClient c = rig.players[p];
                        for (int ch = 0; ch < NOTES_PER_PLAYER; ch++) {
                            c.send(new NoteOn(ch, 60 + r, 0.8f, 0.5f, ch / 8f - 1f, p / (float) players));
                            c.send(new MpeUpdate(ch, 0.6f, ch / 8f - 0.9f, 0.5f));
                            c.send(new ParameterChange(Param.DECAY_EXPONENT, 1f + ch / 16f));
                        }
                        sync(c, p);
                    });
                    int held = FairnessFlood.CHANNELS + players * NOTES_PER_PLAYER;
                    rig.awaitVoices(n -> n == held, "every NoteOn of round " + round + " (" + held + " voices)");
                    noteOns += players * NOTES_PER_PLAYER;

                    // Odd rounds: half the players vanish with their notes held and come back (release + reset).
                    boolean lifecycle = round % 2 == 1;
                    run(pool, p -> {
                        if (lifecycle && p % 2 == 0) {
                            rig.players[p].close();
                            // A new identity: the server may not have noticed the old connection's end yet.
                            rig.players[p] = rig.controller("player-" + p + "-" + r);
                            return;
                        }
                        HapticClient c = rig.players[p];
                        for (int ch = 0; ch < NOTES_PER_PLAYER; ch++) {
                            c.send(new NoteOff(ch, 60 + r, 0f));
                            // Expression right behind the NoteOff: it must neither revive nor overtake it.
                            c.send(new MpeUpdate(ch, 1f, 0f, 1f));
                        }
                        sync(c, p);
                    });
                    int releasing = lifecycle ? players / 2 : 0;
                    noteOffs += (long) (players - releasing) * NOTES_PER_PLAYER;
                    releasedByDisconnect += (long) releasing * NOTES_PER_PLAYER;
                    rig.awaitVoices(n -> n == FairnessFlood.CHANNELS, "every voice of round " + round + " released");
                }
            } finally {
                rig.flood.flood(false);
            }
            long merged = rig.server.ipc().mergedExpressions() - mergedBefore;
            System.out.printf("period %d under flood: %d NoteOns applied, %d NoteOffs and %d disconnect releases "
                            + "applied, %d MpeUpdates merged, backlog high water %d%n", period, noteOns, noteOffs,
                    releasedByDisconnect, merged, rig.server.ipc().backlogHighWater());
            assertNull(rig.flood.failure(), "the flooding controller stays connected");
            assertEquals(2 + players, rig.server.ipc().controllers(), "no controller was dropped");
            assertEquals(2, rig.server.ipc().observers(), "no observer was dropped");
            assertEquals(0, rig.server.cycle().engine().nonFiniteCount());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Ping → Pong: the server has read everything this client sent before. */
    private static void sync(HapticClient c, int p) throws IOException {
        c.send(new Ping(p, System.nanoTime()));
        Pong pong = c.receive(Pong.class, Duration.ofSeconds(10));
        assertTrue(pong != null && pong.nonce() == p, "player " + p + " got its Pong");
    }

    private interface PlayerStep {
        void play(int player) throws Exception;
    }

    private static void run(ExecutorService pool, PlayerStep step) throws Exception {
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int p = 0; p < FairnessRig.PLAYERS; p++) {
            int player = p;
            tasks.add(() -> {
                step.play(player);
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(tasks)) {
            f.get();
        }
    }
}
