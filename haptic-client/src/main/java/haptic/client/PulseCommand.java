package haptic.client;

import haptic.protocol.LayoutInfo;
import haptic.protocol.Role;
import haptic.protocol.SharedClock;
import haptic.protocol.TestPulse;

import java.io.IOException;

/**
 * {@code haptic send pulse}. The transducer is given as its layout index or its layout name and
 * resolved against the layout the server reports, so a wrong one fails before anything is sent.
 * Sent as an observer, like the panel's test buttons.
 */
record PulseCommand(String transducer, float amplitude, float seconds) implements CliCommand {

    @Override
    public Role role() {
        return Role.OBSERVER;
    }

    @Override
    public int execute(Session s) throws IOException {
        LayoutInfo layout = s.client().accepted().layout();
        int index = resolve(transducer, layout);
        if (index < 0) {
            s.err().println("haptic: no transducer '" + transducer + "' in layout '" + layout.name() + "'"
                    + describe(layout));
            s.err().println("haptic: TRANSDUCER is an index counting from 0 in layout order, or a layout name");
            return 2;
        }
        s.client().send(new TestPulse(index, amplitude, seconds, SharedClock.now()));
        s.confirm();
        return 0;
    }

    /** @return the 0-based layout index, or -1 if {@code spec} names no transducer of {@code layout} */
    static int resolve(String spec, LayoutInfo layout) {
        String[] names = layout.names();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(spec)) {
                return i;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(spec)) {
                return i;
            }
        }
        if (spec.matches("\\d{1,4}")) {
            int index = Integer.parseInt(spec);
            if (index < names.length) {
                return index;
            }
        }
        return -1;
    }

    private static String describe(LayoutInfo layout) {
        int n = layout.names().length;
        if (n == 0) {
            return " (the server reports no transducers)";
        }
        return " (use an index 0-" + (n - 1) + " or a name, " + layout.names()[0] + " to " + layout.names()[n - 1]
                + ")";
    }
}
