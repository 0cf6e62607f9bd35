package haptic.plugin;

import haptic.server.HapticServer;
import haptic.server.ServerOptions;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real haptic server, headless, in this JVM, on a test socket. */
final class LiveServer implements AutoCloseable {
    final HapticServer server;
    final List<String> log = new CopyOnWriteArrayList<>();

    private LiveServer(Path socket) throws Exception {
        ServerOptions o = ServerOptions.headless(socket);
        server = HapticServer.start(o, log::add);
    }

    static LiveServer start(Path socket) throws Exception {
        return new LiveServer(socket);
    }

    int activeVoices() {
        return server.cycle().engine().activeVoices();
    }

    int controllers() {
        return server.ipc().controllers();
    }

    @Override
    public void close() {
        server.close();
    }
}
