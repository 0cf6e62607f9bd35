package haptic.server;

import haptic.testkit.ThreadAllocation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import haptic.client.HapticClient;
import haptic.protocol.InstanceConfig;
import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.Panic;
import haptic.protocol.Param;
import haptic.protocol.ParameterChange;
import haptic.protocol.Role;
import haptic.protocol.TestPulse;
import haptic.testkit.JackdServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zero bytes allocated on the JACK process thread across whole cycles — JNA callback glue, command
 * draining, engine, metering and telemetry included — while a real client drives note bursts past the
 * pool size (stealing), MPE floods, parameter changes, test pulses, Panic and controller disconnects.
 */
class ServerAllocationTest {
    @TempDir
    Path dir;

    @Test
    void jackProcessThreadAllocatesNothingAcrossTheTransitionsThatMatter() throws Exception {
        try (JackdServer jackd = JackdServer.start(64)) {
            ServerOptions o = ServerOptions.onJack(jackd.name(), dir);
            try (HapticServer server = HapticServer.start(o, line -> { })) {
                assertEquals("jack", server.output().backendName());
                perform(server);                      // warm-up: JIT, class init, first-time paths
                Thread.sleep(500);
                long tid = server.cycle().audioThreadId();
                long cyclesBefore = server.cycle().timer().count();
                long before = ThreadAllocation.bytes(tid);
                int peakVoices = perform(server);
                Thread.sleep(300);
                long allocated = ThreadAllocation.bytes(tid) - before;
                long cycles = server.cycle().timer().count() - cyclesBefore;
                assertEquals(tid, server.cycle().audioThreadId(), "the same JACK thread ran every cycle");
                assertTrue(cycles > 500, "enough cycles were measured: " + cycles);
                assertTrue(peakVoices >= 500, "the burst filled the Wave pool: " + peakVoices);
                System.out.printf("JACK process thread: %d bytes over %d cycles (peak %d voices)%n",
                        allocated, cycles, peakVoices);
                assertEquals(0L, allocated, "bytes allocated on the JACK process thread over " + cycles + " cycles");
            }
        }
    }

    /** One performance through the socket; returns the most voices seen sounding at once. */
    private static int perform(HapticServer server) throws Exception {
        int peak = 0;
        InstanceConfig cfg = new InstanceConfig("alloc", new int[] {Param.WAVE_SPEED.id()}, new float[] {40f});
        try (HapticClient a = HapticClient.connect(server.socket(), Role.CONTROLLER, "alloc-a", cfg,
                Duration.ofSeconds(5))) {
            for (int round = 0; round < 3; round++) {
                // 16 channels × 40 notes = 640 NoteOns: more than the 512-voice pool, so voices are stolen.
                for (int ch = 0; ch < 16; ch++) {
                    for (int n = 0; n < 40; n++) {
                        a.send(new NoteOn(ch, 30 + n, 0.7f, 0.5f, ch / 8f - 1f, n / 40f));
                    }
                }
                for (int step = 0; step < 200; step++) {
                    a.send(new MpeUpdate(step % 16, 0.5f, (float) Math.sin(step * 0.05), (step % 10) / 10f));
                    if (step % 40 == 0) {
                        a.send(new ParameterChange(Param.DECAY_EXPONENT.id(), 1f + step / 100f));
                        a.send(new ParameterChange(Param.STIMULUS_TYPE.id(), (step / 40) % 3));
                        a.send(new TestPulse(step % 32, 0.3f, 0.05f));
                    }
                    if (step % 20 == 0) {
                        Thread.sleep(5);
                        peak = Math.max(peak, server.cycle().engine().activeVoices());
                    }
                }
                for (int ch = 0; ch < 16; ch++) {
                    for (int n = 0; n < 20; n++) {
                        a.send(new NoteOff(ch, 30 + n, 0f));
                    }
                }
                try (HapticClient b = HapticClient.connect(server.socket(), Role.CONTROLLER, "alloc-b",
                        InstanceConfig.EMPTY, Duration.ofSeconds(5))) {
                    for (int n = 0; n < 32; n++) {
                        b.send(new NoteOn(n % 16, 60 + n, 1f, 1f, 0f, 0.5f));
                    }
                    Thread.sleep(100);
                } // b vanishes with notes held: its instance is released on the audio thread
                Thread.sleep(200);
                a.send(new Panic());
                Thread.sleep(100);
            }
        }
        return peak;
    }
}
