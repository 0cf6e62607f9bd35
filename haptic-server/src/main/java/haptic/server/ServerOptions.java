package haptic.server;

import haptic.server.audio.AudioOptions;
import haptic.server.audio.Backend;

import java.nio.file.Path;

/** Everything `haptic-server run` can be told; defaults are what a user gets with no flags. */
public final class ServerOptions {
    public String socket;                 // null → SocketPaths default
    /** Backend, JACK client and connections, headless rate and period. */
    public final AudioOptions audio = new AudioOptions();
    public Path layoutFile;               // null → built-in 4×8 grid
    public Path record;                   // --record FILE.wav
    public float ceiling = 1.0f;
    public float latencyMs;               // --latency MS; 0 → automatic per controller
    /** Stop when standard input reaches EOF: a parent that starts us as a managed child dies → we follow. */
    public boolean exitOnStdinEof;

    /** A server that must play on the named JACK server (no headless fallback at start), listening in {@code dir}. */
    public static ServerOptions onJack(String jackServer, Path dir) {
        ServerOptions o = new ServerOptions();
        o.audio.backend = Backend.JACK;
        o.audio.jackServer = jackServer;
        o.socket = dir.resolve("haptic.sock").toString();
        return o;
    }

    /** A server on the headless paced sink (never JACK), listening on {@code socket}: what tests and hosts' checks use. */
    public static ServerOptions headless(Path socket) {
        ServerOptions o = new ServerOptions();
        o.audio.backend = Backend.HEADLESS;
        o.socket = socket.toString();
        return o;
    }
}
