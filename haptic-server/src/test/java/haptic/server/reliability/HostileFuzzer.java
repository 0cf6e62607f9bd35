package haptic.server.reliability;

import haptic.protocol.Role;
import haptic.server.reliability.HostileFrames.Kind;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One fuzzing thread: keeps a few connections open at once, each with a script of frames written as fast
 * as the socket takes them (many frames per write), reading and discarding whatever the server answers.
 *
 * <p>A script is an optional Hello, a body of frames the role may send, then usually one hostile frame
 * followed by frames the server should never look at. The server closes the connection at the hostile
 * frame; a script without one, or one cut off mid-frame, ends with this side closing abruptly.
 */
final class HostileFuzzer implements Runnable {
    /** How long to wait for the server to close a connection whose script ended in damage it cannot see yet. */
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    /** Totals over all fuzzing threads. */
    static final class Totals {
        final AtomicLong frames = new AtomicLong();
        /** Hostile frames written in full: each should cost the server a connection, nothing else. */
        final AtomicLong damaged = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong connections = new AtomicLong();
        final AtomicLong closedByServer = new AtomicLong();
        final AtomicLong closedHere = new AtomicLong();
        final AtomicLong lingered = new AtomicLong();
        final AtomicLong connectFailures = new AtomicLong();
        final Map<Kind, AtomicLong> hostile = new EnumMap<>(Kind.class);

        Totals() {
            for (Kind k : Kind.values()) {
                hostile.put(k, new AtomicLong());
            }
        }
    }

    /** One open connection and how far its script got. */
    private static final class Script {
        final SocketChannel channel;
        /** Index of the hostile frame in the script, or -1. */
        final int damageAt;
        final ByteBuffer bytes;
        /** End offset of each frame in {@link #bytes}, to count the frames fully written. */
        final int[] frameEnds;
        final boolean serverWillClose;
        int framesWritten;
        long finishedNanos;

        Script(SocketChannel channel, ByteBuffer bytes, int[] frameEnds, int damageAt, boolean serverWillClose) {
            this.channel = channel;
            this.damageAt = damageAt;
            this.bytes = bytes;
            this.frameEnds = frameEnds;
            this.serverWillClose = serverWillClose;
        }
    }

    private final Path socket;
    private final int connections;
    private final long targetFrames;
    private final long targetDamage;
    private final Totals totals;
    private final HostileFrames frames;
    private final Random rnd;
    private final ByteBuffer sink = ByteBuffer.allocate(64 * 1024);
    private volatile boolean stop;
    private volatile Throwable failure;

    /** Runs until the fuzzers together have sent {@code targetFrames} frames and {@code targetDamage} damaged ones. */
    HostileFuzzer(Path socket, long seed, int connections, long targetFrames, long targetDamage, Totals totals) {
        this.socket = socket;
        this.connections = connections;
        this.targetFrames = targetFrames;
        this.targetDamage = targetDamage;
        this.totals = totals;
        this.frames = new HostileFrames(seed);
        this.rnd = frames.random();
    }

    void stop() {
        stop = true;
    }

    Throwable failure() {
        return failure;
    }

    @Override
    public void run() {
        List<Script> open = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            while (!stop && (totals.frames.get() < targetFrames || totals.damaged.get() < targetDamage)) {
                while (open.size() < connections) {
                    Script s = open(selector);
                    if (s == null) {
                        break;
                    }
                    open.add(s);
                }
                selector.select(2);
                for (SelectionKey key : selector.selectedKeys()) {
                    serve((Script) key.attachment(), key);
                }
                selector.selectedKeys().clear();
                long now = System.nanoTime();
                for (Script s : open) {
                    if (s.channel.isOpen() && !s.bytes.hasRemaining() && now - s.finishedNanos > LINGER_NANOS) {
                        totals.lingered.incrementAndGet();
                        end(s, totals.closedHere);
                    }
                }
                open.removeIf(s -> !s.channel.isOpen());
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            for (Script s : open) {
                end(s, totals.closedHere);
            }
        }
    }

    private Script open(Selector selector) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.configureBlocking(false);
        } catch (IOException e) {
            ch.close();
            totals.connectFailures.incrementAndGet();
            return null;
        }
        Script s = script(ch);
        ch.register(selector, SelectionKey.OP_READ | SelectionKey.OP_WRITE, s);
        totals.connections.incrementAndGet();
        return s;
    }

    private Script script(SocketChannel ch) {
        List<byte[]> parts = new ArrayList<>();
        int pick = rnd.nextInt(100);
        Role role = pick < 65 ? Role.CONTROLLER : pick < 85 ? Role.OBSERVER : null;
        if (role != null) {
            parts.add(frames.hello(role));
            // Mostly short connections, so there are many of them and so much damage; now and then a long
            // burst that makes the server chew through thousands of frames in one go.
            int body = rnd.nextInt(100) < 98 ? rnd.nextInt(6) : 200 + rnd.nextInt(3800);
            for (int i = 0; i < body; i++) {
                parts.add(frames.valid(role));
            }
        }
        Kind hostile = rnd.nextInt(10) < 8 || role == null ? frames.randomKind() : null;
        boolean serverWillClose = role == null;
        int damageAt = -1;
        if (hostile != null) {
            damageAt = parts.size();
            parts.add(frames.hostile(hostile));
            totals.hostile.get(hostile).incrementAndGet();
            if (hostile != Kind.TRUNCATED) {
                serverWillClose = true;
                // Frames after the damage: sent, never to be read.
                for (int i = rnd.nextInt(9); i > 0; i--) {
                    parts.add(frames.valid(Role.CONTROLLER));
                }
            }
        }
        int total = 0;
        for (byte[] p : parts) {
            total += p.length;
        }
        ByteBuffer bytes = ByteBuffer.allocate(total);
        int[] ends = new int[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            bytes.put(parts.get(i));
            ends[i] = bytes.position();
        }
        bytes.flip();
        if (!serverWillClose && rnd.nextBoolean() && total > 1) {
            bytes.limit(1 + rnd.nextInt(total - 1)); // vanish mid-frame
        }
        return new Script(ch, bytes, ends, damageAt, serverWillClose);
    }

    private void serve(Script s, SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        try {
            if (key.isReadable()) {
                int n;
                do {
                    sink.clear();
                    n = s.channel.read(sink);
                } while (n > 0);
                if (n < 0) {
                    end(s, totals.closedByServer);
                    return;
                }
            }
            if (key.isWritable() && s.bytes.hasRemaining()) {
                int n = s.channel.write(s.bytes);
                totals.bytes.addAndGet(n);
                int pos = s.bytes.position();
                int before = s.framesWritten;
                while (s.framesWritten < s.frameEnds.length && s.frameEnds[s.framesWritten] <= pos) {
                    s.framesWritten++;
                }
                totals.frames.addAndGet(s.framesWritten - before);
                if (s.damageAt >= before && s.damageAt < s.framesWritten) {
                    totals.damaged.incrementAndGet();
                }
                if (!s.bytes.hasRemaining()) {
                    s.finishedNanos = System.nanoTime();
                    if (s.serverWillClose) {
                        key.interestOps(SelectionKey.OP_READ);
                    } else {
                        end(s, totals.closedHere);
                    }
                }
            }
        } catch (IOException e) {
            // Reset or broken pipe: the server dropped the connection mid-write.
            end(s, totals.closedByServer);
        }
    }

    private static void end(Script s, AtomicLong counter) {
        if (!s.channel.isOpen()) {
            return;
        }
        counter.incrementAndGet();
        try {
            s.channel.close();
        } catch (IOException e) {
            // closing is all that is wanted
        }
    }
}
