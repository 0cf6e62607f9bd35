package haptic.protocol;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Ids are the protocol: this table is copied from the specification, not from {@link Messages}. */
class MessageIdTest {
    private static final Map<Class<?>, Integer> SPECIFIED = Map.ofEntries(
            entry(Hello.class, 10),
            entry(HelloAccepted.class, 11),
            entry(HelloRejected.class, 12),
            entry(ErrorReply.class, 13),
            entry(NoteOn.class, 20),
            entry(NoteOff.class, 21),
            entry(MpeUpdate.class, 22),
            entry(ParameterChange.class, 23),
            entry(Panic.class, 24),
            entry(Ping.class, 25),
            entry(Pong.class, 26),
            entry(TestPulse.class, 27),
            entry(HostBlock.class, 28),
            entry(TransducerLevels.class, 30),
            entry(EngineStatus.class, 31));

    @Test
    void registryMatchesSpecification() {
        assertEquals(SPECIFIED, Map.copyOf(Messages.all()));
    }

    @Test
    void firstPayloadByteIsTheSpecifiedIdPlusKryoOffset() {
        FrameEncoder encoder = new FrameEncoder();
        for (Object m : Samples.all()) {
            byte[] frame = encoder.encode(m);
            int length = ((frame[0] & 0xFF) << 24) | ((frame[1] & 0xFF) << 16) | ((frame[2] & 0xFF) << 8)
                    | (frame[3] & 0xFF);
            assertEquals(frame.length - 4, length, "length prefix");
            // Kryo writes registered id n as varint n + 2 (0 = null, 1 = class by name); ids < 126 take one byte.
            assertEquals(SPECIFIED.get(m.getClass()) + 2, frame[4], m.getClass().getSimpleName());
        }
    }

    @Test
    void panicIsJustItsId() {
        assertEquals(java.util.List.of(0, 0, 0, 1, 24 + 2),
                java.util.Arrays.stream(toInts(new FrameEncoder().encode(new Panic()))).boxed().toList());
    }

    @Test
    void roleCodesAreFixed() {
        assertEquals(1, Role.CONTROLLER.code());
        assertEquals(2, Role.OBSERVER.code());
        assertEquals(Role.OBSERVER, Role.fromCode(2));
    }

    private static int[] toInts(byte[] bytes) {
        int[] ints = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            ints[i] = bytes[i] & 0xFF;
        }
        return ints;
    }
}
