package haptic.panel;

import picocli.CommandLine;

import java.io.PrintStream;
import java.util.Map;

/** {@code haptic panel}: the Dear ImGui window that shows and drives the running haptic server. */
public final class PanelMain {
    private PanelMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        CommandLine line = PanelCommandLine.create();
        PanelOptions options;
        try {
            options = PanelCommandLine.parse(line, args);
        } catch (CommandLine.ParameterException e) {
            err.println("haptic panel: " + e.getMessage());
            line.usage(err);
            return 2;
        }
        if (options == null) {
            if (line.isVersionHelpRequested()) {
                line.printVersionHelp(out);
            } else {
                line.usage(out);
            }
            return 0;
        }
        String noDisplay = DisplayCheck.missing(env);
        if (noDisplay != null) {
            err.println("haptic panel: " + noDisplay);
            return DisplayCheck.NO_DISPLAY_EXIT;
        }
        PanelWindow window;
        try {
            window = PanelWindow.open("Haptic panel", 1280, 800);
        } catch (PanelWindow.DisplayException e) {
            err.println("haptic panel: " + e.getMessage());
            return DisplayCheck.NO_DISPLAY_EXIT;
        }
        Notices notices = new Notices(err);
        ServerLink link = new ServerLink(options.socket(),
                options.startServer() ? socket -> ManagedServer.start(socket, notices) : null, notices);
        CommandSender sender = new CommandSender(link, notices);
        FrameTimer timer = new FrameTimer();
        int status;
        try {
            link.start();
            sender.start();
            PanelUi ui = new PanelUi(link, sender, notices, timer, window.fonts());
            status = new FrameLoop(window, ui, link, options, timer, notices).run();
        } finally {
            // Window first, so it disappears at once; then the last requests (a NoteOff), then our server if we own one.
            window.close();
            sender.close();
            link.close();
        }
        return status;
    }
}
