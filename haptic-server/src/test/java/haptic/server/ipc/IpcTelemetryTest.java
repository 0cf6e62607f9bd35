package haptic.server.ipc;

import haptic.protocol.EngineStatus;
import haptic.protocol.SchedulingStatus;
import haptic.protocol.Ping;
import haptic.protocol.Pong;
import haptic.protocol.TransducerLevels;
import haptic.server.link.Telemetry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class IpcTelemetryTest {
    @TempDir
    Path dir;

    @Test
    void observersGetLevelsAndStatusControllersDoNot() throws Exception {
        try (RunningServer s = RunningServer.start(dir);
             RawClient observer = RawClient.observer(s.socket);
             RawClient controller = RawClient.controller(s.socket, "c")) {
            RunningServer.await(() -> s.server.controllers() == 1 && s.server.observers() == 1, "both admitted");
            Telemetry t = s.telemetry.claim();
            for (int i = 0; i < t.peak.length; i++) {
                t.peak[i] = i / 64f;
                t.rms[i] = i / 128f;
            }
            for (int i = 0; i < t.voiceXY.length; i++) {
                t.voiceXY[i] = i * 0.01f;
            }
            t.voiceCount = 3;
            t.activeVoices = 3;
            t.frame = 123_456;
            t.loadPercent = 12.5f;
            t.xruns = 2;
            t.clampCount = 7;
            t.lateCommands = 4;
            t.worstLateMs = 1.5f;
            t.timeFaults = 1;
            // The controller holds slot 0: its latency is reported, the free slots' are not.
            t.latencyMs[0] = 2.97f;
            t.latencyMs[1] = 44f;
            float[] expectedPeak = t.peak.clone();
            float[] expectedRms = t.rms.clone();
            float[] expectedXY = Arrays.copyOf(t.voiceXY, 6);
            s.telemetry.publish(t);

            // Nothing else happens on any socket: the select timeout alone must let telemetry out.
            TransducerLevels levels = assertInstanceOf(TransducerLevels.class, observer.receiveAny(RawClient.WAIT));
            assertEquals(123_456, levels.frame());
            assertArrayEquals(expectedPeak, levels.peak());
            assertArrayEquals(expectedRms, levels.rms());
            EngineStatus status = assertInstanceOf(EngineStatus.class, observer.receiveAny(RawClient.WAIT));
            assertEquals(new EngineStatus(3, 12.5f, 2, 7, "headless", 48000f, 256, 1, 1, expectedXY,
                    new SchedulingStatus(4, 1.5f, 1, new float[] {2.97f})), status);

            controller.send(new Ping(1, 1));
            assertInstanceOf(Pong.class, controller.receiveAny(RawClient.WAIT), "no telemetry for controllers");
        }
    }

    @Test
    void snapshotsAreRecycledWhetherOrNotAnyoneObserves() throws IOException {
        try (RunningServer s = RunningServer.start(dir)) {
            int moreThanTheLinkHolds = 150;
            publishSnapshots(s, moreThanTheLinkHolds);
            try (RawClient observer = RawClient.observer(s.socket)) {
                publishSnapshots(s, moreThanTheLinkHolds);
                assertInstanceOf(TransducerLevels.class, observer.receiveAny(RawClient.WAIT));
            }
        }
    }

    private static void publishSnapshots(RunningServer s, int count) {
        for (int i = 0; i < count; i++) {
            Telemetry t = awaitFreeSnapshot(s);
            t.frame = i;
            s.telemetry.publish(t);
        }
    }

    private static Telemetry awaitFreeSnapshot(RunningServer s) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Telemetry t;
        while ((t = s.telemetry.claim()) == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("telemetry entries are not coming back from the IPC thread");
            }
            Thread.onSpinWait();
        }
        return t;
    }
}
