package haptic.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import haptic.engine.Layout;
import haptic.server.HapticServer;
import haptic.server.ServerOptions;
import haptic.testkit.JackCapture;
import haptic.testkit.JackdServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a private jackd dummy server: C test host → plugin → socket → server (JACK backend) → 32 JACK
 * ports → a capture client. Every note must start on the transducer under the source the host placed it at,
 * and the time from the host's process() call with the NoteOn to the first sample on that port is measured.
 */
class PluginOnJackIT {
    private static final int NOTES = 40;
    private static final int HOLD_BLOCKS = 15;
    /** Long enough for the shortest release plus the longest propagation delay: silence before each note. */
    private static final int GAP_BLOCKS = 75;
    /** 0.8 s before the first note: the plugin connects to the server when the host activates it. */
    private static final String LEAD_IN_BLOCKS = "600";
    private static final double CAPTURE_SECONDS = 14;

    @TempDir
    Path dir;

    @Test
    void notesStartOnTheTransducerUnderTheirSourceAndTheLatencyIsMeasured() throws Exception {
        try (JackdServer jackd = JackdServer.start(64)) {
            ServerOptions o = ServerOptions.onJack(jackd.name(), dir);
            List<String> serverLog = new ArrayList<>();
            try (HapticServer server = HapticServer.start(o, line -> {
                synchronized (serverLog) {
                    serverLog.add(line);
                }
            })) {
                Layout layout = server.layout();
                List<String> ports = server.output().jackOutputPorts();
                try (JackCapture capture = new JackCapture(jackd.name(), ports, CAPTURE_SECONDS)) {
                    while (capture.frames() == 0) {
                        Thread.sleep(10);
                    }
                    PluginBundle bundle = PluginBundle.copy(dir, Map.of());
                    // JACK's clock is mapped onto System.nanoTime as each NoteOn is printed: extrapolating
                    // seconds later would add the dummy driver's drift to the measurement.
                    List<Long> noteOnIndex = Collections.synchronizedList(new ArrayList<>());
                    HostRun run = TestHost.run(dir, List.of(), Map.of("HAPTIC_SOCKET", server.socket().toString()),
                            List.of("--realtime", "--lead-in-blocks", LEAD_IN_BLOCKS, "--notes",
                                    Integer.toString(NOTES), "--hold-blocks", Integer.toString(HOLD_BLOCKS),
                                    "--gap-blocks", Integer.toString(GAP_BLOCKS)),
                            bundle, Duration.ofMinutes(2), line -> {
                                if (line.startsWith("noteon ")) {
                                    noteOnIndex.add(capture.indexAtNanoTime(Long.parseLong(line.split(" ")[1])));
                                }
                            });
                    System.out.println(run.transcript());
                    System.out.println("--- plugin log\n" + bundle.log());
                    assertEquals(0, run.exitCode(), run.transcript());
                    assertEquals(List.of(), run.failedSteps(), run.transcript());
                    assertTrue(!capture.full(), "the capture covered the whole run");
                    check(run.noteOns(), new ArrayList<>(noteOnIndex), capture, layout);
                }
            }
        }
    }

    private static void check(List<HostRun.NoteOnLine> notes, List<Long> noteOnIndex, JackCapture capture,
                              Layout layout) {
        assertEquals(NOTES, notes.size(), "one noteon line per note");
        assertEquals(NOTES, noteOnIndex.size(), "every NoteOn time mapped onto the capture");
        float fs = capture.sampleRate();
        int end = (int) capture.frames();
        int window = (int) (0.05 * fs);
        double[] latencyMs = new double[notes.size()];
        for (int n = 0; n < notes.size(); n++) {
            HostRun.NoteOnLine note = notes.get(n);
            int expected = TableCorner.of(layout, note.bend(), note.timbre()).nearestTransducer(layout);
            int at = (int) (long) noteOnIndex.get(n);
            assertTrue(at >= 0 && at < end, "note " + n + " falls inside the capture: index " + at);
            assertEquals(-1, firstNonZero(capture.channel(expected), at - (int) (0.02 * fs), at),
                    "silence on " + layout.name(expected) + " just before note " + n);
            int onset = firstNonZero(capture.channel(expected), at, Math.min(end, at + (int) (0.5 * fs)));
            assertTrue(onset >= 0, "note " + n + " sounds on " + layout.name(expected) + " within 0.5 s");
            int earliest = Integer.MAX_VALUE;
            int first = -1;
            StringBuilder onsets = new StringBuilder();
            for (int t = 0; t < Layout.TRANSDUCERS; t++) {
                int o = firstNonZero(capture.channel(t), at, Math.min(end, onset + window));
                onsets.append(' ').append(layout.name(t)).append('=').append(o < 0 ? "-" : Integer.toString(o - at));
                if (o >= 0 && o < earliest) {
                    earliest = o;
                    first = t;
                }
            }
            assertEquals(expected, first, "note " + n + " (bend " + note.bend() + ", CC74 " + note.timbre()
                    + ") starts on " + layout.name(expected) + ", not " + (first < 0 ? "-" : layout.name(first))
                    + "; onsets in frames after the NoteOn call:" + onsets);
            latencyMs[n] = (onset - at) * 1000.0 / fs;
        }
        double[] sorted = latencyMs.clone();
        Arrays.sort(sorted);
        System.out.printf("event -> output latency over %d notes (process() call of the NoteOn block to the first "
                        + "non-zero sample on its transducer): p50 %.2f ms, p99 %.2f ms, min %.2f ms, max %.2f ms%n",
                sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[0],
                sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static int firstNonZero(float[] ch, int from, int to) {
        for (int i = Math.max(0, from); i < to; i++) {
            if (ch[i] != 0f) {
                return i;
            }
        }
        return -1;
    }
}
