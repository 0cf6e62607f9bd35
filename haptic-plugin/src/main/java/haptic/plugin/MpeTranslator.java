package haptic.plugin;

/**
 * Turns the host's notes, MIDI-mapped controllers and VST3 note expression into protocol notes and
 * per-channel expression, following MPE: zones from MCM, per-zone bend ranges, master-channel messages
 * for the whole zone, and the pitch of a member note as its own bend plus its master's.
 *
 * <p>Audio thread only. Notes and expression points go to the {@link NoteSink}; {@link ExpressionSlots} keeps
 * each channel's latest expression.
 * Nothing here allocates.
 */
final class MpeTranslator {
    /** VST3 NoteExpressionTypeIDs. */
    static final int EXPRESSION_VOLUME = 0;
    static final int EXPRESSION_TUNING = 2;
    static final int EXPRESSION_EXPRESSION = 4;
    static final int EXPRESSION_BRIGHTNESS = 5;
    /** VST3 tuning expression: 0.5 is in tune and the 0..1 range spans ±120 semitones. */
    static final float TUNING_SPAN_SEMITONES = 240f;

    static final int CC_DATA_ENTRY = 6;
    static final int CC_DATA_ENTRY_LSB = 38;
    static final int CC_SUSTAIN = 64;
    static final int CC_TIMBRE = 74;
    static final int CC_RPN_LSB = 100;
    static final int CC_RPN_MSB = 101;
    static final int CC_ALL_SOUND_OFF = 120;
    static final int CC_ALL_NOTES_OFF = 123;

    private static final int NOTES = 128;

    private final NoteSink notes;
    private final ExpressionSlots slots;
    private final ZoneLayout zones = new ZoneLayout();
    private final ExpressionCache cache = new ExpressionCache();
    private final RpnState rpn = new RpnState();
    private final HeldNotes held = new HeldNotes();
    private final NoteIds noteIds = new NoteIds();

    MpeTranslator(NoteSink notes, ExpressionSlots slots) {
        this.notes = notes;
        this.slots = slots;
    }

    ZoneLayout zones() {
        return zones;
    }

    void noteOn(int channel, int note, int noteId, float velocity) {
        if (!valid(channel, note)) {
            return;
        }
        int key = NoteIds.key(channel, note);
        // Tuning is per-note expression: a new note must not inherit the slide of the channel's last note.
        if (cache.tuning[channel] != 0f) {
            cache.tuning[channel] = 0f;
            publish(channel);
        }
        if (noteId >= 0) {
            noteIds.put(noteId, key);
        } else {
            noteIds.removeKey(key);
        }
        held.started(key);
        notes.noteOn(channel, note, unit(velocity), cache.pressure[channel], bendOf(channel), cache.timbre[channel]);
    }

    void noteOff(int channel, int note, float velocity) {
        if (!valid(channel, note)) {
            return;
        }
        int key = NoteIds.key(channel, note);
        if (!held.sounding(key)) {
            return;
        }
        noteIds.removeKey(key);
        if (sustained(channel)) {
            held.defer(key, unit(velocity));
            return;
        }
        held.stopped(key);
        notes.noteOff(channel, note, unit(velocity));
    }

    /**
     * The protocol has one pressure per channel; with MPE that is one note's. Pressure for a note that is
     * not sounding is a leftover and must not disturb the channel's other notes.
     */
    void polyPressure(int channel, int note, float value) {
        if (valid(channel, note) && held.sounding(NoteIds.key(channel, note))) {
            cache.pressure[channel] = unit(value);
            publish(channel);
        }
    }

    void channelPressure(int channel, float value) {
        if (!validChannel(channel)) {
            return;
        }
        float v = unit(value);
        for (int c = firstTarget(channel), last = lastTarget(channel); c <= last; c++) {
            cache.pressure[c] = v;
            publish(c);
        }
    }

    /** @param value -1..1 of the channel's bend range */
    void pitchWheel(int channel, float value) {
        if (!validChannel(channel)) {
            return;
        }
        cache.wheel[channel] = Float.isNaN(value) ? 0f : Math.max(-1f, Math.min(1f, value));
        // A master's wheel moves every note of its zone; a member's or a lone channel's only its own.
        publishRange(firstTarget(channel), lastTarget(channel));
    }

    /** VST3 note expression: finds the note's channel by noteId, else trusts {@code channel}. */
    void noteExpression(int noteId, int channel, int type, float value) {
        int key = noteId >= 0 ? noteIds.keyOf(noteId) : -1;
        int c = key >= 0 ? key / NOTES : channel;
        if (!validChannel(c)) {
            return;
        }
        switch (type) {
            case EXPRESSION_TUNING:
                cache.tuning[c] = Float.isNaN(value) ? 0f : (value - 0.5f) * TUNING_SPAN_SEMITONES;
                break;
            case EXPRESSION_VOLUME:
            case EXPRESSION_EXPRESSION:
                cache.pressure[c] = unit(value);
                break;
            case EXPRESSION_BRIGHTNESS:
                cache.timbre[c] = unit(value);
                break;
            default:
                return;
        }
        publish(c);
    }

    /** A 7-bit MIDI controller value; only the controllers MPE and a keyboard player need are acted on. */
    void controlChange(int channel, int controller, int value) {
        if (!validChannel(channel)) {
            return;
        }
        int v = Math.max(0, Math.min(127, value));
        switch (controller) {
            case CC_RPN_MSB:
                rpn.selectMsb(channel, v);
                break;
            case CC_RPN_LSB:
                rpn.selectLsb(channel, v);
                break;
            case CC_DATA_ENTRY:
                dataEntry(channel, v);
                break;
            case CC_DATA_ENTRY_LSB:
                if (rpn.selected(channel) == RpnState.BEND_RANGE) {
                    bendRange(channel, rpn.dataMsb(channel) + v / 100f);
                }
                break;
            case CC_TIMBRE:
                timbre(channel, v / 127f);
                break;
            case CC_SUSTAIN:
                sustain(channel, v >= 64);
                break;
            case CC_ALL_SOUND_OFF:
            case CC_ALL_NOTES_OFF:
                releaseChannels(firstTarget(channel), lastTarget(channel));
                break;
            default:
                break;
        }
    }

    /** Releases every note, pedal or not (processing stops: nothing may be left hanging). */
    void releaseAll() {
        releaseChannels(0, ZoneLayout.CHANNELS - 1);
    }

    /** Forgets held notes and pedals without sending anything (whoever sent the notes released them). */
    void forgetNotes() {
        held.clear();
        noteIds.clear();
    }

    /** The protocol bend of a channel: its notes' total bend in semitones over the member (or own) range. */
    float bendOf(int channel) {
        int z = zones.zoneOf(channel);
        float semitones;
        float range;
        if (z == ZoneLayout.NONE) {
            range = zones.channelRange(channel);
            semitones = cache.wheel[channel] * range + cache.tuning[channel];
        } else {
            int master = ZoneLayout.masterOf(z);
            range = zones.memberRange(z);
            semitones = cache.wheel[master] * zones.masterRange(z);
            if (channel != master) {
                semitones += cache.wheel[channel] * range + cache.tuning[channel];
            } else {
                semitones += cache.tuning[channel];
            }
        }
        if (range <= 0f) {
            return Math.signum(semitones);
        }
        return Math.max(-1f, Math.min(1f, semitones / range));
    }

    private void timbre(int channel, float value) {
        for (int c = firstTarget(channel), last = lastTarget(channel); c <= last; c++) {
            cache.timbre[c] = value;
            publish(c);
        }
    }

    private void dataEntry(int channel, int value) {
        rpn.dataMsb(channel, value);
        switch (rpn.selected(channel)) {
            case RpnState.BEND_RANGE:
                bendRange(channel, value);
                break;
            case RpnState.MPE_CONFIGURATION:
                if (zones.configure(channel, value)) {
                    publishRange(0, ZoneLayout.CHANNELS - 1);
                }
                break;
            default:
                break;
        }
    }

    private void bendRange(int channel, float semitones) {
        zones.setBendRange(channel, semitones);
        int z = zones.zoneOf(channel);
        if (z == ZoneLayout.NONE) {
            publish(channel);
        } else {
            publishRange(zones.firstChannel(z), zones.lastChannel(z));
        }
    }

    private void sustain(int channel, boolean down) {
        held.pedal(channel, down);
        if (down) {
            return;
        }
        for (int c = firstTarget(channel), last = lastTarget(channel); c <= last; c++) {
            if (sustained(c)) {
                continue;
            }
            for (int n = 0; n < NOTES; n++) {
                int key = NoteIds.key(c, n);
                if (held.deferred(key)) {
                    held.stopped(key);
                    notes.noteOff(c, n, held.releaseVelocity(key));
                }
            }
        }
    }

    /** Held by its own pedal, or by its zone master's. */
    private boolean sustained(int channel) {
        if (held.pedal(channel)) {
            return true;
        }
        int z = zones.zoneOf(channel);
        return z != ZoneLayout.NONE && held.pedal(ZoneLayout.masterOf(z));
    }

    private void releaseChannels(int first, int last) {
        for (int c = first; c <= last; c++) {
            for (int n = 0; n < NOTES; n++) {
                int key = NoteIds.key(c, n);
                if (held.sounding(key)) {
                    held.stopped(key);
                    noteIds.removeKey(key);
                    notes.noteOff(c, n, 0f);
                }
            }
        }
    }

    /** A master channel's messages reach its whole zone; any other channel's only itself. */
    private int firstTarget(int channel) {
        return zones.isMaster(channel) ? zones.firstChannel(zones.zoneOf(channel)) : channel;
    }

    private int lastTarget(int channel) {
        return zones.isMaster(channel) ? zones.lastChannel(zones.zoneOf(channel)) : channel;
    }

    private void publishRange(int first, int last) {
        for (int c = first; c <= last; c++) {
            publish(c);
        }
    }

    private void publish(int channel) {
        float bend = bendOf(channel);
        slots.write(channel, cache.pressure[channel], bend, cache.timbre[channel]);
        notes.expression(channel, cache.pressure[channel], bend, cache.timbre[channel]);
    }

    private static boolean validChannel(int channel) {
        return channel >= 0 && channel < ZoneLayout.CHANNELS;
    }

    private static boolean valid(int channel, int note) {
        return validChannel(channel) && note >= 0 && note < NOTES;
    }

    static float unit(float v) {
        return v >= 0f ? Math.min(1f, v) : 0f;
    }
}
