package haptic.client;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.Locale;

/** Range checks of parsed values; a value outside its range is a usage error of the command that took it. */
final class CommandLineRanges {
    /** Longest note, sweep or pulse a command accepts: anything longer is a typo, not a stimulus. */
    static final double MAX_SECONDS = 3600;

    private CommandLineRanges() {
    }

    static int within(CommandSpec spec, String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(),
                    what + " must be from " + min + " to " + max + ", not " + value);
        }
        return value;
    }

    static double within(CommandSpec spec, String what, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "%s must be from %s to %s, not %s", what, ParamText.number((float) min),
                    ParamText.number((float) max), ParamText.number((float) value)));
        }
        return value;
    }
}
