package haptic.server.ipc;

import haptic.protocol.ErrorReply;
import haptic.protocol.Hello;
import haptic.protocol.HostBlock;
import haptic.protocol.LayoutInfo;
import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.Panic;
import haptic.protocol.Param;
import haptic.protocol.ParameterChange;
import haptic.protocol.Ping;
import haptic.protocol.Pong;
import haptic.protocol.TestPulse;
import haptic.server.link.EngineCommand;

/**
 * Turns one decoded client message into engine commands or a reply, according to what the
 * connection may do: nothing but Hello before the handshake, playing for controllers, and for
 * observers only what a panel offers (ping, panic, test pulse, master gain). Confined to the IPC thread.
 */
final class ClientRequests {
    /** Instance number for commands that belong to no controller (observers' panic, pulse, master gain). */
    static final int NO_INSTANCE = -1;

    private final Handshake handshake;
    private final CommandOutbox outbox;
    private final ServerInfo info;
    private final Replies replies;

    ClientRequests(Handshake handshake, CommandOutbox outbox, ServerInfo info, Replies replies) {
        this.handshake = handshake;
        this.outbox = outbox;
        this.info = info;
        this.replies = replies;
    }

    /** @return null to keep serving the client, else why it must close (the final reply is already queued) */
    String handle(ClientConnection c, Object msg) {
        switch (c.stage()) {
            case AWAITING_HELLO:
                if (msg instanceof Hello hello) {
                    return handshake.admit(c, hello);
                }
                return refuse(c, "expected Hello before " + typeOf(msg));
            case CONTROLLER:
                return fromController(c, msg);
            case OBSERVER:
                return fromObserver(c, msg);
            default:
                throw new IllegalStateException("unknown stage " + c.stage());
        }
    }

    private String fromController(ClientConnection c, Object msg) {
        if (msg instanceof NoteOn m) {
            outbox.submit(outbox.draft().noteOn(c.slot(), m.channel(), m.note(), m.velocity(), m.pressure(), m.bend(),
                    m.timbre()).at(m.time()));
        } else if (msg instanceof NoteOff m) {
            EngineCommand off = outbox.draft().noteOff(c.slot(), m.channel(), m.note()).at(m.time());
            off.velocity = m.velocity();
            outbox.submit(off);
        } else if (msg instanceof MpeUpdate m) {
            outbox.submit(outbox.draft().expression(c.slot(), m.channel(), m.pressure(), m.bend(), m.timbre())
                    .at(m.time()));
        } else if (msg instanceof HostBlock m) {
            outbox.submit(outbox.draft().hostBlock(c.slot(), m.sampleRate(), m.blockFrames()));
        } else if (msg instanceof ParameterChange m) {
            return parameter(c, m, c.slot());
        } else if (msg instanceof Ping || msg instanceof Panic || msg instanceof TestPulse) {
            return common(c, msg, c.slot());
        } else if (msg instanceof Hello) {
            return refuse(c, "unexpected second Hello");
        } else {
            return refuse(c, "a controller may not send " + typeOf(msg));
        }
        return null;
    }

    private String fromObserver(ClientConnection c, Object msg) {
        if (msg instanceof ParameterChange m) {
            if (m.paramId() != Param.MASTER_GAIN.id()) {
                Param p = Param.byId(m.paramId());
                return refuse(c, "an observer may only change MASTER_GAIN, not "
                        + (p == null ? "parameter id " + m.paramId() : p.name()));
            }
            return parameter(c, m, NO_INSTANCE);
        } else if (msg instanceof Ping || msg instanceof Panic || msg instanceof TestPulse) {
            return common(c, msg, NO_INSTANCE);
        } else if (msg instanceof Hello) {
            return refuse(c, "unexpected second Hello");
        }
        return refuse(c, "an observer may not send " + typeOf(msg));
    }

    private String common(ClientConnection c, Object msg, int instance) {
        if (msg instanceof Ping m) {
            replies.send(c, new Pong(m.nonce(), m.clientNanos(), System.nanoTime()));
        } else if (msg instanceof Panic) {
            EngineCommand panic = outbox.draft().panic();
            panic.instance = instance;
            outbox.submit(panic);
        } else if (msg instanceof TestPulse m) {
            int transducers = transducerCount();
            if (m.transducer() >= transducers) {
                return refuse(c, "TestPulse transducer " + m.transducer() + " is outside 0.." + (transducers - 1));
            }
            EngineCommand pulse = outbox.draft().testPulse(m.transducer(), m.amplitude(), m.seconds()).at(m.time());
            pulse.instance = instance;
            outbox.submit(pulse);
        } else {
            throw new IllegalArgumentException("not a shared request: " + typeOf(msg));
        }
        return null;
    }

    private String parameter(ClientConnection c, ParameterChange m, int instance) {
        Param p = Param.byId(m.paramId());
        if (p == null) {
            return refuse(c, "unknown parameter id " + m.paramId());
        }
        outbox.submit(outbox.draft().parameter(instance, p, p.clamp(m.value())).at(m.time()));
        return null;
    }

    private int transducerCount() {
        LayoutInfo layout = info.layout();
        return layout == null || layout.names() == null ? Integer.MAX_VALUE : layout.names().length;
    }

    private String refuse(ClientConnection c, String reason) {
        replies.send(c, new ErrorReply(Replies.fit(reason)));
        return reason;
    }

    static String typeOf(Object msg) {
        return msg == null ? "null" : msg.getClass().getSimpleName();
    }
}
