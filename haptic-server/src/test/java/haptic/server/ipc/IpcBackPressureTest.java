package haptic.server.ipc;

import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.Ping;
import haptic.protocol.Pong;
import haptic.server.ipc.EngineSide.Cmd;
import haptic.server.link.EngineCommand;
import haptic.server.link.Telemetry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpcBackPressureTest {
    @TempDir
    Path dir;

    @Test
    void noteOffsSurviveAStalledEngineAndExpressionIsCoalesced() throws Exception {
        int notes = 4000;
        int mpePerNote = 12;
        int linkCapacity = 8;
        try (RunningServer s = RunningServer.start(dir, linkCapacity, 4);
             RawClient c = RawClient.controller(s.socket, "flood")) {
            // The engine is "paused": nothing drains the link until the server has had to pause reads.
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < notes; i++) {
                        int ch = i % 16;
                        int note = i % 128;
                        c.send(new NoteOn(ch, note, 1f, 0f, bendOf(i, notes), 0f));
                        for (int j = 1; j <= mpePerNote; j++) {
                            c.send(new MpeUpdate(ch, j / (float) mpePerNote, bendOf(i, notes), 0.5f));
                        }
                        c.send(new NoteOff(ch, note, 0.3f));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            s.awaitLog("pausing client reads");
            assertEquals(linkCapacity, s.commands.pending(), "the link holds only what it has room for");

            List<Cmd> got = s.engine.awaitUntil(
                    cmds -> EngineSide.count(cmds, EngineCommand.NOTE_OFF) == notes, Duration.ofSeconds(60));
            writer.get(10, TimeUnit.SECONDS);
            s.awaitLog("resuming client reads");

            List<String> expectedNotes = new ArrayList<>();
            for (int i = 0; i < notes; i++) {
                expectedNotes.add("on " + (i % 16) + "/" + (i % 128));
                expectedNotes.add("off " + (i % 16) + "/" + (i % 128));
            }
            List<String> notesSeen = new ArrayList<>();
            for (Cmd cmd : got) {
                if (cmd.type() == EngineCommand.NOTE_ON || cmd.type() == EngineCommand.NOTE_OFF) {
                    notesSeen.add((cmd.type() == EngineCommand.NOTE_ON ? "on " : "off ") + cmd.channel() + "/" + cmd.note());
                }
            }
            assertEquals(expectedNotes, notesSeen, "every NoteOff arrives, after its NoteOn, in order");

            // Between NoteOn i and NoteOff i only note i's expression may appear, and its last value survives.
            int noteIndex = -1;
            Cmd lastExpression = null;
            for (Cmd cmd : got) {
                if (cmd.type() == EngineCommand.NOTE_ON) {
                    noteIndex++;
                    lastExpression = null;
                } else if (cmd.type() == EngineCommand.EXPRESSION) {
                    assertEquals(noteIndex % 16, cmd.channel());
                    assertEquals(bendOf(noteIndex, notes), cmd.bend(), "expression stays with its note");
                    lastExpression = cmd;
                } else if (cmd.type() == EngineCommand.NOTE_OFF) {
                    assertTrue(lastExpression != null, "note " + noteIndex + " lost all its expression");
                    assertEquals(1f, lastExpression.pressure(), "note " + noteIndex + " kept its latest expression");
                }
            }
            long expressions = EngineSide.count(got, EngineCommand.EXPRESSION);
            long sent = (long) notes * mpePerNote;
            assertTrue(expressions < sent, "expression was coalesced: " + expressions + " of " + sent);
            assertEquals(sent, expressions + s.server.mergedExpressions(), "every update either arrived or was merged");
            System.out.printf("back-pressure: %d expression updates sent, %d delivered, backlog high water %d%n",
                    sent, expressions, s.server.backlogHighWater());
        }
    }

    private static float bendOf(int note, int notes) {
        return -1f + 2f * note / notes;
    }

    @Test
    void observerThatStopsReadingDoesNotStallAController() throws Exception {
        try (RunningServer s = RunningServer.start(dir);
             RawClient stalled = RawClient.observer(s.socket);
             RawClient player = RawClient.controller(s.socket, "player")) {
            AtomicBoolean producing = new AtomicBoolean(true);
            Thread audio = new Thread(() -> produceTelemetry(s, producing), "telemetry-producer");
            audio.start();
            try {
                RunningServer.await(() -> s.server.telemetrySkipped() > 0, "telemetry skipped for the stalled observer");

                int pairs = 200;
                for (int i = 0; i < pairs; i++) {
                    player.send(new NoteOn(i % 16, i % 128, 1f, 0f, 0f, 0f));
                    player.send(new NoteOff(i % 16, i % 128, 0f));
                }
                player.send(new Ping(5, 6));
                assertEquals(5, player.expect(Pong.class).nonce());
                s.engine.awaitUntil(cmds -> EngineSide.count(cmds, EngineCommand.NOTE_OFF) == pairs, RawClient.WAIT);

                s.awaitLog("(observer) closed: write timeout");
                RunningServer.await(() -> s.server.observers() == 0, "stalled observer dropped");
                assertTrue(s.logLines("(observer) closed: write timeout").get(0).contains("telemetry snapshots skipped"));
                assertTrue(stalled.awaitClosed(), "the server hung up on the stalled observer");
                player.send(new Ping(7, 8));
                assertEquals(7, player.expect(Pong.class).nonce());
                assertEquals(1, s.server.controllers());
            } finally {
                producing.set(false);
                audio.join();
            }
        }
    }

    /** Plays the audio thread's telemetry side: large snapshots, about one per millisecond. */
    private static void produceTelemetry(RunningServer s, AtomicBoolean producing) {
        Random rnd = new Random(3);
        long frame = 0;
        while (producing.get()) {
            Telemetry t = s.telemetry.claim();
            if (t != null) {
                for (int i = 0; i < t.peak.length; i++) {
                    t.peak[i] = rnd.nextFloat();
                    t.rms[i] = t.peak[i] / 2;
                }
                for (int i = 0; i < t.voiceXY.length; i++) {
                    t.voiceXY[i] = rnd.nextFloat();
                }
                t.voiceCount = RunningServer.MAX_VOICES;
                t.activeVoices = RunningServer.MAX_VOICES;
                frame += 256;
                t.frame = frame;
                s.telemetry.publish(t);
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
