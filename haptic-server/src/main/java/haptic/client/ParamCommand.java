package haptic.client;

import haptic.protocol.Param;
import haptic.protocol.ParameterChange;
import haptic.protocol.Role;

import java.io.IOException;

/**
 * {@code haptic send param}. The server-wide master gain goes through an observer connection (the
 * server lets observers change it for everyone); any other parameter belongs to a controller instance.
 */
record ParamCommand(Param param, float value) implements CliCommand {

    @Override
    public Role role() {
        return param == Param.MASTER_GAIN ? Role.OBSERVER : Role.CONTROLLER;
    }

    @Override
    public int execute(Session s) throws IOException {
        s.client().send(new ParameterChange(param, value));
        s.confirm();
        return 0;
    }
}
