package haptic.server.reliability;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * Run as another user: connects to the socket, sends the given bytes and prints what comes back, so the
 * test (as the server's user) can decode it. Uses nothing but the JDK, so its one class file is all the
 * other user needs to be able to read.
 *
 * <p>Arguments: socket path, bytes to send in hex. Prints {@code connect-failed: …}, or
 * {@code received: <hex>} followed by {@code end: eof}, {@code end: reset …} or {@code end: timeout}.
 */
public final class PeerProbe {
    private static final long WAIT_MILLIS = 10_000;

    private PeerProbe() {
    }

    public static void main(String[] args) throws Exception {
        SocketChannel ch;
        try {
            ch = SocketChannel.open(UnixDomainSocketAddress.of(Path.of(args[0])));
        } catch (IOException | SecurityException e) {
            System.out.println("connect-failed: " + e);
            return;
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(WAIT_MILLIS);
                System.out.println("end: timeout");
                ch.close();
            } catch (InterruptedException | IOException e) {
                // finished in time
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            ch.write(ByteBuffer.wrap(unhex(args[1])));
        } catch (IOException e) {
            // The server may have closed already; what it sent before is still readable.
        }
        StringBuilder received = new StringBuilder();
        ByteBuffer in = ByteBuffer.allocate(4096);
        String end;
        try {
            while (true) {
                in.clear();
                int n = ch.read(in);
                if (n < 0) {
                    end = "eof";
                    break;
                }
                for (int i = 0; i < n; i++) {
                    received.append(String.format("%02x", in.get(i)));
                }
            }
        } catch (IOException e) {
            end = "reset " + e;
        }
        watchdog.interrupt();
        System.out.println("received: " + received);
        System.out.println("end: " + end);
    }

    private static byte[] unhex(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
