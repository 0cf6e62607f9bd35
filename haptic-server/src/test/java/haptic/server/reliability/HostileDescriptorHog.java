package haptic.server.reliability;

import haptic.server.audio.Backend;
import haptic.server.HapticServer;
import haptic.server.ServerOptions;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A server process that can be made to run out of file descriptors on command, as a process that leaks
 * them (or a flood of connections) would. Runs a headless server on the socket given as the argument and
 * prints its log prefixed "log: ". Reads commands from standard input: "hog" opens /dev/null until the
 * process limit is hit, "release" closes those again; end of input stops the server.
 */
public final class HostileDescriptorHog {
    public static final String LISTENING = "listening";

    private HostileDescriptorHog() {
    }

    public static void main(String[] args) throws Exception {
        ServerOptions o = new ServerOptions();
        o.audio.backend = Backend.HEADLESS;
        o.socket = args[0];
        HapticServer server = HapticServer.start(o, line -> System.out.println("log: " + line));
        List<FileInputStream> hogged = new ArrayList<>();
        // Everything the command loop needs is loaded now, while descriptors are still to be had.
        hogged.add(new FileInputStream("/dev/null"));
        release(hogged);
        System.out.println(LISTENING);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String command;
        while ((command = in.readLine()) != null) {
            if (command.equals("hog")) {
                try {
                    while (true) {
                        hogged.add(new FileInputStream("/dev/null"));
                    }
                } catch (IOException e) {
                    System.out.println("hogged " + hogged.size() + ": " + e.getMessage());
                }
            } else if (command.equals("release")) {
                int n = hogged.size();
                release(hogged);
                System.out.println("released " + n);
            }
        }
        release(hogged);
        server.close();
    }

    private static void release(List<FileInputStream> hogged) throws IOException {
        for (FileInputStream f : hogged) {
            f.close();
        }
        hogged.clear();
    }
}
