package haptic.client;

import haptic.protocol.Param;
import haptic.protocol.ParameterChange;
import haptic.protocol.Role;
import haptic.protocol.SharedClock;

import java.io.IOException;

/**
 * {@code haptic send param}. The server-wide master gain goes through an observer connection (the
 * server lets observers change it for everyone). Any other parameter belongs to a controller instance:
 * it is sent to this command's own instance and remembered in {@link SavedParams}, so that later
 * commands, each a new instance, start with it.
 */
record ParamCommand(Param param, float value) implements CliCommand {

    @Override
    public Role role() {
        return param == Param.MASTER_GAIN ? Role.OBSERVER : Role.CONTROLLER;
    }

    @Override
    public int execute(Session s) throws IOException {
        s.client().send(new ParameterChange(param, value, SharedClock.now()));
        s.confirm();
        if (param != Param.MASTER_GAIN) {
            try {
                s.saved().save(param, value);
            } catch (IOException e) {
                s.err().println("haptic: " + ParamText.cliName(param) + " is set, but later commands will not use it: "
                        + "cannot write " + s.saved().file() + ": " + e.getMessage());
            }
        }
        return 0;
    }
}
