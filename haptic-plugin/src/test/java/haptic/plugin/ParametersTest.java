package haptic.plugin;

import haptic.protocol.Param;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParametersTest {
    private final List<HapticPlugin> plugins = new ArrayList<>();

    private HapticPlugin plugin() {
        HapticPlugin p = new HapticPlugin(null);
        plugins.add(p);
        return p;
    }

    @AfterEach
    void dispose() {
        plugins.forEach(HapticPlugin::dispose);
    }

    private static List<Param> automatable() {
        List<Param> out = new ArrayList<>(Arrays.asList(Param.values()));
        out.remove(Param.MASTER_GAIN);
        return out;
    }

    @Test
    void everyParamButMasterGainIsDeclaredOnceWithItsId() {
        HapticPlugin p = plugin();
        Set<Integer> automatableIds = new HashSet<>();
        Set<Integer> allIds = new HashSet<>();
        for (int i = 0; i < p.parameterCount(); i++) {
            String[] f = p.parameterInfo(i).split("\t", -1);
            assertEquals(7, f.length, p.parameterInfo(i));
            int id = Integer.parseInt(f[0]);
            assertTrue(allIds.add(id), "duplicate id " + id);
            int flags = Integer.parseInt(f[6]);
            if ((flags & ParameterText.CAN_AUTOMATE) != 0) {
                automatableIds.add(id);
                Param param = Param.byId(id);
                assertEquals(param.label(), f[1]);
                assertEquals(param.unit(), f[3]);
                double defaultNormalized = Double.parseDouble(f[5]);
                assertEquals(param.defaultValue(), p.normalizedToPlain(id, defaultNormalized), 1e-4);
                assertEquals(defaultNormalized, p.getParameter(id), 1e-12, "starts at its default");
            } else {
                assertTrue(id >= 1000, "non-automatable parameters are the hidden MIDI ones");
                assertEquals(ParameterText.IS_HIDDEN, flags);
            }
        }
        Set<Integer> expected = new HashSet<>();
        automatable().forEach(q -> expected.add(q.id()));
        assertEquals(expected, automatableIds);
        assertEquals(automatable().size() + 16 * 10, p.parameterCount());
        assertNull(p.parameterInfo(p.parameterCount()));
    }

    @Test
    void stimulusTypeIsAThreeEntryList() {
        HapticPlugin p = plugin();
        int id = Param.STIMULUS_TYPE.id();
        String[] f = p.parameterInfo(0).split("\t");
        assertEquals(id, Integer.parseInt(f[0]));
        assertEquals("2", f[4]);
        assertEquals(ParameterText.CAN_AUTOMATE | ParameterText.IS_LIST, Integer.parseInt(f[6]));
        assertEquals("Wave", p.parameterToString(id, 0.0));
        assertEquals("Standing", p.parameterToString(id, 0.5));
        assertEquals("Travelling", p.parameterToString(id, 1.0));
        assertEquals(0.5, p.parameterFromString(id, "standing"), 0.0);
        assertEquals(1.0, p.parameterFromString(id, "Travelling"), 0.0);
        assertEquals(0.5, p.parameterFromString(id, "1"), 0.0);
        assertEquals(Param.STIMULUS_TRAVELLING, p.normalizedToPlain(id, 0.9), 0.0);
    }

    @Test
    void waveSpeedIsLogarithmic() {
        HapticPlugin p = plugin();
        int id = Param.WAVE_SPEED.id();
        double min = Param.WAVE_SPEED.min();
        double max = Param.WAVE_SPEED.max();
        assertEquals(min, p.normalizedToPlain(id, 0), 1e-9);
        assertEquals(max, p.normalizedToPlain(id, 1), 1e-9);
        assertEquals(Math.sqrt(min * max), p.normalizedToPlain(id, 0.5), 1e-9, "midpoint is the geometric mean");
        assertEquals(0.25, p.plainToNormalized(id, Math.pow(max / min, 0.25) * min), 1e-12);
    }

    @Test
    void normalizedPlainRoundTrips() {
        HapticPlugin p = plugin();
        for (Param q : automatable()) {
            for (int i = 0; i <= 100; i++) {
                double n = i / 100.0;
                double plain = p.normalizedToPlain(q.id(), n);
                assertTrue(plain >= q.min() - 1e-9 && plain <= q.max() + 1e-9, q + " " + plain);
                if (q.discrete()) {
                    assertEquals(plain, p.normalizedToPlain(q.id(), p.plainToNormalized(q.id(), plain)), 0.0, q.name());
                } else {
                    assertEquals(n, p.plainToNormalized(q.id(), plain), 1e-9, q.name());
                }
            }
            if (!q.discrete()) {
                assertEquals(q.min(), p.normalizedToPlain(q.id(), 0), 1e-6);
                assertEquals(q.max(), p.normalizedToPlain(q.id(), 1), 1e-4);
            }
        }
    }

    @Test
    void textRoundTripsToTheDisplayedPrecision() {
        HapticPlugin p = plugin();
        for (Param q : automatable()) {
            for (int i = 0; i <= 20; i++) {
                double n = i / 20.0;
                String text = p.parameterToString(q.id(), n);
                double back = p.parameterFromString(q.id(), text);
                double plain = p.normalizedToPlain(q.id(), n);
                double plainBack = p.normalizedToPlain(q.id(), back);
                // Displayed with 3 significant digits (at least 0 decimals): half a unit in the last place.
                double tolerance = q.discrete() ? 0 : Math.max(5e-4, Math.abs(plain) * 5e-3);
                assertEquals(plain, plainBack, tolerance, q + " '" + text + "'");
            }
        }
        int speed = Param.WAVE_SPEED.id();
        assertEquals(p.plainToNormalized(speed, 20), p.parameterFromString(speed, " 20 m/s"), 1e-12);
        assertEquals(p.plainToNormalized(Param.GAIN.id(), 0.5), p.parameterFromString(Param.GAIN.id(), "0,5"), 1e-12);
        assertEquals(1.0, p.parameterFromString(Param.GAIN.id(), "1e6"), 0.0, "clamped into range");
        assertTrue(Double.isNaN(p.parameterFromString(Param.GAIN.id(), "loud")));
        assertTrue(Double.isNaN(p.parameterFromString(Param.GAIN.id(), "")));
        assertTrue(Double.isNaN(p.parameterFromString(Param.MASTER_GAIN.id(), "1")), "not ours");
        assertTrue(Double.isNaN(p.parameterFromString(999, "1")));
    }

    @Test
    void midiMappingCoversAllSixteenChannels() {
        HapticPlugin p = plugin();
        int[] controllers = {129, 128, 74, 101, 100, 6, 38, 64, 120, 123};
        Set<Integer> ids = new HashSet<>();
        for (int ch = 0; ch < 16; ch++) {
            for (int c : controllers) {
                int id = p.midiControllerToParameter(ch, c);
                assertTrue(id >= 1000, "channel " + ch + " controller " + c);
                assertTrue(ids.add(id), "each mapping has its own parameter");
                assertTrue(p.getParameter(id) >= 0.0);
            }
            assertEquals(-1, p.midiControllerToParameter(ch, 1), "the mod wheel is not mapped");
        }
        assertEquals(-1, p.midiControllerToParameter(16, 74));
        int bend = p.midiControllerToParameter(0, 129);
        assertEquals(8192.0 / 16383.0, p.getParameter(bend), 1e-12, "pitch bend rests at its centre");
        p.setParameter(bend, 0.75);
        assertEquals(0.75, p.getParameter(bend), 0.0);
        assertEquals("12287", p.parameterToString(bend, 0.75));
    }

    @Test
    void stateRoundTripsThroughAnotherInstance() {
        HapticPlugin a = plugin();
        Random r = new Random(7);
        for (Param q : automatable()) {
            a.setParameter(q.id(), r.nextDouble());
        }
        byte[] state = a.getState();
        HapticPlugin b = plugin();
        assertTrue(b.setState(state));
        for (Param q : automatable()) {
            // The state holds plain values: a list entry comes back as its step's own normalised value.
            assertEquals(a.normalizedToPlain(q.id(), a.getParameter(q.id())),
                    b.normalizedToPlain(q.id(), b.getParameter(q.id())), 1e-9, q.name());
            if (!q.discrete()) {
                assertEquals(a.getParameter(q.id()), b.getParameter(q.id()), 1e-12, q.name());
            }
        }
        assertArrayEquals(state, b.getState());
    }

    @Test
    void foreignOrDamagedStateIsRefusedAndChangesNothing() {
        HapticPlugin p = plugin();
        p.setParameter(Param.GAIN.id(), 0.123);
        p.setParameter(Param.STIMULUS_TYPE.id(), 1.0);
        byte[] good = p.getState();
        byte[] before = p.getState();
        List<byte[]> bad = new ArrayList<>();
        bad.add(null);
        bad.add(new byte[0]);
        bad.add("VstW\0\0\0\bsome other plugin's chunk".getBytes());
        bad.add(Arrays.copyOf(good, good.length - 1));
        bad.add(Arrays.copyOf(good, good.length + 4));
        for (int i = 0; i < good.length; i++) {
            byte[] flipped = good.clone();
            flipped[i] ^= 0x10;
            bad.add(flipped);
        }
        byte[] future = good.clone();
        ByteBuffer.wrap(future).putInt(4, PluginState.VERSION + 1);
        bad.add(future);
        Random r = new Random(3);
        for (int i = 0; i < 200; i++) {
            byte[] noise = new byte[r.nextInt(200)];
            r.nextBytes(noise);
            bad.add(noise);
        }
        HapticPlugin other = plugin();
        other.setParameter(Param.RELEASE.id(), 0.9);
        byte[] otherBefore = other.getState();
        for (byte[] data : bad) {
            assertFalse(other.setState(data), () -> "accepted " + (data == null ? null : Arrays.toString(data)));
            assertArrayEquals(otherBefore, other.getState());
        }
        assertArrayEquals(before, p.getState());
        assertTrue(other.setState(good));
        assertEquals(0.123, other.getParameter(Param.GAIN.id()), 1e-12);
        assertEquals(1.0, other.getParameter(Param.STIMULUS_TYPE.id()), 0.0);
        assertEquals(p.getParameter(Param.RELEASE.id()), other.getParameter(Param.RELEASE.id()), 1e-12,
                "values the state holds replace the old ones");
    }

    @Test
    void buildIdentityNamesVersionHashAndProtocol() {
        String id = HapticPlugin.buildIdentity();
        assertTrue(id.matches("haptic-plugin \\S+ \\(content sha256:[0-9a-f]{12}, protocol "
                + haptic.protocol.Protocol.VERSION + "\\)"), id);
        assertFalse(id.contains("unknown"), id);
        assertEquals(id, HapticPlugin.buildIdentity());
    }
}
