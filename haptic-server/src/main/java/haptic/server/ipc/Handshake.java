package haptic.server.ipc;

import haptic.protocol.Hello;
import haptic.protocol.HelloAccepted;
import haptic.protocol.HelloRejected;
import haptic.protocol.InstanceConfig;
import haptic.protocol.Param;
import haptic.protocol.Protocol;
import haptic.protocol.Role;

import java.util.function.Consumer;

/**
 * Admits or rejects a connection on its Hello. Everything is checked before anything changes, so a
 * rejected Hello leaves no trace in the engine; an admitted controller's slot is reset and its saved
 * parameters replayed before it learns its slot, so its first note already plays with them. Confined to
 * the IPC thread.
 */
final class Handshake {
    private final InstanceSlots slots;
    private final CommandOutbox outbox;
    private final ServerInfo info;
    private final Replies replies;
    private final Consumer<String> log;

    Handshake(InstanceSlots slots, CommandOutbox outbox, ServerInfo info, Replies replies, Consumer<String> log) {
        this.slots = slots;
        this.outbox = outbox;
        this.info = info;
        this.replies = replies;
        this.log = log;
    }

    /** @return null if admitted, else why the connection must close (the rejection is already queued) */
    String admit(ClientConnection c, Hello hello) {
        if (hello.version() != Protocol.VERSION) {
            return reject(c, "protocol version " + hello.version() + " not supported; server speaks " + Protocol.VERSION);
        }
        if (hello.role() == Role.OBSERVER) {
            c.admitObserver();
            replies.send(c, accepted(-1));
            log.accept(c.describe() + " accepted");
            return null;
        }
        String id = hello.instanceId() == null ? "" : hello.instanceId();
        if (slots.isLive(id)) {
            return reject(c, "instance id " + id + " is already connected");
        }
        InstanceConfig config = hello.config() == null ? InstanceConfig.EMPTY : hello.config();
        float[] replay = new float[Param.values().length];
        boolean[] present = new boolean[replay.length];
        String invalid = collect(config, replay, present);
        if (invalid != null) {
            return reject(c, invalid);
        }
        int slot = slots.claim(id);
        if (slot < 0) {
            return reject(c, "no free instance slot (all " + slots.count() + " are in use)");
        }
        outbox.submit(outbox.draft().resetInstance(slot));
        for (Param p : Param.values()) {
            // An instance's saved state is about that instance; it must not turn the whole table up or down.
            if (present[p.ordinal()] && p != Param.MASTER_GAIN) {
                outbox.submit(outbox.draft().parameter(slot, p, p.clamp(replay[p.ordinal()])));
            }
        }
        c.admitController(slot, id);
        String label = config.label() == null ? "" : config.label();
        replies.send(c, accepted(slot));
        log.accept(c.describe() + " accepted" + (label.isEmpty() ? "" : " as '" + label + "'"));
        return null;
    }

    /** Last value wins per parameter, so a config of any length replays as at most one command per parameter. */
    private static String collect(InstanceConfig config, float[] replay, boolean[] present) {
        int[] ids = config.paramIds() == null ? new int[0] : config.paramIds();
        float[] values = config.values() == null ? new float[0] : config.values();
        if (ids.length != values.length) {
            return "instance config has " + ids.length + " parameter ids but " + values.length + " values";
        }
        for (int i = 0; i < ids.length; i++) {
            Param p = Param.byId(ids[i]);
            if (p == null) {
                return "instance config names unknown parameter id " + ids[i];
            }
            if (!Float.isFinite(values[i])) {
                return "instance config value for " + p.name() + " is not finite";
            }
            replay[p.ordinal()] = values[i];
            present[p.ordinal()] = true;
        }
        return null;
    }

    private HelloAccepted accepted(int slot) {
        return new HelloAccepted(Protocol.VERSION, info.serverVersion(), slot, info.backendName(), info.sampleRate(),
                info.periodFrames(), info.layout());
    }

    private String reject(ClientConnection c, String reason) {
        replies.send(c, new HelloRejected(Replies.fit(reason)));
        return "rejected: " + reason;
    }
}
