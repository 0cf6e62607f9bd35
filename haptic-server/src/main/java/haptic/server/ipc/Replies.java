package haptic.server.ipc;

import haptic.protocol.Protocol;

/** Queues a message for one client; a client whose output is full is retired instead. */
interface Replies {
    /** Called on the IPC thread. */
    void send(ClientConnection client, Object message);

    /** Shortens a reason to what a protocol string may hold, without splitting a surrogate pair. */
    static String fit(String reason) {
        if (reason.length() <= Protocol.MAX_STRING_CHARS) {
            return reason;
        }
        int end = Protocol.MAX_STRING_CHARS - 3;
        if (Character.isHighSurrogate(reason.charAt(end - 1))) {
            end--;
        }
        return reason.substring(0, end) + "...";
    }
}
