package haptic.plugin;

import haptic.protocol.Param;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Runs the audio thread's code on a private pipeline (nothing reaches a server) until HotSpot has compiled
 * it, on the host thread that constructs the plugin.
 *
 * <p>Why: a method the audio thread runs interpreted or in C1's profiling tier asks for its next compilation
 * from that thread when its counters overflow, and the request allocates in the C heap (CompileTask's weak
 * JNI handle; seen by the shim's allocation probe), besides the slow first blocks themselves. Calls per
 * block reach C2's thresholds only after thousands of blocks — many seconds into a performance. Running
 * every path (notes, pedal, poly pressure, note expression, MIDI-mapped and automated parameters, blocks
 * split into batches, blocks with and without host time) here first moves all of that off the audio thread.
 */
final class RealtimeWarmup {
    /**
     * The plugin's JVM runs C1 only (haptic-plugin.conf): a method compiles after about 2000 invocations
     * (Tier3CompileThreshold), so 3000 blocks compile every per-block method, in about 15 ms.
     */
    static final int BLOCKS = 3_000;
    private static final int EVENTS_PER_BLOCK = 12;
    private static final int FRAMES = 256;

    private RealtimeWarmup() {
    }

    /** Host thread, at plugin construction. */
    static void run() {
        ByteBuffer records = ByteBuffer.allocateDirect(EVENTS_PER_BLOCK * HostEvents.RECORD_BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        NoteLink link = new NoteLink(64);
        EventTimes times = new EventTimes();
        ExpressionSlots slots = new ExpressionSlots();
        NoteOutbox outbox = new NoteOutbox(link, new NoteOverflow(64), times, slots);
        MpeTranslator translator = new MpeTranslator(outbox, slots);
        ParameterValues values = new ParameterValues();
        AudioBlock block = new AudioBlock(times, outbox,
                new HostEvents(records, translator, values, times), EVENTS_PER_BLOCK);
        int gain = Param.GAIN.id();
        times.restart(48000);
        for (int b = 0; b < BLOCKS; b++) {
            int channel = 1 + b % 15;
            int note = 40 + b % 40;
            int n = 0;
            n = put(records, n, HostEvents.NOTE_ON, b % FRAMES, channel, note, b, 0.8f, 0);
            n = put(records, n, HostEvents.POLY_PRESSURE, (b + 3) % FRAMES, channel, note, b, (b % 100) / 100f, 0);
            n = put(records, n, HostEvents.NOTE_EXPRESSION, (b + 5) % FRAMES, channel, note, b, 0.5f,
                    MpeTranslator.EXPRESSION_TUNING);
            n = put(records, n, HostEvents.NOTE_EXPRESSION, (b + 6) % FRAMES, channel, note, b, 0.3f,
                    MpeTranslator.EXPRESSION_BRIGHTNESS);
            n = put(records, n, HostEvents.PARAMETER, (b + 7) % FRAMES, 0, 0, -1, (b % 64) / 63f,
                    MidiParameters.idFor(channel, MidiParameters.VST_PITCH_BEND));
            n = put(records, n, HostEvents.PARAMETER, (b + 90) % FRAMES, 0, 0, -1, (b % 32) / 31f,
                    MidiParameters.idFor(channel, MidiParameters.VST_AFTERTOUCH));
            n = put(records, n, HostEvents.PARAMETER, (b + 130) % FRAMES, 0, 0, -1, 0.6f,
                    MidiParameters.idFor(channel, MpeTranslator.CC_TIMBRE));
            n = put(records, n, HostEvents.PARAMETER, (b + 140) % FRAMES, 0, 0, -1, b % 2,
                    MidiParameters.idFor(channel, MpeTranslator.CC_SUSTAIN));
            n = put(records, n, HostEvents.PARAMETER, (b + 150) % FRAMES, 0, 0, -1, (b % 10) / 10f, gain);
            n = put(records, n, HostEvents.NOTE_OFF, (b + 200) % FRAMES, channel, note, b, 0.5f, 0);
            int state = b % 3 == 0 ? 0 : EventTimes.PLAYING | (b % 3 == 1 ? EventTimes.SYSTEM_TIME_VALID : 0);
            long now = System.nanoTime();
            if (b % 2 == 0) {
                block.process(n, FRAMES, AudioBlock.FIRST_BATCH | AudioBlock.LAST_BATCH, state, now,
                        (long) b * FRAMES);
            } else {
                block.process(n / 2, 0, AudioBlock.FIRST_BATCH, state, now, (long) b * FRAMES);
                block.process(n - n / 2, FRAMES, AudioBlock.LAST_BATCH, state, now, (long) b * FRAMES);
            }
            NoteEvent e;
            while ((e = link.poll()) != null) {
                link.recycle(e);
            }
        }
        translator.releaseAll();
    }

    private static int put(ByteBuffer r, int n, int kind, int offset, int channel, int pitch, int noteId, float value,
                           int param) {
        int at = n * HostEvents.RECORD_BYTES;
        r.putInt(at + HostEvents.KIND, kind);
        r.putInt(at + HostEvents.SAMPLE_OFFSET, offset);
        r.putInt(at + HostEvents.CHANNEL, channel);
        r.putInt(at + HostEvents.PITCH, pitch);
        r.putInt(at + HostEvents.NOTE_ID, noteId);
        r.putFloat(at + HostEvents.VALUE, value);
        r.putInt(at + HostEvents.PARAM, param);
        return n + 1;
    }
}
