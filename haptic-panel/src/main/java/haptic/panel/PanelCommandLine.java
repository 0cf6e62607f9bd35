package haptic.panel;

import haptic.protocol.ProductVersion;
import haptic.protocol.SocketPaths;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** The {@code haptic panel} command line, declared for picocli; it yields {@link PanelOptions}. */
@Command(name = "haptic panel", mixinStandardHelpOptions = true, versionProvider = PanelCommandLine.Version.class,
        description = {
            "Shows the running haptic server: transducer levels on the table layout, level history, engine load,",
            "and drives it: panic, master gain, a test pulse per transducer (click it), a test note (drag on the",
            "table). Attaches to the server on the socket; if none answers, starts one that lives as long as the panel."},
        footer = {"", "Exit status: 0 closed or done, 1 failed, 2 bad command line, 3 no display."})
final class PanelCommandLine {
    /** What {@code haptic panel --version} prints. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"haptic panel " + ProductVersion.VERSION};
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--socket", paramLabel = "PATH", description = {"Unix socket (default $HAPTIC_SOCKET, else",
        "$XDG_RUNTIME_DIR/haptic/haptic.sock, else /tmp/haptic-$USER/haptic.sock)"})
    String socket;

    @Option(names = "--no-start", negatable = false, description = "never start a server; wait for one to appear")
    boolean noStart;

    @Option(names = "--frames", paramLabel = "N",
            description = "render N frames once the server answers (or after 10 s without), then exit")
    Integer frames;

    @Option(names = "--screenshot", paramLabel = "FILE.png", description = {"save the last frame as PNG, pixel "
        + "positions of the transducers in FILE.json", "(default " + PanelOptions.SCREENSHOT_FRAMES
        + " frames when --frames is not given)"})
    Path screenshot;

    static CommandLine create() {
        return new CommandLine(new PanelCommandLine());
    }

    /** @return the options, or null when help or the version was asked for (printed by the caller) */
    static PanelOptions parse(CommandLine line, String... args) {
        line.parseArgs(args);
        if (line.isUsageHelpRequested() || line.isVersionHelpRequested()) {
            return null;
        }
        return ((PanelCommandLine) line.getCommand()).options();
    }

    private PanelOptions options() {
        if (socket != null && socket.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--socket needs a path");
        }
        if (frames != null && frames <= 0) {
            throw new ParameterException(spec.commandLine(), "--frames needs a positive whole number, not " + frames);
        }
        int n = frames != null ? frames : screenshot != null ? PanelOptions.SCREENSHOT_FRAMES : 0;
        return new PanelOptions(SocketPaths.resolve(socket), n, screenshot, !noStart);
    }
}
