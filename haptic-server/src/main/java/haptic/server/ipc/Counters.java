package haptic.server.ipc;

import java.util.List;

/**
 * What the IPC thread reports about its clients to the rest of the server (status, tests, benches). Only
 * the IPC thread writes, so plain increments suffice and the volatiles merely publish; client and output
 * figures are as of the last round, not live.
 */
final class Counters {
    private volatile int controllers;
    private volatile int observers;
    private volatile long telemetrySkipped;
    private volatile long mergedExpressions;
    private volatile int backlogHighWater;
    private volatile long pendingOutput;
    private volatile long refusedConnections;

    /** Called on the IPC thread. Recounts controllers and observers still served. */
    void countClients(List<ClientConnection> clients) {
        int controllerCount = 0;
        int observerCount = 0;
        for (int i = 0; i < clients.size(); i++) {
            ClientConnection c = clients.get(i);
            if (c.retired()) {
                continue;
            }
            if (c.stage() == ClientConnection.Stage.CONTROLLER) {
                controllerCount++;
            } else if (c.stage() == ClientConnection.Stage.OBSERVER) {
                observerCount++;
            }
        }
        controllers = controllerCount;
        observers = observerCount;
    }

    /** Called on the IPC thread. Takes the round's output, telemetry and backlog figures. */
    void publish(List<ClientConnection> clients, TelemetryFanout fanout, CommandOutbox outbox) {
        long pending = 0;
        for (int i = 0; i < clients.size(); i++) {
            pending += clients.get(i).pendingOutput();
        }
        pendingOutput = pending;
        telemetrySkipped = fanout.skipped();
        mergedExpressions = outbox.mergedExpressions();
        backlogHighWater = outbox.backlogHighWater();
    }

    /** Called on the IPC thread. */
    void countRefusal() {
        refusedConnections++;
    }

    /** Any thread. */
    int controllers() {
        return controllers;
    }

    /** Any thread. */
    int observers() {
        return observers;
    }

    /** Any thread. */
    long telemetrySkipped() {
        return telemetrySkipped;
    }

    /** Any thread. */
    long mergedExpressions() {
        return mergedExpressions;
    }

    /** Any thread. */
    int backlogHighWater() {
        return backlogHighWater;
    }

    /** Any thread. */
    long pendingOutput() {
        return pendingOutput;
    }

    /** Any thread. */
    long refusedConnections() {
        return refusedConnections;
    }
}
