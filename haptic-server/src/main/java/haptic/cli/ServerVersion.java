package haptic.cli;

import haptic.protocol.ProductVersion;
import haptic.protocol.Protocol;
import picocli.CommandLine.IVersionProvider;

/** What `haptic-server --version` prints. */
final class ServerVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"haptic-server " + ProductVersion.VERSION + " (protocol " + Protocol.VERSION + ")"};
    }
}
