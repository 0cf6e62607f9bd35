package haptic.plugin;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MpeTranslatorTest {
    private static final float EPS = 1e-6f;

    private final RecordedNotes notes = new RecordedNotes();
    private final ExpressionSlots slots = new ExpressionSlots();
    private MpeTranslator t;

    @BeforeEach
    void setUp() {
        t = new MpeTranslator(notes, slots);
    }

    /** MPE Configuration Message: RPN 6 on the zone's master channel. */
    private void mcm(int masterChannel, int members) {
        t.controlChange(masterChannel, 101, 0);
        t.controlChange(masterChannel, 100, 6);
        t.controlChange(masterChannel, 6, members);
    }

    private void bendRange(int channel, int semitones, int cents) {
        t.controlChange(channel, 101, 0);
        t.controlChange(channel, 100, 0);
        t.controlChange(channel, 6, semitones);
        t.controlChange(channel, 38, cents);
    }

    @Test
    void withoutMcmEveryChannelStandsAloneWithTwoSemitones() {
        t.pitchWheel(0, 1f);
        assertEquals(1f, slots.bend(0), EPS, "full wheel = the whole 2-semitone range");
        assertEquals(0f, slots.bend(1), EPS, "channel 0 is no master without an MCM");
        t.pitchWheel(3, 0.5f);
        t.noteOn(3, 60, -1, 0.8f);
        assertEquals(0.5f, notes.lastOn().bend(), EPS);
        assertEquals(ZoneLayout.NONE, t.zones().zoneOf(0));
        assertEquals(2f, t.zones().channelRange(3), EPS);
        // A lone channel's RPN 0 changes its range, so the same wheel position means the same fraction of it.
        bendRange(3, 12, 0);
        assertEquals(12f, t.zones().channelRange(3), EPS);
        assertEquals(0.5f, slots.bend(3), EPS);
    }

    @Test
    void lowerZoneMcmMakesMembersAndMasterBendAddsToThem() {
        mcm(0, 7);
        for (int c = 0; c <= 7; c++) {
            assertEquals(ZoneLayout.LOWER, t.zones().zoneOf(c), "channel " + c);
        }
        assertEquals(ZoneLayout.NONE, t.zones().zoneOf(8));
        t.pitchWheel(0, 1f);
        // Master: +1 × 2 semitones; members' range is 48.
        assertEquals(2f / 48f, slots.bend(3), EPS);
        assertEquals(2f / 48f, slots.bend(7), EPS);
        assertEquals(0f, slots.bend(8), EPS, "outside the zone");
        t.pitchWheel(3, 0.5f);
        assertEquals((0.5f * 48f + 2f) / 48f, slots.bend(3), EPS);
        assertEquals(2f / 48f, slots.bend(4), EPS, "a member's wheel is its own");
        t.noteOn(3, 64, -1, 1f);
        assertEquals((0.5f * 48f + 2f) / 48f, notes.lastOn().bend(), EPS);
    }

    @Test
    void upperZoneMcmCountsDownFromFourteen() {
        mcm(15, 3);
        for (int c = 12; c <= 15; c++) {
            assertEquals(ZoneLayout.UPPER, t.zones().zoneOf(c), "channel " + c);
        }
        assertEquals(ZoneLayout.NONE, t.zones().zoneOf(11));
        t.pitchWheel(15, -1f);
        assertEquals(-2f / 48f, slots.bend(13), EPS);
        assertEquals(0f, slots.bend(11), EPS);
    }

    @Test
    void aNewZoneShrinksAnOverlappingOne() {
        mcm(0, 10);
        mcm(15, 7);
        assertEquals(7, t.zones().members(ZoneLayout.UPPER));
        assertEquals(14 - 7, t.zones().members(ZoneLayout.LOWER));
        mcm(0, 15);
        assertEquals(0, t.zones().members(ZoneLayout.UPPER), "a 15-member lower zone leaves no upper zone");
        assertEquals(ZoneLayout.LOWER, t.zones().zoneOf(15));
        mcm(0, 0);
        assertEquals(ZoneLayout.NONE, t.zones().zoneOf(3), "0 members switches the zone off");
    }

    @Test
    void rpnZeroSetsMemberRangeForTheWholeZoneAndMasterRangeOnTheMaster() {
        mcm(0, 15);
        bendRange(5, 24, 0);
        assertEquals(24f, t.zones().memberRange(ZoneLayout.LOWER), EPS);
        t.pitchWheel(9, 0.5f);
        t.pitchWheel(0, 1f);
        assertEquals((0.5f * 24f + 2f) / 24f, slots.bend(9), EPS, "range sent on channel 5 applies to channel 9");
        bendRange(0, 12, 50);
        assertEquals(12.5f, t.zones().masterRange(ZoneLayout.LOWER), EPS, "CC38 adds cents");
        t.pitchWheel(9, 0.25f);
        assertEquals((0.25f * 24f + 12.5f) / 24f, slots.bend(9), EPS);
        mcm(0, 15);
        assertEquals(48f, t.zones().memberRange(ZoneLayout.LOWER), EPS, "an MCM restores the defaults");
        assertEquals(2f, t.zones().masterRange(ZoneLayout.LOWER), EPS);
    }

    @Test
    void totalBendIsClampedToTheMemberRange() {
        mcm(0, 4);
        bendRange(0, 96, 0);
        t.pitchWheel(0, 1f);
        t.pitchWheel(2, 1f);
        assertEquals(1f, slots.bend(2), EPS);
    }

    @Test
    void polyPressureAndChannelPressureShareTheChannelsPressure() {
        t.noteOn(2, 60, -1, 1f);
        t.polyPressure(2, 60, 0.7f);
        assertEquals(0.7f, slots.pressure(2), EPS);
        t.polyPressure(2, 61, 0.2f);
        assertEquals(0.7f, slots.pressure(2), EPS, "pressure for a note that is not sounding is a leftover");
        t.channelPressure(2, 0.3f);
        assertEquals(0.3f, slots.pressure(2), EPS);
        assertEquals(0f, slots.pressure(3), EPS);
    }

    @Test
    void masterPressureAndTimbreReachTheWholeZone() {
        mcm(0, 5);
        t.channelPressure(0, 0.6f);
        t.controlChange(0, 74, 127);
        for (int c = 0; c <= 5; c++) {
            assertEquals(0.6f, slots.pressure(c), EPS, "channel " + c);
            assertEquals(1f, slots.timbre(c), EPS, "channel " + c);
        }
        assertEquals(0f, slots.pressure(6), EPS);
        assertEquals(0.5f, slots.timbre(6), EPS);
        t.channelPressure(4, 0.1f);
        assertEquals(0.1f, slots.pressure(4), EPS);
        assertEquals(0.6f, slots.pressure(3), EPS, "a member's pressure is its own");
    }

    @Test
    void cc74IsTimbre() {
        t.controlChange(4, 74, 100);
        assertEquals(100f / 127f, slots.timbre(4), EPS);
        t.noteOn(4, 50, -1, 0.5f);
        assertEquals(100f / 127f, notes.lastOn().timbre(), EPS);
    }

    @Test
    void theCacheKeepsEveryOtherDimension() {
        t.noteOn(9, 40, -1, 1f);
        RecordedNotes.On fresh = notes.lastOn();
        assertEquals(0f, fresh.pressure(), EPS);
        assertEquals(0f, fresh.bend(), EPS);
        assertEquals(0.5f, fresh.timbre(), EPS);

        t.channelPressure(6, 0.4f);
        t.controlChange(6, 74, 20);
        t.pitchWheel(6, -0.5f);
        assertEquals(0.4f, slots.pressure(6), EPS);
        assertEquals(20f / 127f, slots.timbre(6), EPS);
        assertEquals(-0.5f, slots.bend(6), EPS);
        t.channelPressure(6, 0.9f);
        assertEquals(20f / 127f, slots.timbre(6), EPS, "pressure must not reset timbre");
        assertEquals(-0.5f, slots.bend(6), EPS, "pressure must not reset bend");
        t.noteOn(6, 62, -1, 0.25f);
        RecordedNotes.On on = notes.lastOn();
        assertEquals(0.25f, on.velocity(), EPS);
        assertEquals(0.9f, on.pressure(), EPS);
        assertEquals(-0.5f, on.bend(), EPS);
        assertEquals(20f / 127f, on.timbre(), EPS);
    }

    @Test
    void sustainHoldsNoteOffsUntilThePedalIsReleased() {
        t.noteOn(0, 60, -1, 1f);
        t.noteOn(0, 64, -1, 1f);
        t.controlChange(0, 64, 127);
        t.noteOff(0, 60, 0.4f);
        t.noteOff(0, 64, 0.2f);
        assertTrue(notes.offs.isEmpty(), "held by the pedal");
        t.noteOn(0, 64, -1, 1f);
        t.controlChange(0, 64, 0);
        assertEquals(1, notes.offs.size(), "64 was struck again and is held by its key");
        assertEquals(new RecordedNotes.Off(0, 60, 0.4f), notes.offs.get(0));
        t.noteOff(0, 64, 0f);
        assertEquals(2, notes.offs.size());
    }

    @Test
    void aMasterPedalSustainsTheWholeZone() {
        mcm(0, 4);
        t.noteOn(2, 60, -1, 1f);
        t.noteOn(6, 60, -1, 1f);
        t.controlChange(0, 64, 100);
        t.noteOff(2, 60, 0f);
        t.noteOff(6, 60, 0f);
        assertEquals(1, notes.offs.size(), "channel 6 is outside the zone");
        assertEquals(6, notes.offs.get(0).channel());
        t.controlChange(0, 64, 10);
        assertEquals(2, notes.offs.size());
        assertEquals(2, notes.offs.get(1).channel());
    }

    @Test
    void allNotesOffReleasesTheChannelOrTheZone() {
        t.noteOn(3, 60, -1, 1f);
        t.noteOn(3, 61, -1, 1f);
        t.noteOn(4, 62, -1, 1f);
        t.controlChange(3, 64, 127);
        t.controlChange(3, 123, 0);
        assertEquals(2, notes.offs.size(), "pedal or not");
        assertTrue(notes.offs.stream().allMatch(o -> o.channel() == 3));
        mcm(0, 5);
        t.noteOn(1, 70, -1, 1f);
        t.controlChange(0, 120, 0);
        assertEquals(4, notes.offs.size(), "channels 1 and 4 are both members of the zone");
        t.noteOff(1, 70, 0f);
        assertEquals(4, notes.offs.size(), "already released");
    }

    @Test
    void noteExpressionMapsTuningExpressionAndBrightness() {
        t.noteOn(5, 64, 77, 1f);
        t.noteExpression(77, -1, MpeTranslator.EXPRESSION_TUNING, 0.5f + 1f / 240f);
        assertEquals(1f / 2f, slots.bend(5), 1e-5f, "+1 semitone of a 2-semitone range");
        t.noteExpression(77, -1, MpeTranslator.EXPRESSION_EXPRESSION, 0.6f);
        assertEquals(0.6f, slots.pressure(5), EPS);
        t.noteExpression(77, -1, MpeTranslator.EXPRESSION_VOLUME, 0.3f);
        assertEquals(0.3f, slots.pressure(5), EPS);
        t.noteExpression(77, -1, MpeTranslator.EXPRESSION_BRIGHTNESS, 0.9f);
        assertEquals(0.9f, slots.timbre(5), EPS);
        t.noteExpression(77, -1, 1, 0f);
        assertEquals(0.3f, slots.pressure(5), EPS, "pan changes nothing");
        assertEquals(0.9f, slots.timbre(5), EPS);
        t.noteExpression(12345, 8, MpeTranslator.EXPRESSION_BRIGHTNESS, 0.2f);
        assertEquals(0.2f, slots.timbre(8), EPS, "unknown noteId: the record's channel");
        t.noteOn(5, 65, 78, 1f);
        assertEquals(0f, notes.lastOn().bend(), EPS, "a new note does not inherit the last note's tuning");
    }

    @Test
    void tuningOfAMemberNoteAddsToItsMastersBend() {
        mcm(0, 3);
        t.noteOn(2, 60, 900, 1f);
        t.pitchWheel(0, 1f);
        t.noteExpression(900, 0, MpeTranslator.EXPRESSION_TUNING, 0.5f + 3f / 240f);
        assertEquals((3f + 2f) / 48f, slots.bend(2), 1e-5f);
    }

    @Test
    void noteIdsFollowTheirNotes() {
        t.noteOn(1, 10, 5, 1f);
        t.noteOn(2, 20, 6, 1f);
        t.noteOff(1, 10, 0f);
        t.noteExpression(5, 9, MpeTranslator.EXPRESSION_BRIGHTNESS, 0.1f);
        assertEquals(0.1f, slots.timbre(9), EPS, "a released note's id no longer maps");
        t.noteExpression(6, 9, MpeTranslator.EXPRESSION_BRIGHTNESS, 0.7f);
        assertEquals(0.7f, slots.timbre(2), EPS);
    }

    @Test
    void midiParametersDecodeIntoMidiMessages() {
        int bend = MidiParameters.idFor(3, MidiParameters.VST_PITCH_BEND);
        MidiParameters.apply(t, bend, 1f);
        assertEquals(1f, slots.bend(3), EPS);
        MidiParameters.apply(t, bend, 0.5f);
        assertEquals(0f, slots.bend(3), EPS, "the 14-bit centre is exactly no bend");
        MidiParameters.apply(t, bend, 0f);
        assertEquals(-1f, slots.bend(3), EPS);
        MidiParameters.apply(t, MidiParameters.idFor(3, MidiParameters.VST_AFTERTOUCH), 0.25f);
        assertEquals(0.25f, slots.pressure(3), EPS);
        MidiParameters.apply(t, MidiParameters.idFor(3, 74), 64f / 127f);
        assertEquals(64f / 127f, slots.timbre(3), EPS);
        // An MCM as a host delivers it: three parameter changes on channel 15.
        MidiParameters.apply(t, MidiParameters.idFor(15, 101), 0f);
        MidiParameters.apply(t, MidiParameters.idFor(15, 100), 6f / 127f);
        MidiParameters.apply(t, MidiParameters.idFor(15, 6), 4f / 127f);
        assertEquals(4, t.zones().members(ZoneLayout.UPPER));
    }

    @Test
    void releaseAllStopsEverythingIncludingSustainedNotes() {
        t.noteOn(0, 1, -1, 1f);
        t.noteOn(15, 2, -1, 1f);
        t.controlChange(15, 64, 127);
        t.noteOff(15, 2, 0f);
        t.releaseAll();
        assertEquals(2, notes.offs.size());
    }
}
