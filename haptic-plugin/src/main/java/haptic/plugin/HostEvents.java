package haptic.plugin;

import java.nio.ByteBuffer;

/**
 * Reads the shim's 32-byte event records (JNI.md) out of the shared direct buffer, stamps each with the
 * time of its sample offset, and hands it to the translator or the parameter values. Audio thread;
 * absolute reads only, so nothing allocates.
 */
final class HostEvents {
    static final int RECORD_BYTES = 32;
    static final int NOTE_ON = 1;
    static final int NOTE_OFF = 2;
    static final int POLY_PRESSURE = 3;
    static final int NOTE_EXPRESSION = 4;
    static final int PARAMETER = 5;

    static final int KIND = 0;
    static final int SAMPLE_OFFSET = 4;
    static final int CHANNEL = 8;
    static final int PITCH = 12;
    static final int NOTE_ID = 16;
    static final int VALUE = 20;
    static final int PARAM = 24;

    private final ByteBuffer records;
    private final MpeTranslator translator;
    private final ParameterValues values;
    private final EventTimes times;

    HostEvents(ByteBuffer records, MpeTranslator translator, ParameterValues values, EventTimes times) {
        this.records = records;
        this.translator = translator;
        this.values = values;
        this.times = times;
    }

    void dispatch(int count) {
        for (int i = 0; i < count; i++) {
            int at = i * RECORD_BYTES;
            int channel = records.getInt(at + CHANNEL);
            int pitch = records.getInt(at + PITCH);
            float value = records.getFloat(at + VALUE);
            times.stamp(records.getInt(at + SAMPLE_OFFSET));
            switch (records.getInt(at + KIND)) {
                case NOTE_ON:
                    translator.noteOn(channel, pitch, records.getInt(at + NOTE_ID), value);
                    break;
                case NOTE_OFF:
                    translator.noteOff(channel, pitch, value);
                    break;
                case POLY_PRESSURE:
                    translator.polyPressure(channel, pitch, value);
                    break;
                case NOTE_EXPRESSION:
                    translator.noteExpression(records.getInt(at + NOTE_ID), channel, records.getInt(at + PARAM), value);
                    break;
                case PARAMETER:
                    parameter(records.getInt(at + PARAM), value);
                    break;
                default:
                    break;
            }
        }
    }

    /**
     * Automatable parameters keep only their latest value (the IPC thread sends what it finds); every point
     * of a MIDI-mapped one is a MIDI message and is translated in order.
     */
    private void parameter(int id, float value) {
        int index = ParameterCatalog.indexOf(id);
        if (index < 0) {
            return;
        }
        values.set(index, value, times.current());
        if (MidiParameters.isMidi(id)) {
            MidiParameters.apply(translator, id, value);
        }
    }
}
