package haptic.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import haptic.protocol.Param;
import org.junit.jupiter.api.Test;

/** Notes starting, retriggering, releasing, being stolen, and the engine going quiet. */
class VoiceLifecycleTest {
    private static final float RATE = 48000f;
    private final Layout layout = Layout.defaultLayout();

    private Engine engine(int waveVoices, int fieldVoices) {
        return new Engine(layout, EngineSettings.defaults().withWaveVoices(waveVoices).withFieldVoices(fieldVoices)
                .withInstances(4));
    }

    @Test
    void noteOffDecaysToSilenceAndTheVoiceFreesAfterItsTail() {
        Engine e = engine(4, 4);
        float release = 0.05f;
        e.setParameter(0, Param.RELEASE, release);
        e.noteOn(0, 0, 48, 1f, 1f, 1f, 1f); // far corner: the tail to T01 is the whole diagonal
        float[][] out = Renders.buffer(20000);
        Renders.render(e, out, 0, 4800);
        e.noteOff(0, 0, 48);
        int off = 4800;
        int releaseSamples = Math.round(release * RATE);
        int tail = (int) Math.ceil(layout.maxDistance() / Param.WAVE_SPEED.defaultValue() * RATE);
        int freeBy = off + releaseSamples + tail + 4 + 2 * Engine.CHUNK;
        int stillBusyAt = off + releaseSamples + tail - Engine.CHUNK;
        Renders.render(e, out, off, stillBusyAt);
        assertEquals(1, e.activeVoices(), "the last emission is still on its way to the far transducers");
        Renders.render(e, out, stillBusyAt, freeBy);
        assertEquals(0, e.activeVoices(), "freed once the tail has passed the farthest transducer");
        Renders.render(e, out, freeBy, out[0].length);
        assertEquals(0f, Renders.peak(out, freeBy, out[0].length));
        // T32 sits under the source and hears the release as it is emitted.
        float before = peak(out[31], off - 480, off);
        // The envelope falls from 0.583 to 0.417 across this window (a linear release through its middle).
        float halfway = peak(out[31], off + releaseSamples / 2 - 200, off + releaseSamples / 2 + 200);
        assertTrue(before > 0.5f, "was sounding: " + before);
        assertTrue(halfway < before * 0.59f && halfway > before * 0.41f, "linear release: " + halfway + " vs "
                + before);
        assertEquals(0f, peak(out[31], off + releaseSamples + 1, off + releaseSamples + 500));
        // T01 is the last to hear it: it still rings until the end of the release plus the full travel time.
        float lastHeard = 0;
        for (int t = off + releaseSamples + tail - 200; t < off + releaseSamples + tail - 100; t++) {
            lastHeard = Math.max(lastHeard, Math.abs(out[0][t]));
        }
        assertTrue(lastHeard > 0f, "the far transducer hears the end of the release late");
        assertNull(e.voice(0, 0, 48));
    }

    private static float peak(float[] s, int from, int to) {
        float p = 0;
        for (int t = from; t < to; t++) {
            p = Math.max(p, Math.abs(s[t]));
        }
        return p;
    }

    @Test
    void noteOffForUnknownNoteIsIgnored() {
        Engine e = engine(4, 4);
        e.noteOn(0, 0, 60, 1f, 1f, 0f, 0.5f);
        e.noteOff(0, 0, 61);
        e.noteOff(1, 0, 60);
        e.noteOff(99, 0, 60);
        assertTrue(!e.voice(0, 0, 60).released);
        assertEquals(1, e.activeVoices());
    }

    @Test
    void panicSilencesWithin32SamplesAndLeavesNoTails() {
        Engine e = engine(16, 8);
        for (int n = 0; n < 10; n++) {
            e.noteOn(0, n, 40 + n, 1f, 1f, n / 5f - 1f, n / 10f);
        }
        e.setParameter(1, Param.STIMULUS_TYPE, Param.STIMULUS_TRAVELLING);
        for (int n = 0; n < 5; n++) {
            e.noteOn(1, n, 50 + n, 1f, 1f, 0.2f * n - 0.5f, 0.3f);
        }
        e.testPulse(7, 1f, 1f);
        float[][] out = Renders.render(e, 6000);
        assertTrue(Renders.peak(out, 5900, 6000) > 0.1f);
        e.panic();
        float[][] after = Renders.buffer(10000);
        e.render(after, 0, 3);
        Renders.render(e, after, 3, 10000);
        assertEquals(0f, Renders.peak(after, Engine.FADE_SAMPLES, 10000), "silent from sample 32 on, no tails");
        assertEquals(0, e.activeVoices());
        // The fade is a fade, not a cut: the first samples after panic continue the signal.
        float[] last = new float[Layout.TRANSDUCERS];
        float worstJump = 0;
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            last[i] = out[i][5999];
            worstJump = Math.max(worstJump, Math.abs(after[i][0] - last[i]));
        }
        assertTrue(worstJump < 0.2f * Renders.peak(out, 5900, 6000), "no click at panic: " + worstJump);
        // A note after panic starts from a clean line: nothing from before is heard.
        e.noteOn(0, 0, 40, 1f, 1f, -1f, 0f);
        float[][] again = Renders.render(e, 600);
        int onset = Renders.firstNonZero(again[0]);
        assertTrue(onset >= 1 && onset <= 3, "T01 under the source hears only the new note, onset " + onset);
    }

    @Test
    void eventsAtASampleOffsetStartExactlyThere() {
        for (int type = 0; type <= 2; type++) {
            Engine split = engine(4, 4);
            Engine reference = engine(4, 4);
            split.setParameter(0, Param.STIMULUS_TYPE, type);
            reference.setParameter(0, Param.STIMULUS_TYPE, type);
            int offset = 37;
            float[][] a = Renders.buffer(4096 + offset);
            split.render(a, 0, offset);
            split.noteOn(0, 2, 55, 0.9f, 0.4f, 0.25f, 0.75f);
            Renders.render(split, a, offset, a[0].length);
            reference.noteOn(0, 2, 55, 0.9f, 0.4f, 0.25f, 0.75f);
            float[][] b = Renders.render(reference, 4096);
            for (int i = 0; i < Layout.TRANSDUCERS; i++) {
                for (int t = 0; t < offset; t++) {
                    assertEquals(0f, a[i][t], "type " + type + ": nothing before the offset");
                }
                for (int t = 0; t < 4096; t++) {
                    assertEquals(b[i][t], a[i][t + offset], 1e-6f, "type " + type + " T" + i + " at " + t);
                }
            }
            assertTrue(Renders.peak(b, 0, 4096) > 0.05f);
        }
    }

    @Test
    void stealingPrefersReleasingThenOldestAndIsDeterministic() {
        float[][] first = stealingScenario();
        float[][] second = stealingScenario();
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            assertArrayEquals(first[i], second[i], "same commands, same output");
        }
    }

    private float[][] stealingScenario() {
        Engine e = engine(4, 2);
        float[][] out = Renders.buffer(8000);
        int pos = 0;
        for (int n = 0; n < 4; n++) { // notes 60..63 start 10 samples apart
            e.noteOn(0, 0, 60 + n, 1f, 0.5f, -0.5f + n * 0.3f, 0.5f);
            e.render(out, pos, pos + 10);
            pos += 10;
        }
        Voice v60 = e.voice(0, 0, 60);
        Voice v61 = e.voice(0, 0, 61);
        Voice v62 = e.voice(0, 0, 62);
        e.noteOff(0, 0, 62);
        e.render(out, pos, pos + 5);
        pos += 5;
        e.noteOff(0, 0, 61); // released later than 62
        assertEquals(0, e.stolenCount());

        e.noteOn(0, 0, 70, 1f, 0.5f, 0f, 0f);
        assertEquals(1, e.stolenCount());
        assertSame(v62, e.voice(0, 0, 70), "the voice that began releasing first is taken first");
        assertNull(e.voice(0, 0, 62));
        e.noteOn(0, 0, 71, 1f, 0.5f, 0f, 0f);
        assertSame(v61, e.voice(0, 0, 71), "then the other releasing voice");
        e.noteOn(0, 0, 72, 1f, 0.5f, 0f, 0f);
        assertSame(v60, e.voice(0, 0, 72), "then the oldest sounding voice");
        assertEquals(3, e.stolenCount());
        assertEquals(4, e.activeVoices(), "no duplicates, no leaks");

        e.render(out, pos, pos + Engine.FADE_SAMPLES + 1);
        pos += Engine.FADE_SAMPLES + 1;
        assertEquals(Voice.PLAYING, v62.state);
        assertEquals(70, v62.note, "the stolen slot now plays the new note");
        assertEquals(72, v60.note);
        e.noteOff(0, 0, 60); // its voice is gone: a no-op
        assertTrue(!v60.released);
        Renders.render(e, out, pos, out[0].length);
        assertEquals(0, e.nonFiniteCount());
        return out;
    }

    @Test
    void burstBeyondThePoolStealsEveryExtraNote() {
        Engine e = engine(8, 2);
        for (int n = 0; n < 30; n++) {
            e.noteOn(0, n % 16, 30 + n, 1f, 1f, 0f, 0f);
        }
        assertEquals(22, e.stolenCount());
        assertEquals(8, e.activeVoices());
        for (int n = 22; n < 30; n++) {
            assertNotNull(e.voice(0, n % 16, 30 + n), "the newest notes hold the slots");
        }
        float[][] out = Renders.render(e, 2000);
        assertEquals(8, e.activeVoices());
        assertTrue(Renders.peak(out, 1000, 2000) > 0.1f);
        assertEquals(0, e.nonFiniteCount());
    }

    @Test
    void retriggerReusesTheVoiceWithoutAGap() {
        Engine e = engine(4, 4);
        e.noteOn(0, 1, 45, 0.5f, 1f, 0f, 0.5f);
        float[][] out = Renders.buffer(9600);
        Renders.render(e, out, 0, 4800);
        Voice v = e.voice(0, 1, 45);
        e.noteOff(0, 1, 45);
        Renders.render(e, out, 4800, 5600);
        assertTrue(v.released);
        e.noteOn(0, 1, 45, 1f, 1f, 0f, 0.5f);
        assertSame(v, e.voice(0, 1, 45), "same identity, same voice");
        assertTrue(!v.released);
        assertEquals(1, e.activeVoices());
        Renders.render(e, out, 5600, 9600);
        assertEquals(1, e.activeVoices());
        double omega = 2 * Math.PI * Renders.frequency(45) / RATE;
        float amp = Renders.peak(out, 4000, 4800);
        for (int i = 0; i < Layout.TRANSDUCERS; i++) {
            for (int t = 4000; t < 9600; t++) {
                assertTrue(Math.abs(out[i][t] - out[i][t - 1]) < 2.2 * amp * omega, "smooth at " + t);
            }
        }
        assertTrue(Renders.peak(out, 9000, 9600) > 1.8f * amp, "louder with the new velocity");
        assertEquals(0, e.stolenCount());
    }

    @Test
    void changingStimulusTypeReplacesTheVoiceInsteadOfDuplicatingIt() {
        Engine e = engine(4, 4);
        e.noteOn(0, 0, 50, 1f, 1f, 0f, 0f);
        Voice wave = e.voice(0, 0, 50);
        assertTrue(wave instanceof WaveVoice);
        Renders.render(e, 1000);
        e.setParameter(0, Param.STIMULUS_TYPE, Param.STIMULUS_STANDING);
        e.noteOn(0, 0, 50, 1f, 1f, 0f, 0f);
        Voice field = e.voice(0, 0, 50);
        assertTrue(field instanceof FieldVoice);
        assertEquals(Voice.FADING, wave.state);
        Renders.render(e, Engine.FADE_SAMPLES);
        assertEquals(1, e.activeVoices());
        e.noteOff(0, 0, 50);
        assertTrue(field.released);
    }

    @Test
    void aNoteWaitingForAStolenWaveSlotCanBecomeAFieldNote() {
        Engine e = engine(8, 2);
        for (int n = 0; n < 8; n++) {
            e.noteOn(0, 0, 40 + n, 1f, 1f, 0f, 0f);
        }
        e.noteOff(0, 0, 47); // the releasing voice in the last slot is the one to steal
        e.noteOn(0, 0, 48, 1f, 1f, 0f, 0f);
        Voice waiting = e.voice(0, 0, 48);
        assertEquals(7, waiting.slot, "waits in a wave slot the field pool does not have");
        assertTrue(waiting.hasPending);
        assertEquals(Voice.FADING, waiting.state);
        e.setParameter(0, Param.STIMULUS_TYPE, Param.STIMULUS_TRAVELLING);
        e.noteOn(0, 0, 48, 1f, 1f, 0f, 0f);
        assertTrue(e.voice(0, 0, 48) instanceof FieldVoice);
        assertTrue(!waiting.hasPending, "the queued wave note is dropped, not duplicated");
        Renders.render(e, 100);
        assertEquals(8, e.activeVoices(), "7 waves and the field voice; the faded slot is free again");
    }

    @Test
    void releaseInstanceReleasesOnlyThatInstance() {
        Engine e = engine(8, 4);
        for (int n = 0; n < 3; n++) {
            e.noteOn(0, n, 60 + n, 1f, 1f, 0f, 0f);
        }
        e.noteOn(1, 0, 60, 1f, 1f, 0f, 0f);
        e.noteOn(1, 5, 61, 1f, 1f, 0f, 0f);
        Renders.render(e, 500);
        e.releaseInstance(0);
        for (int n = 0; n < 3; n++) {
            assertTrue(e.voice(0, n, 60 + n).released);
        }
        assertTrue(!e.voice(1, 0, 60).released);
        assertTrue(!e.voice(1, 5, 61).released);
        Renders.render(e, (int) (RATE * 1.5));
        assertEquals(2, e.activeVoices(), "instance 0's voices have finished");
        assertNotNull(e.voice(1, 0, 60));
    }

    @Test
    void resetInstanceRestoresDefaults() {
        Engine e = engine(4, 4);
        e.setParameter(2, Param.WAVE_SPEED, 77f);
        e.setParameter(2, Param.STIMULUS_TYPE, 2f);
        e.resetInstance(2);
        e.noteOn(2, 0, 60, 1f, 1f, 0f, 0f);
        Voice v = e.voice(2, 0, 60);
        assertTrue(v instanceof WaveVoice);
        assertEquals(Param.WAVE_SPEED.defaultValue(), v.waveSpeed);
    }
}
