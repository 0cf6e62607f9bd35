package haptic.client;

import haptic.protocol.Param;
import haptic.protocol.Role;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HapticCommandLineTest {

    private static CliCommand command(String line) {
        HapticCommandLine.Parsed parsed = HapticCommandLine.parse(words(line));
        assertNull(parsed.help(), "expected a command, got help");
        return parsed.command();
    }

    private static ParameterException rejected(String line) {
        return assertThrows(ParameterException.class, () -> HapticCommandLine.parse(words(line)));
    }

    /** The qualified name of the command whose help the line asks for, e.g. "haptic send note". */
    private static String help(String line) {
        HapticCommandLine.Parsed parsed = HapticCommandLine.parse(words(line));
        assertNull(parsed.command());
        return parsed.help().getCommandSpec().qualifiedName();
    }

    /** The command whose usage a rejected line shows. */
    private static String usageOf(String line) {
        return rejected(line).getCommandLine().getCommandSpec().qualifiedName();
    }

    private static String[] words(String line) {
        return line.isEmpty() ? new String[0] : line.split(" ");
    }

    @Test
    void noteDefaults() {
        assertEquals(new NoteCommand(0, 60, 100 / 127f, 0f, 0f, 0.5f, 1.0), command("send note 60"));
    }

    @Test
    void noteOptionsInAnyOrderAndForm() {
        NoteCommand expected = new NoteCommand(15, 127, 1f, 0.25f, -0.5f, 1f, 0.25);
        assertEquals(expected, command("send note 127 --velocity 127 --duration 0.25 --channel 16 --pressure 0.25"
                + " --bend -0.5 --timbre 1"));
        assertEquals(expected, command("send note --bend=-0.5 --timbre=1 127 --channel=16 --velocity=127"
                + " --pressure .25 --duration 2.5e-1"));
    }

    @Test
    void channelIsOneBasedOnTheCommandLineAndZeroBasedOnTheWire() {
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
        assertTrue(rejected("send note 60 --velocity 1 --velocity 2").getMessage().contains("only once"));
        assertTrue(rejected("send note 60 --velocity").getMessage().contains("Missing required parameter"));
        assertTrue(rejected("send note 60 -v 10").getMessage().contains("-v"));
        assertTrue(rejected("status --count 3").getMessage().contains("--count"));
    }

    @Test
    void usageErrorsCarryTheAttemptedCommandsUsage() {
        assertEquals("haptic send note", usageOf("send note 999"));
        assertEquals("haptic send mpe", usageOf("send mpe"));
        assertEquals("haptic send", usageOf("send"));
        assertEquals("haptic send", usageOf("send flowers"));
        assertEquals("haptic", usageOf("dance"));
        assertEquals("haptic", usageOf(""));
        assertTrue(rejected("send note 999").getMessage().startsWith("NOTE must be from 0 to 127"));
    }

    @Test
    void mpeNeedsAChannelAndEitherABendOrASweep() {
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
    void paramsAreLookedUpByCliNameAndRangeChecked() {
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
    void masterGainGoesThroughAnObserverAndOtherParamsThroughAController() {
        assertEquals(Role.OBSERVER, command("send param master-gain 0.5").role());
        assertEquals(Role.CONTROLLER, command("send param gain 0.5").role());
        assertEquals(Role.OBSERVER, command("send panic").role());
        assertEquals(Role.CONTROLLER, command("send note 60").role());
    }

    @Test
    void pulseKeepsTheTransducerSpecForTheLayoutToResolve() {
        assertEquals(new PulseCommand("T03", 0.5f, 0.5f), command("send pulse T03"));
        assertEquals(new PulseCommand("7", 1f, 2f), command("send pulse 7 --amplitude 1 --seconds 2"));
        rejected("send pulse");
        rejected("send pulse 1 --amplitude 2");
    }

    @Test
    void levelsAndStatus() {
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
    void socketMayComeAnywhere() {
        assertEquals("/a.sock", HapticCommandLine.parse(words("--socket /a.sock status")).socket());
        assertEquals("/b.sock", HapticCommandLine.parse(words("send panic --socket=/b.sock")).socket());
        assertEquals("/c.sock", HapticCommandLine.parse(words("send --socket /c.sock note 60")).socket());
        assertNull(HapticCommandLine.parse(words("status")).socket());
        rejected("--socket");
        rejected("status --socket=");
    }

    @Test
    void helpIsAvailableOnEveryCommandEvenWithBadArguments() {
        assertEquals("haptic", help("--help"));
        assertEquals("haptic", help("-h"));
        assertEquals("haptic send", help("send -h"));
        assertEquals("haptic send note", help("send note --help"));
        assertEquals("haptic send note", help("send note banana --velocity 900 -h"));
        assertEquals("haptic send mpe", help("send mpe -h"));
        assertEquals("haptic send panic", help("send panic --help"));
        assertEquals("haptic send pulse", help("send pulse --help"));
        assertEquals("haptic levels", help("levels -h"));
        assertEquals("haptic play", help("play no-such-file.mid --tempo-scale 99 -h"));
        assertEquals("haptic play", usageOf("play"));
        assertEquals("haptic status", help("--socket /x status --help"));
        assertEquals("haptic send pulse", help("help send pulse"));
        assertEquals("haptic send param", help("send param -h"));
        assertTrue(HapticCommandLine.parse(words("--version")).version());
        assertTrue(HapticCommandLine.parse(words("status -V")).version());
    }

    @Test
    void paramUsageListsEveryParameter() {
        String text = HapticCommandLine.create().getSubcommands().get("send").getSubcommands().get("param").getUsageMessage();
        for (Param p : Param.values()) {
            assertTrue(text.contains(ParamText.cliName(p)), p.name());
        }
    }
}
