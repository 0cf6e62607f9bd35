package haptic.server.ipc;

import haptic.protocol.LayoutInfo;

/**
 * What the IPC server tells clients about the running server in {@code HelloAccepted} and
 * {@code EngineStatus}. Read on the IPC thread whenever a reply is built, so values may change
 * after start (the backend is only known once audio is running): implementations publish what other
 * threads change (volatile or final fields) and never block, since every client waits on that thread.
 */
public interface ServerInfo {
    /** Called on the IPC thread. */
    String serverVersion();

    /** Called on the IPC thread. */
    String backendName();

    /** Called on the IPC thread. */
    float sampleRate();

    /** Called on the IPC thread. */
    int periodFrames();

    /** Called on the IPC thread. */
    LayoutInfo layout();
}
