package haptic.cli;

import haptic.jack.JackPorts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** `haptic-server ports`: the JACK ports a user can pass to --connect. */
@Command(name = "ports", mixinStandardHelpOptions = true, description = "List JACK ports.")
final class PortsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--jack-server", paramLabel = "NAME",
            description = "JACK server name (default $JACK_DEFAULT_SERVER or JACK's default)")
    String jackServer;

    @Override
    public Integer call() {
        for (String p : JackPorts.list(jackServer)) {
            spec.commandLine().getOut().println(p);
        }
        return 0;
    }
}
