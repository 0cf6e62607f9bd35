package haptic.client;

import haptic.protocol.EngineStatus;
import haptic.protocol.Hello;
import haptic.protocol.HelloAccepted;
import haptic.protocol.InstanceConfig;
import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOn;
import haptic.protocol.Panic;
import haptic.protocol.Param;
import haptic.protocol.Ping;
import haptic.protocol.Pong;
import haptic.protocol.Protocol;
import haptic.protocol.ProtocolException;
import haptic.protocol.Role;
import haptic.protocol.TransducerLevels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HapticClientTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final InstanceConfig CONFIG = new InstanceConfig("test", new int[] {Param.GAIN.id()},
            new float[] {0.5f});

    @TempDir
    Path dir;
    private FakeHapticServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeHapticServer(dir);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HapticClient connect(Role role) throws IOException {
        return HapticClient.connect(server.socket, role, "test-instance", CONFIG, WAIT);
    }

    @Test
    void handshakeSendsHelloAndReturnsTheServersAnswer() throws Exception {
        try (HapticClient client = connect(Role.CONTROLLER)) {
            HelloAccepted a = client.accepted();
            assertEquals("fake-1", a.serverVersion());
            assertEquals(FakeHapticServer.LAYOUT, a.layout());
            assertTrue(client.isOpen());
        }
        Hello hello = server.next(Hello.class);
        assertEquals(new Hello(Protocol.VERSION, Role.CONTROLLER, "test-instance", CONFIG), hello);
    }

    @Test
    void rejectionCarriesTheReason() {
        server.answer = FakeHapticServer.Answer.REJECT;
        server.rejectReason = "instance id test-instance is already connected";
        RejectedException e = assertThrows(RejectedException.class, () -> connect(Role.CONTROLLER));
        assertEquals("instance id test-instance is already connected", e.reason());
    }

    @Test
    void silentServerTimesOutAndTheConnectionIsClosed() throws Exception {
        server.answer = FakeHapticServer.Answer.SILENT;
        assertThrows(SocketTimeoutException.class,
                () -> HapticClient.connect(server.socket, Role.OBSERVER, "x", InstanceConfig.EMPTY,
                        Duration.ofMillis(200)));
        assertInstanceOf(Hello.class, server.next());
    }

    @Test
    void missingSocketMeansNoServer() {
        Path nowhere = dir.resolve("nowhere.sock");
        NoServerException e = assertThrows(NoServerException.class,
                () -> HapticClient.connect(nowhere, Role.OBSERVER, "x", InstanceConfig.EMPTY, WAIT));
        assertEquals(nowhere, e.socket());
    }

    @Test
    void staleSocketFileMeansNoServer() throws IOException {
        Path stale = dir.resolve("stale.sock");
        ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(stale));
        dead.close();
        assertThrows(NoServerException.class,
                () -> HapticClient.connect(stale, Role.OBSERVER, "x", InstanceConfig.EMPTY, WAIT));
    }

    @Test
    void sentMessagesArriveInOrder() throws Exception {
        List<Object> sent = new ArrayList<>();
        try (HapticClient client = connect(Role.CONTROLLER)) {
            for (int i = 0; i < 500; i++) {
                Object m = i % 2 == 0 ? new NoteOn(i % 16, i % 128, 0.5f, 0f, 0f, 0.5f)
                        : new MpeUpdate(i % 16, i / 500f, 0f, 0.5f);
                client.send(m);
                sent.add(m);
            }
        }
        server.next(Hello.class);
        List<Object> got = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            got.add(server.next());
        }
        assertEquals(sent, got);
    }

    @Test
    void receiveReturnsNullWhenNothingArrives() throws Exception {
        try (HapticClient client = connect(Role.CONTROLLER)) {
            assertNull(client.receive(Duration.ofMillis(50)));
            assertNull(client.receive(Duration.ZERO));
            assertTrue(client.isOpen());
        }
    }

    @Test
    void typedReceiveSkipsOtherMessages() throws Exception {
        EngineStatus status = new EngineStatus(1, 5f, 0, 0, "fake", 48000f, 128, 0, 1, new float[] {0.1f, 0.2f});
        server.observerGreeting = List.of(new TransducerLevels(1, new float[4], new float[4]), new Pong(1, 2, 3),
                status, new Pong(4, 5, 6));
        try (HapticClient client = connect(Role.OBSERVER)) {
            assertEquals(status, client.receive(EngineStatus.class, WAIT));
            assertEquals(new Pong(4, 5, 6), client.receive(WAIT));
        }
    }

    @Test
    void serverHangingUpIsAnEofAndClosesTheClient() throws Exception {
        try (HapticClient client = connect(Role.CONTROLLER)) {
            server.next(Hello.class);
            server.dropClients();
            assertThrows(EOFException.class, () -> client.receive(WAIT));
            assertFalse(client.isOpen());
            assertThrows(IOException.class, () -> client.send(new Panic()));
        }
    }

    @Test
    void malformedInputBecomesAnIOException() throws Exception {
        try (HapticClient client = connect(Role.CONTROLLER)) {
            server.next(Hello.class);
            server.sendRaw(new byte[] {0, 0, 0, 2, 99, 99});
            IOException e = assertThrows(IOException.class, () -> client.receive(WAIT));
            assertInstanceOf(ProtocolException.class, e.getCause());
            assertFalse(client.isOpen());
        }
    }

    @Test
    void invalidMessageIsRefusedLocallyAndTheConnectionSurvives() throws Exception {
        try (HapticClient client = connect(Role.CONTROLLER)) {
            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> client.send(new NoteOn(0, 60, Float.NaN, 0f, 0f, 0f)));
            assertEquals("NoteOn.velocity is not finite", e.getMessage());
            client.send(new Panic());
            assertTrue(client.isOpen());
        }
        server.next(Hello.class);
        assertEquals(new Panic(), server.next());
    }

    @Test
    void closeFromAnotherThreadWakesABlockedReceiver() throws Exception {
        HapticClient client = connect(Role.CONTROLLER);
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                client.receive(Duration.ofMinutes(5));
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        server.next(Hello.class);
        // Give the receiver time to block; if it has not, it fails on the closed client all the same.
        Thread.sleep(100);
        client.close();
        assertInstanceOf(IOException.class, outcome.get(10, TimeUnit.SECONDS));
        assertFalse(client.isOpen());
    }

    @Test
    void oneSenderAndOneReceiverCanWorkConcurrently() throws Exception {
        int count = 2000;
        try (HapticClient client = connect(Role.CONTROLLER)) {
            CompletableFuture<List<Long>> pongs = CompletableFuture.supplyAsync(() -> {
                List<Long> nonces = new ArrayList<>();
                try {
                    while (nonces.size() < count) {
                        Pong p = client.receive(Pong.class, WAIT);
                        if (p == null) {
                            break;
                        }
                        nonces.add(p.nonce());
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
                return nonces;
            });
            List<Long> sent = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                long nonce = i * 7919;
                client.send(new Ping(nonce, System.nanoTime()));
                sent.add(nonce);
            }
            assertEquals(sent, pongs.get(30, TimeUnit.SECONDS));
        }
    }
}
