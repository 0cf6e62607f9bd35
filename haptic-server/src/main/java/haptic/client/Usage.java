package haptic.client;

import haptic.protocol.Param;

import java.util.Locale;

/** Help texts of the {@code haptic} command and each of its subcommands. */
final class Usage {
    static final String MAIN = """
            usage: haptic [--socket PATH] COMMAND [ARGS]

            Talks to a running haptic server (start one with bin/haptic-server).

            commands:
              send note NOTE [options]      play one note: NoteOn, wait, NoteOff
              send mpe --channel N [...]    set a channel's pressure, bend and timbre, or sweep its bend
              send panic                    silence every voice
              send param NAME VALUE         set a parameter
              send pulse TRANSDUCER [...]   drive one transducer directly
              levels [--count N]            show transducer levels as bars
              status                        show the engine's status

            options:
              --socket PATH   the server's socket; default $HAPTIC_SOCKET, else
                              $XDG_RUNTIME_DIR/haptic/haptic.sock, else /tmp/haptic-$USER/haptic.sock
              -h, --help      show help (also after any command, e.g. haptic send note --help)
            """;

    static final String SEND = """
            usage: haptic [--socket PATH] send note NOTE [options]
                   haptic [--socket PATH] send mpe --channel N [options]
                   haptic [--socket PATH] send panic
                   haptic [--socket PATH] send param NAME VALUE
                   haptic [--socket PATH] send pulse TRANSDUCER [options]

            Sends one command to the server. 'haptic send WHAT --help' describes each.
            """;

    static final String NOTE = """
            usage: haptic [--socket PATH] send note NOTE [--velocity 0-127] [--duration SECONDS]
                          [--channel 1-16] [--pressure 0-1] [--bend -1..1] [--timbre 0-1]

            Plays MIDI note NOTE (0-127, 60 = middle C) for --duration seconds, then releases it.
            Ctrl+C during the note still releases it.
              --velocity 0-127    default 100
              --duration SECONDS  default 1
              --channel 1-16      default 1
              --pressure 0-1      default 0
              --bend -1..1        default 0; a fraction of the full bend range
              --timbre 0-1        default 0.5
            """;

    static final String MPE = """
            usage: haptic [--socket PATH] send mpe --channel 1-16 [--pressure 0-1] [--bend -1..1] [--timbre 0-1]
                   haptic [--socket PATH] send mpe --channel 1-16 --sweep SECONDS [--note 0-127]
                          [--velocity 0-127] [--pressure 0-1] [--timbre 0-1]

            Without --sweep: one expression update for the channel (unset values: pressure 0, bend 0,
            timbre 0.5). Voices belong to the connection that started them, so on its own this reaches
            no note; it checks that the server accepts expression.
            With --sweep: holds a note on the channel and bends it smoothly from -1 to 1 over SECONDS at
            about 200 updates per second, moving its source across the table; then releases it.
              --note 0-127       the note held during a sweep, default 60
              --velocity 0-127   its velocity, default 100
            """;

    static final String PANIC = """
            usage: haptic [--socket PATH] send panic

            Silences every voice of every client at once.
            """;

    static final String PULSE = """
            usage: haptic [--socket PATH] send pulse TRANSDUCER [--amplitude 0-1] [--seconds SECONDS]

            Drives one transducer directly, bypassing the stimulus model, to check its wiring.
            TRANSDUCER is its index in layout order counting from 0, as on the wire and in the bars of
            'haptic levels' (so in the default grid 5 is T06), or its layout name such as T06.
              --amplitude 0-1     default 0.5
              --seconds SECONDS   default 0.5
            """;

    static final String LEVELS = """
            usage: haptic [--socket PATH] levels [--count N]

            Prints one line per level report: a character per transducer showing its peak
            (blank = silent, '@' = full scale), then the loudest transducer. Status lines appear
            whenever voices, clients, xruns or clamping change.
              --count N   stop after N level lines (default: until Ctrl+C)
            """;

    static final String STATUS = """
            usage: haptic [--socket PATH] status

            Prints the server's backend, layout and one engine status report.
            """;

    private Usage() {
    }

    /** Lists the parameters from {@link Param}, so the text never falls behind the declaration. */
    static String param() {
        StringBuilder b = new StringBuilder("""
                usage: haptic [--socket PATH] send param NAME VALUE

                Sets a parameter. master-gain acts on the whole server at once. The others belong to a
                controller instance: each haptic command is a new one, so they are also remembered in a file
                beside the socket (SOCKET.cli-params) and replayed by every later command that plays notes.
                Setting a parameter to its default forgets it.
                parameters:
                """);
        for (Param p : Param.values()) {
            String name = cliName(p);
            b.append(String.format(Locale.ROOT, "  %-16s %s to %s%s  (default %s)  %s%n", name,
                    number(p.min()), number(p.max()), p.unit().isEmpty() ? "" : " " + p.unit(),
                    number(p.defaultValue()), p.label()));
        }
        b.append(String.format(Locale.ROOT, "stimulus-type: %d wave from a point, %d standing wave field, "
                + "%d travelling wave field%n", Param.STIMULUS_WAVE, Param.STIMULUS_STANDING, Param.STIMULUS_TRAVELLING));
        return b.toString();
    }

    static String cliName(Param p) {
        return p.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Shortest readable form: 200 rather than 200.0, 0.15 rather than 0.150000006. */
    static String number(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7f) {
            return Long.toString((long) v);
        }
        return Float.toString(v);
    }
}
