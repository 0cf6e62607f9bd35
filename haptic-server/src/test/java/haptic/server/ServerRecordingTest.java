package haptic.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import haptic.client.HapticClient;
import haptic.engine.Layout;
import haptic.protocol.InstanceConfig;
import haptic.protocol.Ping;
import haptic.protocol.Pong;
import haptic.protocol.Role;
import haptic.protocol.TestPulse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `--record` on the headless sink: a test pulse on one transducer lands on that channel of the WAV only. */
class ServerRecordingTest {
    @TempDir
    Path dir;

    @Test
    void recordsAllThirtyTwoOutputsInLayoutOrder() throws Exception {
        ServerOptions o = ServerOptions.headless(dir.resolve("haptic.sock"));
        o.record = dir.resolve("take.wav");
        int target = 13;
        try (HapticServer server = HapticServer.start(o, line -> { })) {
            assertEquals("headless", server.output().backendName());
            try (HapticClient c = HapticClient.connect(server.socket(), Role.OBSERVER, "", InstanceConfig.EMPTY,
                    Duration.ofSeconds(5))) {
                c.send(new TestPulse(target, 0.5f, 0.1f));
                c.send(new Ping(1, System.nanoTime()));
                c.receive(Pong.class, Duration.ofSeconds(5));
                Thread.sleep(400);
            }
        }
        ByteBuffer wav = ByteBuffer.wrap(Files.readAllBytes(o.record)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RIFF", fourCc(wav, 0));
        assertEquals("WAVE", fourCc(wav, 8));
        int pos = 12;
        int channels = -1;
        int dataStart = -1;
        long dataBytes = 0;
        while (pos + 8 <= wav.limit()) {
            String id = fourCc(wav, pos);
            long size = wav.getInt(pos + 4) & 0xffffffffL;
            if (id.equals("fmt ")) {
                channels = wav.getShort(pos + 10);
                assertEquals(48000, wav.getInt(pos + 12), "sample rate");
            } else if (id.equals("data")) {
                dataStart = pos + 8;
                dataBytes = size;
                break;
            }
            pos += 8 + (int) size + (int) (size & 1);
        }
        assertEquals(Layout.TRANSDUCERS, channels);
        assertTrue(dataStart > 0 && dataBytes > 0, "data chunk present");
        long frames = dataBytes / (4L * channels);
        assertTrue(frames > 48000 * 0.3, "at least 0.3 s recorded: " + frames);
        double[] energy = new double[channels];
        for (long f = 0; f < frames; f++) {
            for (int ch = 0; ch < channels; ch++) {
                float v = wav.getFloat(dataStart + (int) ((f * channels + ch) * 4));
                energy[ch] += v * v;
            }
        }
        for (int ch = 0; ch < channels; ch++) {
            if (ch == target) {
                assertTrue(energy[ch] > 1.0, "the pulse is on channel " + target + ": " + energy[ch]);
            } else {
                assertEquals(0.0, energy[ch], "channel " + ch + " is silent");
            }
        }
    }

    private static String fourCc(ByteBuffer b, int at) {
        return new String(new byte[] {b.get(at), b.get(at + 1), b.get(at + 2), b.get(at + 3)},
                java.nio.charset.StandardCharsets.US_ASCII);
    }
}
