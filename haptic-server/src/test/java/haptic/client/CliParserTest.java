package haptic.client;

import haptic.protocol.Param;
import haptic.protocol.Role;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliParserTest {

    private static CliCommand command(String line) throws UsageException {
        Invocation inv = CliParser.parse(line.split(" "));
        assertNull(inv.help(), "expected a command, got help");
        return inv.command();
    }

    private static UsageException rejected(String line) {
        return assertThrows(UsageException.class, () -> CliParser.parse(line.split(" ")));
    }

    private static String help(String line) throws UsageException {
        Invocation inv = CliParser.parse(line.split(" "));
        assertNull(inv.command());
        return inv.help();
    }

    @Test
    void noteDefaults() throws UsageException {
        assertEquals(new NoteCommand(0, 60, 100 / 127f, 0f, 0f, 0.5f, 1.0), command("send note 60"));
    }

    @Test
    void noteOptionsInAnyOrderAndForm() throws UsageException {
        NoteCommand expected = new NoteCommand(15, 127, 1f, 0.25f, -0.5f, 1f, 0.25);
        assertEquals(expected, command("send note 127 --velocity 127 --duration 0.25 --channel 16 --pressure 0.25"
                + " --bend -0.5 --timbre 1"));
        assertEquals(expected, command("send --bend=-0.5 note --timbre=1 127 --channel=16 --velocity=127"
                + " --pressure .25 --duration 2.5e-1"));
    }

    @Test
    void channelIsOneBasedOnTheCommandLineAndZeroBasedOnTheWire() throws UsageException {
        assertEquals(0, ((NoteCommand) command("send note 1 --channel 1")).channel());
        assertEquals(9, ((NoteCommand) command("send note 1 --channel 10")).channel());
        rejected("send note 1 --channel 0");
        rejected("send note 1 --channel 17");
    }

    @Test
    void noteValuesOutOfRangeOrMalformedAreUsageErrors() {
        rejected("send note 128");
        rejected("send note -1");
        rejected("send note C4");
        rejected("send note 60.5");
        rejected("send note");
        rejected("send note 60 61");
        rejected("send note 60 --velocity 128");
        rejected("send note 60 --pressure 1.5");
        rejected("send note 60 --pressure NaN");
        rejected("send note 60 --bend -1.01");
        rejected("send note 60 --timbre Infinity");
        rejected("send note 60 --duration -1");
        rejected("send note 60 --duration 1h");
    }

    @Test
    void unknownDuplicateAndValuelessOptionsAreUsageErrors() {
        assertTrue(rejected("send note 60 --colour red").getMessage().contains("--colour"));
        assertTrue(rejected("send note 60 --velocity 1 --velocity 2").getMessage().contains("twice"));
        assertTrue(rejected("send note 60 --velocity").getMessage().contains("needs a value"));
        assertTrue(rejected("send note 60 -v 10").getMessage().contains("-v"));
        assertTrue(rejected("status --count 3").getMessage().contains("--count"));
    }

    @Test
    void usageErrorsCarryTheAttemptedCommandsUsage() {
        assertSame(Usage.NOTE, rejected("send note 999").usage());
        assertSame(Usage.MPE, rejected("send mpe").usage());
        assertSame(Usage.SEND, rejected("send").usage());
        assertSame(Usage.SEND, rejected("send flowers").usage());
        assertSame(Usage.MAIN, rejected("dance").usage());
        assertSame(Usage.MAIN, rejected("").usage());
    }

    @Test
    void mpeNeedsAChannelAndEitherABendOrASweep() throws UsageException {
        assertEquals(new MpeCommand(1, 0.5f, 0.25f, 0.5f, 0, 60, 100 / 127f),
                command("send mpe --channel 2 --pressure 0.5 --bend 0.25"));
        assertEquals(new MpeCommand(0, 0f, 0f, 0.5f, 2.0, 60, 100 / 127f), command("send mpe --channel 1 --sweep 2"));
        assertEquals(new MpeCommand(0, 0f, 0f, 0.5f, 2.0, 33, 1f),
                command("send mpe --channel 1 --sweep 2 --note 33 --velocity 127"));
        assertTrue(rejected("send mpe --channel 1 --note 33").getMessage().contains("--sweep"));
        rejected("send mpe --channel 1 --sweep 1 --note 128");
        assertTrue(rejected("send mpe --bend 0.5").getMessage().contains("--channel"));
        rejected("send mpe --channel 1 --sweep 1 --bend 0.5");
        rejected("send mpe --channel 1 --sweep 0");
        rejected("send mpe --channel 1 extra");
    }

    @Test
    void paramsAreLookedUpByCliNameAndRangeChecked() throws UsageException {
        assertEquals(new ParamCommand(Param.WAVE_SPEED, 50f), command("send param wave-speed 50"));
        assertEquals(new ParamCommand(Param.DECAY_KNEE, 0.15f), command("send param DECAY_KNEE 0.15"));
        assertEquals(new ParamCommand(Param.STIMULUS_TYPE, 2f), command("send param stimulus-type 2"));
        assertTrue(rejected("send param wave-speed 500").getMessage().contains("1 to 200"));
        rejected("send param wave-speed 0.5");
        rejected("send param stimulus-type 1.5");
        assertTrue(rejected("send param warp-speed 9").getMessage().contains("warp-speed"));
        rejected("send param gain");
    }

    @Test
    void masterGainGoesThroughAnObserverAndOtherParamsThroughAController() throws UsageException {
        assertEquals(Role.OBSERVER, command("send param master-gain 0.5").role());
        assertEquals(Role.CONTROLLER, command("send param gain 0.5").role());
        assertEquals(Role.OBSERVER, command("send panic").role());
        assertEquals(Role.CONTROLLER, command("send note 60").role());
    }

    @Test
    void pulseKeepsTheTransducerSpecForTheLayoutToResolve() throws UsageException {
        assertEquals(new PulseCommand("T03", 0.5f, 0.5f), command("send pulse T03"));
        assertEquals(new PulseCommand("7", 1f, 2f), command("send pulse 7 --amplitude 1 --seconds 2"));
        rejected("send pulse");
        rejected("send pulse 1 --amplitude 2");
    }

    @Test
    void levelsAndStatus() throws UsageException {
        assertEquals(new LevelsCommand(0), command("levels"));
        assertEquals(new LevelsCommand(5), command("levels --count 5"));
        rejected("levels --count 0");
        rejected("levels --count many");
        assertEquals(new StatusCommand(), command("status"));
        rejected("status now");
        assertEquals(new PanicCommand(), command("send panic"));
        rejected("send panic now");
    }

    @Test
    void socketMayComeAnywhere() throws UsageException {
        assertEquals("/a.sock", CliParser.parse("--socket /a.sock status".split(" ")).socketOverride());
        assertEquals("/b.sock", CliParser.parse("send panic --socket=/b.sock".split(" ")).socketOverride());
        assertNull(CliParser.parse("status".split(" ")).socketOverride());
        rejected("--socket");
    }

    @Test
    void helpIsAvailableOnEveryCommandEvenWithBadArguments() throws UsageException {
        assertSame(Usage.MAIN, help("--help"));
        assertSame(Usage.MAIN, help("-h"));
        assertSame(Usage.SEND, help("send -h"));
        assertSame(Usage.NOTE, help("send note --help"));
        assertSame(Usage.NOTE, help("send note banana --velocity 900 -h"));
        assertSame(Usage.MPE, help("send mpe -h"));
        assertSame(Usage.PANIC, help("send panic --help"));
        assertSame(Usage.PULSE, help("send pulse --help"));
        assertSame(Usage.LEVELS, help("levels -h"));
        assertSame(Usage.STATUS, help("--socket /x status --help"));
        assertSame(Usage.PULSE, help("help send pulse"));
        assertTrue(help("send param -h").startsWith("usage: haptic [--socket PATH] send param"));
    }

    @Test
    void paramUsageListsEveryParameter() {
        String text = Usage.param();
        for (Param p : Param.values()) {
            assertTrue(text.contains(Usage.cliName(p)), p.name());
        }
    }
}
