package haptic.panel;

import haptic.protocol.SocketPaths;

import java.nio.file.Path;

/**
 * What {@code haptic panel} was asked to do.
 *
 * @param socket      the server's socket
 * @param frames      0: run until the window closes; else render this many frames once the server answers, then exit
 * @param screenshot  where to save the last rendered frame as PNG (with a .json sidecar), or null
 * @param startServer start a managed server when none answers (else only wait for one)
 */
record PanelOptions(Path socket, int frames, Path screenshot, boolean startServer) {
    /** Frames rendered before a screenshot when only {@code --screenshot} is given: enough for layout and plots to settle. */
    static final int SCREENSHOT_FRAMES = 30;

    static final String USAGE = String.join("\n",
            "usage: haptic panel [--socket PATH] [--no-start] [--frames N] [--screenshot FILE.png]",
            "",
            "Shows the running haptic server: transducer levels on the table layout, level history, engine load,",
            "and drives it: panic, master gain, a test pulse per transducer (click it), a test note (drag on the",
            "table). Attaches to the server on the socket; if none answers, starts one that lives as long as the panel.",
            "",
            "  --socket PATH        Unix socket (default $HAPTIC_SOCKET, else $XDG_RUNTIME_DIR/haptic/haptic.sock,",
            "                       else /tmp/haptic-$USER/haptic.sock)",
            "  --no-start           never start a server; wait for one to appear",
            "  --frames N           render N frames once the server answers (or after 10 s without), then exit",
            "  --screenshot FILE    save the last frame as PNG, pixel positions of the transducers in FILE.json",
            "                       (default " + SCREENSHOT_FRAMES + " frames when --frames is not given)",
            "  -h, --help           this text",
            "",
            "exit status: 0 closed or done, 1 failed, 2 bad command line, 3 no display");

    /** @throws UsageException on a bad command line; with a null message when help was asked for */
    static PanelOptions parse(String[] args) {
        String socket = null;
        int frames = 0;
        Path screenshot = null;
        boolean startServer = true;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "-h", "--help" -> throw new UsageException(null);
                case "--socket" -> socket = value(args, ++i, flag);
                case "--no-start" -> startServer = false;
                case "--frames" -> frames = positive(value(args, ++i, flag), flag);
                case "--screenshot" -> screenshot = Path.of(value(args, ++i, flag));
                default -> throw new UsageException("unknown option " + flag);
            }
        }
        if (screenshot != null && frames == 0) {
            frames = SCREENSHOT_FRAMES;
        }
        return new PanelOptions(SocketPaths.resolve(socket), frames, screenshot, startServer);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].isBlank()) {
            throw new UsageException(flag + " needs a value");
        }
        return args[i];
    }

    private static int positive(String v, String flag) {
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Falls through to the same message as a non-positive number.
        }
        throw new UsageException(flag + " needs a positive whole number, not '" + v + "'");
    }

    /** Bad command line; a null message means "print usage and exit 0" (--help). */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
