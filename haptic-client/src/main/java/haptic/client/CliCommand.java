package haptic.client;

import haptic.protocol.Role;

import java.io.IOException;

/** One parsed {@code haptic} command, ready to run on a connection opened with {@link #role()}. */
sealed interface CliCommand
        permits NoteCommand, MpeCommand, PanicCommand, ParamCommand, PulseCommand, LevelsCommand, StatusCommand,
        PlayCommand {

    Role role();

    /** @return the process exit code */
    int execute(Session session) throws IOException, InterruptedException;
}
