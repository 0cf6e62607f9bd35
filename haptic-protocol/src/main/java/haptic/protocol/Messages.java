package haptic.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The message table: every type that may cross the wire, its stable id and its hand-written serializer.
 * Ids are part of the protocol: never reuse or renumber, only append. Kryo reserves 0..9 for its
 * built-in types, and writes a registered id {@code n} as the varint {@code n + 2}.
 */
public final class Messages {
    private static final Map<Class<?>, Integer> IDS;
    private static final Class<?>[] BY_ID;

    static {
        Map<Class<?>, Integer> ids = new LinkedHashMap<>();
        ids.put(Hello.class, 10);
        ids.put(HelloAccepted.class, 11);
        ids.put(HelloRejected.class, 12);
        ids.put(ErrorReply.class, 13);
        ids.put(NoteOn.class, 20);
        ids.put(NoteOff.class, 21);
        ids.put(MpeUpdate.class, 22);
        ids.put(ParameterChange.class, 23);
        ids.put(Panic.class, 24);
        ids.put(Ping.class, 25);
        ids.put(Pong.class, 26);
        ids.put(TestPulse.class, 27);
        ids.put(HostBlock.class, 28);
        ids.put(TransducerLevels.class, 30);
        ids.put(EngineStatus.class, 31);
        IDS = Collections.unmodifiableMap(ids);
        int max = ids.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        BY_ID = new Class<?>[max + 1];
        ids.forEach((type, id) -> BY_ID[id] = type);
    }

    private Messages() {
    }

    /** A Kryo that knows exactly the message types and nothing else. Kryo is not thread-safe: one per user. */
    public static Kryo newKryo() {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        register(kryo, Hello.class, new Hello.Codec());
        register(kryo, HelloAccepted.class, new HelloAccepted.Codec());
        register(kryo, HelloRejected.class, new HelloRejected.Codec());
        register(kryo, ErrorReply.class, new ErrorReply.Codec());
        register(kryo, NoteOn.class, new NoteOn.Codec());
        register(kryo, NoteOff.class, new NoteOff.Codec());
        register(kryo, MpeUpdate.class, new MpeUpdate.Codec());
        register(kryo, ParameterChange.class, new ParameterChange.Codec());
        register(kryo, Panic.class, new Panic.Codec());
        register(kryo, Ping.class, new Ping.Codec());
        register(kryo, Pong.class, new Pong.Codec());
        register(kryo, TestPulse.class, new TestPulse.Codec());
        register(kryo, HostBlock.class, new HostBlock.Codec());
        register(kryo, TransducerLevels.class, new TransducerLevels.Codec());
        register(kryo, EngineStatus.class, new EngineStatus.Codec());
        return kryo;
    }

    private static <T> void register(Kryo kryo, Class<T> type, Serializer<T> serializer) {
        kryo.register(type, serializer, IDS.get(type));
    }

    /** @return the wire id of a message type, or -1 if the type is not a message */
    public static int idOf(Class<?> type) {
        Integer id = IDS.get(type);
        return id == null ? -1 : id;
    }

    /** @return the message type with this wire id, or null */
    public static Class<?> typeOf(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    /** All message types with their ids, in id order. */
    public static Map<Class<?>, Integer> all() {
        return IDS;
    }
}
