package haptic.server.ipc;

import haptic.protocol.Param;
import haptic.server.link.CommandLink;
import haptic.server.link.EngineCommand;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/** Plays the audio thread in tests: drains the command link and keeps a copy of every command. */
final class EngineSide {
    /** Immutable copy of an {@link EngineCommand}, since link entries are recycled. */
    record Cmd(int type, int instance, int channel, int note, float velocity, float pressure, float bend, float timbre,
               Param param, float value, int transducer, float seconds, long arrivalNanos) {
        static Cmd of(EngineCommand c) {
            return new Cmd(c.type, c.instance, c.channel, c.note, c.velocity, c.pressure, c.bend, c.timbre, c.param,
                    c.value, c.transducer, c.seconds, c.arrivalNanos);
        }
    }

    private final CommandLink link;
    private final List<Cmd> received = new ArrayList<>();

    EngineSide(CommandLink link) {
        this.link = link;
    }

    /** Applies (copies and recycles) everything currently waiting. */
    synchronized int drain() {
        int n = 0;
        EngineCommand c;
        while ((c = link.poll()) != null) {
            received.add(Cmd.of(c));
            link.recycle(c);
            n++;
        }
        return n;
    }

    synchronized List<Cmd> received() {
        return new ArrayList<>(received);
    }

    synchronized List<Cmd> ofType(int type) {
        List<Cmd> out = new ArrayList<>();
        for (Cmd c : received) {
            if (c.type() == type) {
                out.add(c);
            }
        }
        return out;
    }

    /** Drains until {@code done} holds for everything received so far. */
    List<Cmd> awaitUntil(Predicate<List<Cmd>> done, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            drain();
            List<Cmd> now = received();
            if (done.test(now)) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                return fail("engine side condition not met within " + wait + "; received " + now.size()
                        + " commands, last: " + (now.isEmpty() ? "none" : now.get(now.size() - 1)));
            }
            sleep();
        }
    }

    static long count(List<Cmd> cmds, int type) {
        return cmds.stream().filter(c -> c.type() == type).count();
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
