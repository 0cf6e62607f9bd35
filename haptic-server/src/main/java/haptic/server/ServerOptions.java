package haptic.server;

import haptic.server.audio.Backend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Everything `haptic-server run` can be told; defaults are what a user gets with no flags. */
public final class ServerOptions {
    public String socket;                 // null → SocketPaths default
    public Backend backend = Backend.AUTO;
    public Path layoutFile;               // null → built-in 4×8 grid
    public final List<String> connect = new ArrayList<>();
    public String jackServer;             // null → $JACK_DEFAULT_SERVER or JACK's default
    public String clientName = "haptic";
    public Path record;                   // --record FILE.wav
    public float ceiling = 1.0f;
    public float headlessRate = 48000f;
    public int headlessPeriod = 64;
    /** Stop when standard input reaches EOF: a parent that starts us as a managed child dies → we follow. */
    public boolean exitOnStdinEof;

    /** A server that must play on the named JACK server (no headless fallback at start), listening in {@code dir}. */
    public static ServerOptions onJack(String jackServer, Path dir) {
        ServerOptions o = new ServerOptions();
        o.backend = Backend.JACK;
        o.jackServer = jackServer;
        o.socket = dir.resolve("haptic.sock").toString();
        return o;
    }

    /** A server on the headless paced sink (never JACK), listening on {@code socket}: what tests and hosts' checks use. */
    public static ServerOptions headless(Path socket) {
        ServerOptions o = new ServerOptions();
        o.backend = Backend.HEADLESS;
        o.socket = socket.toString();
        return o;
    }
}
