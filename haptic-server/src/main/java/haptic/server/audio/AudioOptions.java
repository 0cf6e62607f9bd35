package haptic.server.audio;

import java.util.List;

/** Plain configuration of {@link AudioOutput}. */
public final class AudioOptions {
    public Backend backend = Backend.AUTO;
    public String clientName = "haptic";
    /** JACK server name; null means $JACK_DEFAULT_SERVER, else "default". */
    public String jackServer = null;
    /** Destination port names, connected to our outputs in order. */
    public List<String> connect = List.of();
    public float headlessRate = 48000;
    public int headlessPeriod = 64;
    /** One output port per transducer, named after it; null gives out_1..out_32. */
    public String[] portNames;

    /** These options with the given output port names, one per transducer; this object is left as it is. */
    public AudioOptions withPortNames(String[] names) {
        AudioOptions o = new AudioOptions();
        o.backend = backend;
        o.clientName = clientName;
        o.jackServer = jackServer;
        o.connect = connect;
        o.headlessRate = headlessRate;
        o.headlessPeriod = headlessPeriod;
        o.portNames = names.clone();
        return o;
    }

    String resolvedClientName() {
        return clientName == null || clientName.isBlank() ? "haptic" : clientName;
    }

    List<String> resolvedConnect() {
        return connect == null ? List.of() : List.copyOf(connect);
    }

    /** The port names to register: {@link #portNames}, or out_1..out_32 when unset. */
    String[] resolvedPortNames() {
        if (portNames != null) {
            return portNames.clone();
        }
        String[] names = new String[32];
        for (int i = 0; i < names.length; i++) {
            names[i] = "out_" + (i + 1);
        }
        return names;
    }
}
