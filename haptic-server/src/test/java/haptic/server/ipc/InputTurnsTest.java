package haptic.server.ipc;

import haptic.protocol.FrameEncoder;
import haptic.protocol.Ping;
import haptic.protocol.Pong;
import haptic.server.link.CommandLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Turns over real socket pairs, without the server loop around them. */
class InputTurnsTest {
    @TempDir
    Path dir;

    private final FrameEncoder encoder = new FrameEncoder();
    private final List<String> log = new ArrayList<>();
    private final List<ClientConnection> ponged = new ArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private InputTurns turns;
    private ServerSocketChannel listener;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void aFloodingClientGetsOneBudgetPerRoundAndTheOthersAreServedInTheSameRound() throws IOException {
        start();
        SocketChannel flooderSide = connect();
        ClientConnection flooder = accept(1);
        SocketChannel playerSide = connect();
        ClientConnection player = accept(2);
        int flood = 3 * InputTurns.FRAME_BUDGET + 8;
        for (int i = 0; i < flood; i++) {
            write(flooderSide, new Ping(i, 0));
        }
        write(playerSide, new Ping(-1, 0));
        List<ClientConnection> clients = List.of(flooder, player);
        flooder.markReadable();
        player.markReadable();

        turns.serve(clients);
        assertEquals(InputTurns.FRAME_BUDGET, count(flooder));
        assertEquals(1, count(player), "served in the flooder's round");
        assertTrue(flooder.framesPending());
        assertTrue(turns.anyPending(clients), "what is already read is served without waiting for the socket");
        assertFalse(flooder.readable(), "the turn is over");

        for (int round = 2; round <= 4; round++) {
            turns.serve(clients);
            assertEquals(Math.min(flood, round * InputTurns.FRAME_BUDGET), count(flooder));
        }
        assertFalse(turns.anyPending(clients));
        assertEquals(1, count(player));
    }

    @Test
    void framesSentBeforeTheEndOfTheStreamAreStillHandled() throws IOException {
        start();
        SocketChannel side = connect();
        ClientConnection c = accept(1);
        write(side, new Ping(1, 0));
        side.close();
        c.markReadable();

        turns.serve(List.of(c));
        assertEquals(1, count(c));
        assertTrue(c.retired());
        assertEquals(List.of("client#1 (observer) closed: disconnected"), log);
    }

    private void start() throws IOException {
        CommandLink link = new CommandLink(64);
        CommandOutbox outbox = new CommandOutbox(link, 2);
        InstanceSlots slots = new InstanceSlots(2);
        Replies replies = (c, m) -> {
            if (m instanceof Pong) {
                ponged.add(c);
            }
        };
        ClientRequests requests = new ClientRequests(new Handshake(slots, outbox, RunningServer.INFO, replies, log::add),
                outbox, RunningServer.INFO, replies);
        Retirement retirement = new Retirement(outbox, slots, log::add);
        turns = new InputTurns(outbox, requests, new ReadPause(outbox, log::add), new Outgoing(encoder, retirement),
                retirement);
        listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listener.bind(UnixDomainSocketAddress.of(dir.resolve("s")));
        open.add(listener);
    }

    private SocketChannel connect() throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        open.add(ch);
        ch.connect(listener.getLocalAddress());
        return ch;
    }

    /** The server side of the connection just made, as an observer (the handshake is not what is tested). */
    private ClientConnection accept(int number) throws IOException {
        SocketChannel ch = listener.accept();
        open.add(ch);
        ch.configureBlocking(false);
        ClientConnection c = new ClientConnection(number, ch, null, InputTurns.READ_BUDGET, IpcServer.OUTPUT_LIMIT);
        c.admitObserver();
        return c;
    }

    private void write(SocketChannel ch, Object msg) throws IOException {
        ByteBuffer frame = ByteBuffer.wrap(encoder.encode(msg));
        while (frame.hasRemaining()) {
            ch.write(frame);
        }
    }

    private long count(ClientConnection c) {
        return ponged.stream().filter(p -> p == c).count();
    }
}
