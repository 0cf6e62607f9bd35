package haptic.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import haptic.client.HapticClient;
import haptic.engine.Layout;
import haptic.protocol.EngineStatus;
import haptic.protocol.InstanceConfig;
import haptic.protocol.Role;
import haptic.server.HapticServer;
import haptic.server.ServerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C test host loads the bundle and plays notes; the plugin's Java side sends them over the socket to a
 * headless server in this JVM. The server must see voices exactly where the host's pitch bend and CC74 put
 * them (each NoteOn arriving behind a burst of events larger than the Java side's event buffer), and none
 * once the host has let go. Meanwhile the host's audio thread must not allocate native memory inside
 * process() (shim, JNI transition and Java together) once warmed up, with the shipped JVM options.
 */
class PluginInHeadlessServerIT {
    private static final int NOTES = 8;
    /** Events ahead of each NoteOn in its block: more than the Java side's buffer, so the shim batches. */
    private static final int BURST = 1500;
    private static final Pattern JVM_STARTED = Pattern.compile("haptic-plugin: haptic-plugin \\S+ \\(content "
            + "sha256:[0-9a-f]+, protocol \\d+\\); Java (\\S+)");

    private static final Path PROBE = Path.of(System.getProperty("haptic.shim.probe",
            "target/test-host/allocation-probe.so"));

    @TempDir
    Path dir;

    @Test
    void notesReachTheServerAtTheSourcePositionsTheHostAskedFor() throws Exception {
        ServerOptions o = ServerOptions.headless(dir.resolve("haptic.sock"));
        List<String> serverLog = Collections.synchronizedList(new ArrayList<>());
        try (HapticServer server = HapticServer.start(o, serverLog::add);
             StatusWatch watch = new StatusWatch(HapticClient.connect(server.socket(), Role.OBSERVER, "it-watch",
                     InstanceConfig.EMPTY, Duration.ofSeconds(5)))) {
            PluginBundle bundle = PluginBundle.copy(dir, Map.of());
            // Notes held 200 ms: several status snapshots see each one.
            // The allocation probe counts malloc calls on the audio thread during process() after warm-up.
            HostRun run = TestHost.run(dir, List.of(), Map.of("HAPTIC_SOCKET", server.socket().toString(),
                            "LD_PRELOAD", PROBE.toAbsolutePath().toString()),
                    List.of("--realtime", "--lead-in-blocks", "300", "--notes", Integer.toString(NOTES),
                            "--hold-blocks", "150", "--gap-blocks", "40", "--burst", Integer.toString(BURST)),
                    bundle, Duration.ofMinutes(2));
            System.out.println(run.transcript());
            System.out.println("--- plugin log\n" + bundle.log());

            assertEquals(0, run.exitCode(), run.transcript());
            assertEquals(List.of(), run.failedSteps(), run.transcript());
            assertTrue(run.stepPassed("allocation-probe") && run.stepPassed("audio-thread-allocations"),
                    "the probe was active and saw no allocation in process(): " + run.transcript());
            List<HostRun.NoteOnLine> notes = run.noteOns();
            assertEquals(NOTES, notes.size(), "one noteon line per note");

            Matcher started = JVM_STARTED.matcher(run.stderr());
            assertTrue(started.find(), "the shim logs Java's build identity: " + run.stderr());
            assertTrue(!started.find(), "one JVM for both instances: build identity logged once");
            assertTrue(bundle.log().contains("haptic-plugin: haptic-plugin "), "the log file has it too");

            Layout layout = server.layout();
            List<EngineStatus> statuses = watch.seen();
            int maxVoices = statuses.stream().mapToInt(EngineStatus::activeVoices).max().orElse(0);
            assertTrue(maxVoices >= 1, "the server played the host's notes; statuses seen: " + statuses.size());
            System.out.println(statuses.size() + " statuses, at most " + maxVoices + " voices, positions "
                    + positions(statuses));
            Set<TableCorner> expected = new LinkedHashSet<>();
            for (HostRun.NoteOnLine n : notes) {
                expected.add(TableCorner.of(layout, n.bend(), n.timbre()));
            }
            for (TableCorner corner : expected) {
                boolean seen = statuses.stream().anyMatch(s -> hasVoiceAt(s, corner));
                assertTrue(seen, "a voice at " + corner + " (from the host's bend/CC74) in some status; "
                        + "positions seen: " + positions(statuses));
            }

            awaitQuiet(watch);
            assertEquals(0, server.ipc().controllers(), "the plugin instances disconnected on terminate");
            assertNull(watch.failure(), "the observer connection stayed healthy");
        }
    }

    private static boolean hasVoiceAt(EngineStatus s, TableCorner c) {
        float[] xy = s.voiceXY();
        for (int i = 0; i + 1 < xy.length; i += 2) {
            if (Math.abs(xy[i] - c.x()) < 0.005f && Math.abs(xy[i + 1] - c.y()) < 0.005f) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> positions(List<EngineStatus> statuses) {
        Set<String> out = new LinkedHashSet<>();
        for (EngineStatus s : statuses) {
            float[] xy = s.voiceXY();
            for (int i = 0; i + 1 < xy.length; i += 2) {
                out.add(String.format("(%.3f, %.3f)", xy[i], xy[i + 1]));
            }
        }
        return out;
    }

    /** After the host exits, every note it played has been released and has died away. */
    private static void awaitQuiet(StatusWatch watch) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            EngineStatus s = watch.latest();
            if (s != null && s.activeVoices() == 0 && s.controllers() == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("voices or controllers left after the host ended: " + watch.latest());
    }
}
