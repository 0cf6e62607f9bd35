package haptic.plugin;

import haptic.testkit.Await;
import haptic.client.HapticClient;
import haptic.protocol.InstanceConfig;
import haptic.protocol.Param;
import haptic.protocol.Role;
import haptic.protocol.TransducerLevels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plugin → socket → a real headless server: what a composer would hear (feel), checked in the engine. */
class PluginServerTest {
    @TempDir
    Path dir;

    private LiveServer server;
    private HapticPlugin plugin;
    private HapticClient observer;

    private Path socket() {
        return dir.resolve("run").resolve("haptic.sock");
    }

    private EventWriter start() throws Exception {
        server = LiveServer.start(socket());
        plugin = TestPlugins.connected(dir.resolve("res"), socket());
        return new EventWriter(plugin);
    }

    @AfterEach
    void tearDown() throws IOException {
        if (observer != null) {
            observer.close();
        }
        if (plugin != null) {
            plugin.dispose();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Loudest transducer peak over the next few level reports. */
    private float peak() throws IOException {
        float max = 0;
        for (int i = 0; i < 6; i++) {
            TransducerLevels l = observer.receive(TransducerLevels.class, Duration.ofSeconds(5));
            assertTrue(l != null, "levels keep coming");
            for (float p : l.peak()) {
                max = Math.max(max, p);
            }
        }
        return max;
    }

    private float settledPeak() throws IOException {
        // Levels already queued describe the past; skip them before measuring.
        while (observer.receive(Duration.ZERO) != null) {
            // discard
        }
        return peak();
    }

    @Test
    void notesArriveAndRelease() throws Exception {
        EventWriter w = start();
        w.noteOn(0, 60, -1, 0.8f).noteOn(1, 64, -1, 0.8f).noteOn(2, 67, -1, 0.8f).process();
        Await.until(() -> server.activeVoices() == 3, "three voices");
        w.noteOff(0, 60, 0f).noteOff(1, 64, 0f).noteOff(2, 67, 0f).process();
        Await.until(() -> server.activeVoices() == 0, "the voices to finish their release");
    }

    @Test
    void parameterChangesReachTheEngine() throws Exception {
        EventWriter w = start();
        observer = HapticClient.connect(socket(), Role.OBSERVER, "", InstanceConfig.EMPTY, Duration.ofSeconds(5));
        w.noteOn(0, 60, -1, 1f).process();
        Await.until(() -> server.activeVoices() == 1, "the voice");
        float audible = settledPeak();
        assertTrue(audible > 1e-3f, "a held note is felt: " + audible);
        w.parameter(Param.GAIN.id(), 0f).process();
        Await.until(() -> silent(), "silence at gain 0");
        // The controller side (a knob in the host's generic editor) works as well.
        plugin.setParameter(Param.GAIN.id(), plugin.plainToNormalized(Param.GAIN.id(), 1.0));
        Await.until(() -> settledPeakUnchecked() > audible / 2, "the note back at gain 1");
    }

    private boolean silent() {
        return settledPeakUnchecked() < 1e-5f;
    }

    private float settledPeakUnchecked() {
        try {
            return settledPeak();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void reconnectsAfterAServerRestartAndPlaysAgainWithItsParameters() throws Exception {
        EventWriter w = start();
        w.parameter(Param.GAIN.id(), 0f).noteOn(0, 60, -1, 1f).process();
        Await.until(() -> server.activeVoices() == 1, "the voice on the first server");
        w.noteOff(0, 60, 0f).process();
        server.close();
        Await.until(() -> !plugin.connected(), "the plugin to notice");
        // Played into the void: dropped, not queued for later.
        w.noteOn(0, 61, -1, 1f).process();
        Await.sleep(300);
        server = LiveServer.start(socket());
        Await.until(plugin::connected, "the reconnect");
        assertEquals(2, plugin.connection().handshakes());
        assertEquals(0, server.activeVoices(), "the note played while disconnected is not replayed");
        observer = HapticClient.connect(socket(), Role.OBSERVER, "", InstanceConfig.EMPTY, Duration.ofSeconds(5));
        w.noteOff(0, 61, 0f).noteOn(0, 62, -1, 1f).process();
        Await.until(() -> server.activeVoices() == 1, "a voice on the restarted server");
        assertTrue(settledPeak() < 1e-5f, "gain 0 was replayed in the Hello");
        w.noteOff(0, 62, 0f).process();
        Await.until(() -> server.activeVoices() == 0, "the release");
        String log = TestPlugins.log(dir.resolve("res"));
        assertTrue(log.contains("disconnected"), log);
        assertEquals(2, log.split("connected to haptic-server", -1).length - 1, log);
    }

    @Test
    void disposeReleasesHeldNotes() throws Exception {
        EventWriter w = start();
        w.noteOn(0, 60, -1, 1f).noteOn(0, 62, -1, 1f).cc(0, 64, 127).noteOff(0, 62, 0f).process();
        Await.until(() -> server.activeVoices() == 2, "two voices, one held by the pedal");
        plugin.dispose();
        Await.until(() -> server.activeVoices() == 0, "every voice released");
        Await.until(() -> server.controllers() == 0, "the connection closed");
    }
}
