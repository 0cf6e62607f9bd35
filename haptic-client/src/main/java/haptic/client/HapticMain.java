package haptic.client;

import haptic.protocol.InstanceConfig;
import haptic.protocol.Role;
import haptic.protocol.SocketPaths;

import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code haptic} command: a small client for poking a running server from a shell.
 * Exit codes: 0 success, 1 the server is missing or refused, 2 a bad command line.
 */
public final class HapticMain {
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(3);

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    HapticMain(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        int code = new HapticMain(System.out, System.err, System.getenv()).run(args);
        System.out.flush();
        System.exit(code);
    }

    int run(String[] args) {
        HapticCommandLine.Parsed parsed;
        try {
            parsed = HapticCommandLine.parse(args);
        } catch (CommandLine.ParameterException e) {
            err.println("haptic: " + e.getMessage());
            err.println();
            e.getCommandLine().usage(err);
            return 2;
        }
        if (parsed.version()) {
            parsed.help().printVersionHelp(out);
            return 0;
        }
        if (parsed.help() != null) {
            parsed.help().usage(out);
            return 0;
        }
        CliCommand command = parsed.command();
        Path socket = SocketPaths.resolve(parsed.socket(), env, System.getProperty("user.name"));
        String instanceId = "haptic-cli-" + ProcessHandle.current().pid();
        SavedParams saved = new SavedParams(socket);
        InstanceConfig config = InstanceConfig.EMPTY;
        if (command.role() == Role.CONTROLLER) {
            try {
                config = saved.config();
            } catch (IOException e) {
                err.println("haptic: ignoring saved parameters in " + saved.file() + ": " + e.getMessage());
            }
        }
        try (HapticClient client = HapticClient.connect(socket, command.role(), instanceId, config, REPLY_TIMEOUT)) {
            return command.execute(new Session(client, out, err, REPLY_TIMEOUT, saved));
        } catch (NoServerException e) {
            err.println("no haptic server at " + socket + ": start it with bin/haptic-server");
            return 1;
        } catch (IOException e) {
            err.println("haptic: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("haptic: interrupted");
            return 1;
        } finally {
            out.flush();
        }
    }
}
