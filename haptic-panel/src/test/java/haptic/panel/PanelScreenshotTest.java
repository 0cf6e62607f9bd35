package haptic.panel;

import haptic.testkit.JackdServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import haptic.client.HapticClient;
import haptic.protocol.EngineStatus;
import haptic.protocol.InstanceConfig;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.Role;
import haptic.protocol.TransducerLevels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The panel on a virtual display, attached to a server on a private jackd, while a note sounds at the
 * corner of the table where T01 sits: the rendered image must show the transducers near the source
 * brighter than the far ones, wherever the panel chose to draw them (it says where, in the sidecar).
 */
class PanelScreenshotTest {
    private static VirtualDisplay display;
    private static JackdServer jackd;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDisplayAndJack() {
        display = VirtualDisplay.start();
        jackd = JackdServer.start(64);
    }

    @AfterAll
    static void stop() {
        if (jackd != null) {
            jackd.close();
        }
        if (display != null) {
            display.close();
        }
    }

    @Test
    void transducersNearASourceAreDrawnBrighterThanFarOnes() throws Exception {
        Path socket = dir.resolve("haptic.sock");
        Path png = dir.resolve("panel.png");
        try (JavaChild server = TestServer.start(socket, "--backend", "jack", "--jack-server", jackd.name());
             HapticClient player = HapticClient.connect(socket, Role.CONTROLLER, "screenshot-test",
                     InstanceConfig.EMPTY, Duration.ofSeconds(5));
             HapticClient observer = HapticClient.connect(socket, Role.OBSERVER, "screenshot-test-observer",
                     InstanceConfig.EMPTY, Duration.ofSeconds(5))) {
            awaitJack(observer, server);
            // bend -1 and timbre 0 put the source at (minX, minY): the corner where T01 sits.
            player.send(new NoteOn(1, 45, 1f, 1f, -1f, 0f));
            TransducerLevels sounding = awaitLevels(observer);

            Map<String, String> env = new HashMap<>();
            env.put("DISPLAY", display.display());
            env.put("WAYLAND_DISPLAY", null);
            JavaChild panel = JavaChild.start("panel", "haptic.panel.PanelMain",
                    List.of("--socket", socket.toString(), "--frames", "30", "--screenshot", png.toString()), env);
            int status = panel.awaitExit(90);
            player.send(new NoteOff(1, 45, 0f));
            assertEquals(0, status, "panel output:\n" + panel.output() + "\nXvfb:\n" + display.log());
            keepForPeople(png, panel.output());

            JsonNode sidecar = new ObjectMapper().readTree(Screenshot.sidecarPath(png).toFile());
            assertTrue(sidecar.get("connected").asBoolean(), sidecar.toString());
            assertEquals("jack", sidecar.get("backend").asText());
            JsonNode spots = sidecar.get("transducers");
            List<String> names = Arrays.asList(observer.accepted().layout().names());
            assertEquals(names.size(), spots.size());
            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, "not a PNG: " + png);
            assertEquals(sidecar.get("width").asInt(), image.getWidth());

            double[] brightness = new double[spots.size()];
            for (int i = 0; i < spots.size(); i++) {
                assertEquals(names.get(i), spots.get(i).get("name").asText());
                brightness[i] = centreLuminance(image, spots.get(i));
            }
            int t01 = names.indexOf("T01");
            int t32 = names.indexOf("T32");
            assertTrue(brightness[t01] > brightness[t32] + 0.15, "T01 (at the source) must be drawn clearly brighter "
                    + "than T32 (the far corner): " + brightness[t01] + " vs " + brightness[t32]
                    + "; levels the server reported: T01 " + sounding.rms()[t01] + ", T32 " + sounding.rms()[t32]);
            double rho = spearman(brightness, negativeDistances(observer.accepted().layout().x(),
                    observer.accepted().layout().y(), t01));
            assertTrue(rho > 0.9, "brightness must fall with distance from the source; rank correlation " + rho
                    + ", brightness " + Arrays.toString(brightness));
        }
    }

    /** The server answers before its audio runs; wait until its status says JACK drives the outputs. */
    private static void awaitJack(HapticClient observer, JavaChild server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            EngineStatus s = observer.receive(EngineStatus.class, Duration.ofSeconds(1));
            if (s != null && s.backend().equals("jack")) {
                return;
            }
        }
        fail("the server did not report the jack backend within 20 s; output:\n" + server.output());
    }

    /** Waits until the meters show the note: T01 well above silence and above the far corner. */
    private static TransducerLevels awaitLevels(HapticClient observer) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            TransducerLevels l = observer.receive(TransducerLevels.class, Duration.ofSeconds(1));
            if (l != null && l.rms()[0] > 0.05f && l.rms()[0] > 2 * l.rms()[31]) {
                return l;
            }
        }
        return fail("the note at T01 never showed in the levels");
    }

    /** Mean luminance (0..1) of the pixels within 30 % of the circle's radius around its centre. */
    private static double centreLuminance(BufferedImage image, JsonNode spot) {
        double cx = spot.get("x").asDouble();
        double cy = spot.get("y").asDouble();
        double r = spot.get("radius").asDouble() * 0.3;
        double sum = 0;
        int n = 0;
        for (int y = (int) Math.floor(cy - r); y <= (int) Math.ceil(cy + r); y++) {
            for (int x = (int) Math.floor(cx - r); x <= (int) Math.ceil(cx + r); x++) {
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) > r * r) {
                    continue;
                }
                int rgb = image.getRGB(x, y);
                sum += 0.2126 * ((rgb >> 16) & 0xff) / 255.0 + 0.7152 * ((rgb >> 8) & 0xff) / 255.0
                        + 0.0722 * (rgb & 0xff) / 255.0;
                n++;
            }
        }
        assertTrue(n > 4, "a transducer circle should cover more than a few pixels: " + spot);
        return sum / n;
    }

    private static double[] negativeDistances(float[] x, float[] y, int from) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = -Math.hypot(x[i] - x[from], y[i] - y[from]);
        }
        return d;
    }

    /** Spearman rank correlation, ties given their mean rank. */
    static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = Arrays.stream(ra).average().orElse(0);
        double mb = Arrays.stream(rb).average().orElse(0);
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (ra[i] - ma) * (rb[i] - mb);
            va += (ra[i] - ma) * (ra[i] - ma);
            vb += (rb[i] - mb) * (rb[i] - mb);
        }
        return cov / Math.sqrt(va * vb);
    }

    private static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(v[p], v[q]));
        double[] rank = new double[v.length];
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j + 1 < v.length && Math.abs(v[order[j + 1]] - v[order[i]]) < 1e-9) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                rank[order[k]] = (i + j) / 2.0;
            }
            i = j + 1;
        }
        return rank;
    }

    /** Copies the screenshot to target/ so people can look at what the panel draws. */
    private static void keepForPeople(Path png, String panelOutput) throws Exception {
        Path target = Path.of(System.getProperty("basedir", ".")).resolve("target");
        Files.createDirectories(target);
        Files.copy(png, target.resolve("panel.png"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Screenshot.sidecarPath(png), target.resolve("panel.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(target.resolve("panel-screenshot.log"), panelOutput);
    }
}
