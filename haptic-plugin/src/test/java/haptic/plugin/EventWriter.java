package haptic.plugin;

import java.nio.ByteBuffer;

/**
 * Writes event records into a plugin's buffer the way the shim does, then calls process(). Every method
 * is allocation-free so the allocation test can drive the plugin through it.
 */
final class EventWriter {
    private final HapticPlugin plugin;
    private final ByteBuffer buffer;
    private final int capacity;
    private int count;

    EventWriter(HapticPlugin plugin) {
        this.plugin = plugin;
        this.buffer = plugin.eventBuffer();
        this.capacity = plugin.eventCapacity();
    }

    EventWriter noteOn(int channel, int pitch, int noteId, float velocity) {
        return record(HostEvents.NOTE_ON, channel, pitch, noteId, velocity, 0);
    }

    EventWriter noteOff(int channel, int pitch, float velocity) {
        return record(HostEvents.NOTE_OFF, channel, pitch, -1, velocity, 0);
    }

    EventWriter polyPressure(int channel, int pitch, float value) {
        return record(HostEvents.POLY_PRESSURE, channel, pitch, -1, value, 0);
    }

    EventWriter expression(int noteId, int type, float value) {
        return record(HostEvents.NOTE_EXPRESSION, -1, -1, noteId, value, type);
    }

    EventWriter parameter(int id, float normalized) {
        return record(HostEvents.PARAMETER, 0, 0, -1, normalized, id);
    }

    /** A MIDI controller as the host delivers it: a change of the parameter IMidiMapping named. */
    EventWriter midi(int channel, int controller, float normalized) {
        return parameter(plugin.midiControllerToParameter(channel, controller), normalized);
    }

    EventWriter cc(int channel, int controller, int value) {
        return midi(channel, controller, value / 127f);
    }

    /** Ends the block: process() with what was written. */
    void process() {
        plugin.process(count, 64);
        count = 0;
    }

    private EventWriter record(int kind, int channel, int pitch, int noteId, float value, int param) {
        if (count == capacity) {
            // What the shim does with an oversized block: full batches first, with no samples.
            plugin.process(count, 0);
            count = 0;
        }
        int at = count * HostEvents.RECORD_BYTES;
        buffer.putInt(at + HostEvents.KIND, kind);
        buffer.putInt(at + HostEvents.SAMPLE_OFFSET, 0);
        buffer.putInt(at + HostEvents.CHANNEL, channel);
        buffer.putInt(at + HostEvents.PITCH, pitch);
        buffer.putInt(at + HostEvents.NOTE_ID, noteId);
        buffer.putFloat(at + HostEvents.VALUE, value);
        buffer.putInt(at + HostEvents.PARAM, param);
        buffer.putInt(at + 28, 0);
        count++;
        return this;
    }
}
