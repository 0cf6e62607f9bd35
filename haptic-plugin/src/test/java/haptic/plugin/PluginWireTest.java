package haptic.plugin;

import haptic.testkit.Await;
import haptic.protocol.Hello;
import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.Param;
import haptic.protocol.ParameterChange;
import haptic.protocol.Role;
import haptic.protocol.SharedClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the plugin puts on the wire, checked message by message against a recording stand-in server. */
class PluginWireTest {
    @TempDir
    Path dir;

    private RecordingServer server;
    private HapticPlugin plugin;

    private Path socket() {
        return dir.resolve("run").resolve("haptic.sock");
    }

    private EventWriter connect() throws IOException {
        server = new RecordingServer(socket());
        plugin = TestPlugins.connected(dir.resolve("res"), socket());
        return new EventWriter(plugin);
    }

    @AfterEach
    void tearDown() throws IOException {
        if (plugin != null) {
            plugin.dispose();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void helloCarriesEveryParameterValue() throws IOException {
        server = new RecordingServer(socket());
        plugin = TestPlugins.create(dir.resolve("res"), socket());
        plugin.setParameter(Param.GAIN.id(), 0.25);
        plugin.setParameter(Param.STIMULUS_TYPE.id(), 1.0);
        plugin.setActive(true);
        Await.until(plugin::connected, "the handshake");
        Hello hello = server.received(Hello.class).get(0);
        assertEquals(Role.CONTROLLER, hello.role());
        assertTrue(hello.instanceId().matches("vst3-" + ProcessHandle.current().pid() + "-\\d+"), hello.instanceId());
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < hello.config().paramIds().length; i++) {
            Param p = Param.byId(hello.config().paramIds()[i]);
            ids.add(p.id());
            float expected = (float) plugin.normalizedToPlain(p.id(), plugin.getParameter(p.id()));
            assertEquals(expected, hello.config().values()[i], 0f, p.name());
        }
        assertEquals(Param.values().length - 1, ids.size());
        assertFalse(ids.contains(Param.MASTER_GAIN.id()), "master gain is the server's, not an instance's");
        assertEquals(0.25f * Param.GAIN.max(), hello.config().values()[List.of(ParameterCatalog.AUTOMATABLE).indexOf(Param.GAIN)], 1e-6f);
    }

    @Test
    void noteOnCarriesTheChannelsCurrentExpression() throws IOException {
        EventWriter w = connect();
        long before = SharedClock.now();
        w.midi(4, MidiParameters.VST_AFTERTOUCH, 0.4f).cc(4, 74, 127).midi(4, MidiParameters.VST_PITCH_BEND, 1f)
                .noteOn(4, 60, 1, 0.75f).process();
        long after = SharedClock.now();
        Await.until(() -> !server.received(NoteOn.class).isEmpty(), "the NoteOn");
        NoteOn on = server.received(NoteOn.class).get(0);
        assertEquals(new NoteOn(4, 60, 0.75f, 0.4f, 1f, 1f, on.time()), on);
        // The first block of a fresh clock starts when process() was called; the note is at its offset 0.
        assertTrue(on.time() >= before && on.time() <= after, "NoteOn time " + on.time() + " outside the process call");
        w.noteOff(4, 60, 0.5f).process();
        Await.until(() -> !server.received(NoteOff.class).isEmpty(), "the NoteOff");
        NoteOff off = server.received(NoteOff.class).get(0);
        assertEquals(new NoteOff(4, 60, 0.5f, off.time()), off);
        assertTrue(off.time() > on.time(), "the NoteOff's block comes later");
    }

    @Test
    void anMpeFloodCoalescesIntoTheLatestValues() throws IOException {
        EventWriter w = connect();
        w.noteOn(1, 60, -1, 1f).noteOn(2, 62, -1, 1f).process();
        int points = 20_000;
        int blocks = 0;
        for (int i = 0; i < points; i++) {
            float v = (i % 1000) / 999f;
            w.midi(1, MidiParameters.VST_PITCH_BEND, v).midi(2, MidiParameters.VST_AFTERTOUCH, v);
            if (i % 2000 == 1999) {
                w.process();
                blocks++;
            }
        }
        w.midi(1, MidiParameters.VST_PITCH_BEND, 0.75f).midi(2, MidiParameters.VST_AFTERTOUCH, 0.3f).process();
        float bend = MidiParameters.bend(0.75f);
        Await.until(() -> {
            List<MpeUpdate> u = server.received(MpeUpdate.class);
            return u.stream().anyMatch(m -> m.channel() == 1 && m.bend() == bend)
                    && u.stream().anyMatch(m -> m.channel() == 2 && m.pressure() == 0.3f);
        }, "the final expression of both channels");
        Await.sleep(50);
        List<MpeUpdate> updates = server.received(MpeUpdate.class);
        assertTrue(updates.size() < points / 10, updates.size() + " updates for " + 2 * points + " changes in "
                + blocks + " blocks");
        MpeUpdate last1 = updates.stream().filter(m -> m.channel() == 1).reduce((a, b) -> b).orElseThrow();
        MpeUpdate last2 = updates.stream().filter(m -> m.channel() == 2).reduce((a, b) -> b).orElseThrow();
        assertEquals(new MpeUpdate(1, 0f, bend, 0.5f, last1.time()), last1, "pressure and timbre untouched");
        assertEquals(new MpeUpdate(2, 0.3f, 0f, 0.5f, last2.time()), last2);
        assertTrue(last1.time() != 0 && last2.time() != 0, "expression is timed");
    }

    @Test
    void automationSendsTheLatestValueAsAPlainParameterChange() throws IOException {
        EventWriter w = connect();
        for (int i = 0; i <= 100; i++) {
            w.parameter(Param.WAVE_SPEED.id(), i / 200f);
        }
        w.process();
        double plain = plugin.normalizedToPlain(Param.WAVE_SPEED.id(), 0.5);
        Await.until(() -> server.received(ParameterChange.class).stream()
                .anyMatch(m -> m.paramId() == Param.WAVE_SPEED.id() && m.value() == (float) plain), "the last point");
        assertEquals(0.5, plugin.getParameter(Param.WAVE_SPEED.id()), 1e-7);
        // Controller-side edits (no process() call) reach the server too.
        plugin.setParameter(Param.DECAY_KNEE.id(), 1.0);
        Await.until(() -> server.received(ParameterChange.class).stream()
                .anyMatch(m -> m.paramId() == Param.DECAY_KNEE.id() && m.value() == Param.DECAY_KNEE.max()), "the edit");
        assertTrue(server.received(ParameterChange.class).stream().noneMatch(m -> m.paramId() == Param.MASTER_GAIN.id()));
    }

    @Test
    void aParameterSetBeforeANoteInTheSameBlockArrivesFirst() throws IOException {
        EventWriter w = connect();
        w.parameter(Param.STIMULUS_TYPE.id(), 1f).noteOn(0, 50, -1, 1f).process();
        Await.until(() -> !server.received(NoteOn.class).isEmpty(), "the NoteOn");
        List<Object> all = server.received();
        int change = -1;
        int note = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof ParameterChange c && c.paramId() == Param.STIMULUS_TYPE.id()) {
                change = i;
            } else if (all.get(i) instanceof NoteOn) {
                note = i;
            }
        }
        assertTrue(change >= 0 && change < note, all.toString());
    }

    @Test
    void disposeReleasesEveryHeldNoteSustainedOrNot() throws IOException {
        EventWriter w = connect();
        w.noteOn(0, 60, -1, 1f).noteOn(3, 61, -1, 1f).cc(3, 64, 127).noteOff(3, 61, 0f).noteOn(9, 62, -1, 1f)
                .noteOff(9, 62, 0f).process();
        Await.until(() -> server.received(NoteOn.class).size() == 3, "three NoteOns");
        assertEquals(1, server.received(NoteOff.class).size(), "61 is held by the pedal");
        plugin.dispose();
        Await.until(() -> server.received().contains(RecordingServer.Disconnected.INSTANCE), "the disconnect");
        Set<Integer> released = new HashSet<>();
        for (NoteOff off : server.received(NoteOff.class)) {
            released.add(off.channel() * 128 + off.note());
        }
        assertEquals(Set.of(60, 3 * 128 + 61, 9 * 128 + 62), released);
        List<Object> all = server.received();
        assertTrue(all.lastIndexOf(RecordingServer.Disconnected.INSTANCE) > all.lastIndexOf(
                server.received(NoteOff.class).get(server.received(NoteOff.class).size() - 1)));
    }

    @Test
    void notesPlayedWhileDisconnectedAreDroppedButReleasedOnDeactivation() throws IOException {
        server = new RecordingServer(socket());
        server.close();
        plugin = TestPlugins.create(dir.resolve("res"), socket());
        plugin.setActive(true);
        EventWriter w = new EventWriter(plugin);
        w.noteOn(5, 70, -1, 1f).process();
        Await.sleep(300);
        server = new RecordingServer(socket());
        Await.until(plugin::connected, 20_000, "the connection after the server appeared");
        w.noteOn(5, 71, -1, 1f).process();
        Await.until(() -> !server.received(NoteOn.class).isEmpty(), "the live note");
        List<NoteOn> ons = server.received(NoteOn.class);
        assertEquals(List.of(new NoteOn(5, 71, 1f, 0f, 0f, 0.5f, ons.get(0).time())), ons,
                "the note from before the connection is stale");
        plugin.setActive(false);
        Await.until(() -> server.received().contains(RecordingServer.Disconnected.INSTANCE), "the disconnect");
        Set<Integer> released = new HashSet<>();
        server.received(NoteOff.class).forEach(o -> released.add(o.note()));
        assertEquals(Set.of(70, 71), released, "both are held as far as the host knows");
        assertFalse(plugin.connected());
    }

    @Test
    void reconnectsAfterTheServerDropsItAndReplaysParameters() throws IOException {
        EventWriter w = connect();
        w.parameter(Param.RELEASE.id(), 1f).process();
        Await.until(() -> !server.received(ParameterChange.class).isEmpty(), "the change");
        server.dropClients();
        Await.until(() -> plugin.connection().handshakes() == 2, "the second handshake");
        List<Hello> hellos = server.received(Hello.class);
        assertEquals(2, hellos.size());
        assertEquals(hellos.get(0).instanceId(), hellos.get(1).instanceId(), "the same instance comes back");
        int release = List.of(ParameterCatalog.AUTOMATABLE).indexOf(Param.RELEASE);
        assertEquals(Param.RELEASE.max(), hellos.get(1).config().values()[release], 1e-6f);
        w.noteOn(0, 40, -1, 1f).process();
        Await.until(() -> !server.received(NoteOn.class).isEmpty(), "a note on the new connection");
        String log = TestPlugins.log(dir.resolve("res"));
        assertTrue(log.contains("disconnected"), log);
    }
}
