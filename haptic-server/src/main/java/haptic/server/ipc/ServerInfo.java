package haptic.server.ipc;

import haptic.protocol.LayoutInfo;

/**
 * What the IPC server tells clients about the running server in {@code HelloAccepted} and
 * {@code EngineStatus}. Read on the IPC thread whenever a reply is built, so values may change
 * after start (the backend is only known once audio is running).
 */
public interface ServerInfo {
    String serverVersion();

    String backendName();

    float sampleRate();

    int periodFrames();

    LayoutInfo layout();
}
