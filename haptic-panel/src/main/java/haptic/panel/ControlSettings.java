package haptic.panel;

import haptic.protocol.Param;

/**
 * What the user set in the controls, in the holders ImGui's widgets edit in place. Shared by the
 * controls (which edit it) and the table (which plays pulses and notes with it), on the render thread.
 */
final class ControlSettings {
    /** Master gain as last set from this panel; the server does not report it, so it starts at the default. */
    final float[] masterGain = {Param.MASTER_GAIN.defaultValue()};
    final float[] pulseLevel = {0.5f};
    final float[] pulseSeconds = {0.25f};
    /** MIDI note of the test note; 45 is A2, 110 Hz, well inside what the transducers reproduce. */
    final int[] note = {45};
    final float[] velocity = {0.8f};
    final float[] pressure = {0.8f};

    /** Equal-tempered frequency of a MIDI note, A4 = 440 Hz. */
    static double hertz(int note) {
        return 440.0 * Math.pow(2.0, (note - 69) / 12.0);
    }
}
