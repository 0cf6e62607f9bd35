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
            usage: haptic [--socket PATH] send mpe --channel 1-16 [--pressure 0-1] [--bend -1..1]
                          [--timbre 0-1] [--sweep SECONDS]

            Sends one expression update for a channel (unset values: pressure 0, bend 0, timbre 0.5),
            or with --sweep a smooth bend from -1 to 1 over SECONDS at about 200 updates per second.
            Voices belong to the connection that started them, so this moves only notes played on
            the same connection; it is mainly a check that the server accepts expression.
            """;

    static final String PANIC = """
            usage: haptic [--socket PATH] send panic

            Silences every voice of every client at once.
            """;

    static final String PULSE = """
            usage: haptic [--socket PATH] send pulse TRANSDUCER [--amplitude 0-1] [--seconds SECONDS]

            Drives one transducer directly, bypassing the stimulus model, to check its wiring.
            TRANSDUCER is its number counting from 1 in layout order (T01 is 1), or its layout name.
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

                Sets a parameter. master-gain acts on the whole server; the others belong to a controller
                instance, here the command's own short-lived connection.
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
