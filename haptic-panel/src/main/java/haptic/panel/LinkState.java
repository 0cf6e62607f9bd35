package haptic.panel;

import haptic.protocol.HelloAccepted;

/**
 * Where the panel's connection to the server stands, as one immutable value the render thread reads.
 *
 * @param phase       what the link is doing
 * @param detail      a sentence for the user (what failed, what we wait for)
 * @param server      the server's HelloAccepted while connected, else null
 * @param managedPid  pid of the server the panel started and owns, or -1 if it owns none
 */
record LinkState(Phase phase, String detail, HelloAccepted server, long managedPid) {

    enum Phase {
        /** Looking for a server on the socket. */
        SEARCHING,
        /** Started a managed server and waiting for it to answer. */
        STARTING,
        CONNECTED,
        /** The connection ended; trying again. */
        LOST,
        /** The server refused the panel (for example a protocol version mismatch); retrying slowly. */
        REFUSED
    }

    /** Any thread (immutable). */
    boolean connected() {
        return phase == Phase.CONNECTED;
    }

    /** Any thread (immutable). */
    boolean managed() {
        return managedPid >= 0;
    }
}
