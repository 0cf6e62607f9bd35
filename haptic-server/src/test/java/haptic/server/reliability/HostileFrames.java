package haptic.server.reliability;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import haptic.protocol.EngineStatus;
import haptic.protocol.ErrorReply;
import haptic.protocol.FrameEncoder;
import haptic.protocol.Hello;
import haptic.protocol.HelloAccepted;
import haptic.protocol.HelloRejected;
import haptic.protocol.InstanceConfig;
import haptic.protocol.LayoutInfo;
import haptic.protocol.Messages;
import haptic.protocol.MpeUpdate;
import haptic.protocol.NoteOff;
import haptic.protocol.NoteOn;
import haptic.protocol.Panic;
import haptic.protocol.Param;
import haptic.protocol.ParameterChange;
import haptic.protocol.Ping;
import haptic.protocol.Pong;
import haptic.protocol.Protocol;
import haptic.protocol.Role;
import haptic.protocol.TestPulse;
import haptic.protocol.TransducerLevels;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Random;

/**
 * Frames for the fuzzer: valid ones with random (often extreme) field values that keep a connection alive,
 * and hostile ones of every kind a peer could send. One per fuzzing thread: holds Kryo instances.
 */
final class HostileFrames {
    /** The kinds of damage; each connection ends in at most one. */
    enum Kind {
        RANDOM_BYTES, PLAUSIBLE_GARBAGE, TRUNCATED, OVERSIZED_LENGTH, ZERO_LENGTH, MAX_SIZE_JUNK, TYPE_CONFUSED,
        UNREGISTERED_CLASS, KRYO_BUILTIN, FOREIGN_CLASS_AT_MESSAGE_ID, HUGE_LENGTH_CLAIM, TRAILING_BYTES, NON_FINITE,
        FORBIDDEN_MESSAGE
    }

    private static final int POOL = 4096;
    private static final int[] MESSAGE_IDS = Messages.all().values().stream().mapToInt(Integer::intValue).toArray();

    private final Random rnd;
    private final FrameEncoder encoder = new FrameEncoder();
    /** Writes any class, naming unregistered ones: what a careless or malicious Kryo peer would send. */
    private final Kryo permissive = new Kryo();
    /** Registers a HashMap under NoteOn's id: valid Kryo whose payload is not what the id promises. */
    private final Kryo impostor = new Kryo();
    private final Output out = new Output(256, Protocol.MAX_FRAME + 64);
    private final byte[][] controllerPool = new byte[POOL][];
    private final byte[][] observerPool = new byte[POOL][];

    HostileFrames(long seed) {
        rnd = new Random(seed);
        permissive.setRegistrationRequired(false);
        permissive.setReferences(false);
        impostor.setRegistrationRequired(false);
        impostor.setReferences(false);
        impostor.register(HashMap.class, Messages.idOf(NoteOn.class));
        for (int i = 0; i < POOL; i++) {
            controllerPool[i] = encoder.encode(controllerMessage());
            observerPool[i] = encoder.encode(observerMessage());
        }
    }

    Random random() {
        return rnd;
    }

    /** A frame a connection in this role may send without being closed for it. */
    byte[] valid(Role role) {
        return (role == Role.OBSERVER ? observerPool : controllerPool)[rnd.nextInt(POOL)];
    }

    byte[] hello(Role role) {
        String id = rnd.nextInt(3) == 0 ? "" : "fuzz-" + rnd.nextInt(48);
        InstanceConfig config = InstanceConfig.EMPTY;
        if (rnd.nextInt(4) == 0) {
            // Up to the array limit; repeated ids are legal (last wins) and make large but valid frames.
            int n = rnd.nextInt(Protocol.MAX_ARRAY_LENGTH + 1);
            int[] ids = new int[n];
            float[] values = new float[n];
            Param[] all = Param.values();
            for (int i = 0; i < n; i++) {
                ids[i] = all[rnd.nextInt(all.length)].id();
                values[i] = extreme();
            }
            config = new InstanceConfig("fuzz", ids, values);
        }
        return encoder.encode(new Hello(Protocol.VERSION, role, id, config));
    }

    Kind randomKind() {
        Kind[] all = Kind.values();
        return all[rnd.nextInt(all.length)];
    }

    byte[] hostile(Kind kind) {
        switch (kind) {
            case RANDOM_BYTES: {
                byte[] b = new byte[1 + rnd.nextInt(96)];
                rnd.nextBytes(b);
                return b;
            }
            case PLAUSIBLE_GARBAGE: {
                byte[] payload = new byte[1 + rnd.nextInt(200)];
                rnd.nextBytes(payload);
                if (rnd.nextBoolean()) {
                    payload[0] = (byte) (2 + MESSAGE_IDS[rnd.nextInt(MESSAGE_IDS.length)]);
                }
                return frame(payload, payload.length);
            }
            case TRUNCATED: {
                byte[] whole = valid(rnd.nextBoolean() ? Role.CONTROLLER : Role.OBSERVER);
                return Arrays.copyOf(whole, rnd.nextInt(whole.length));
            }
            case OVERSIZED_LENGTH: {
                long[] notable = {Protocol.MAX_FRAME + 1L, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFFL};
                long length = rnd.nextBoolean() ? notable[rnd.nextInt(notable.length)]
                        : Protocol.MAX_FRAME + 1L + (long) (rnd.nextDouble() * (0xFFFFFFFFL - Protocol.MAX_FRAME - 1));
                byte[] b = new byte[4 + rnd.nextInt(32)];
                rnd.nextBytes(b);
                ByteBuffer.wrap(b).putInt((int) length);
                return b;
            }
            case ZERO_LENGTH:
                return new byte[4];
            case MAX_SIZE_JUNK: {
                byte[] payload = new byte[Protocol.MAX_FRAME];
                rnd.nextBytes(payload);
                return frame(payload, payload.length);
            }
            case TYPE_CONFUSED: {
                // A real payload under another message's id.
                byte[] b = valid(Role.CONTROLLER).clone();
                int other;
                do {
                    other = MESSAGE_IDS[rnd.nextInt(MESSAGE_IDS.length)];
                } while (other + 2 == b[4]);
                b[4] = (byte) (other + 2);
                return b;
            }
            case UNREGISTERED_CLASS:
                return kryoFrame(permissive, foreignObject());
            case KRYO_BUILTIN: {
                Object[] builtins = {"a string", 42, 3.5f, true, (byte) 7, 'c', (short) 9, 1L << 40, 2.5};
                return kryoFrame(permissive, builtins[rnd.nextInt(builtins.length)]);
            }
            case FOREIGN_CLASS_AT_MESSAGE_ID: {
                HashMap<String, Integer> map = new HashMap<>();
                for (int i = rnd.nextInt(8); i > 0; i--) {
                    map.put("k" + i, rnd.nextInt());
                }
                return kryoFrame(impostor, map);
            }
            case HUGE_LENGTH_CLAIM:
                return hugeLengthClaim();
            case TRAILING_BYTES: {
                byte[] whole = valid(Role.CONTROLLER);
                int extra = 1 + rnd.nextInt(16);
                byte[] b = Arrays.copyOf(whole, whole.length + extra);
                ByteBuffer.wrap(b).putInt(whole.length - 4 + extra);
                return b;
            }
            case NON_FINITE:
                return nonFinite();
            case FORBIDDEN_MESSAGE:
                return encoder.encode(forbiddenMessage());
            default:
                throw new IllegalArgumentException(kind.toString());
        }
    }

    private Object foreignObject() {
        switch (rnd.nextInt(4)) {
            case 0: {
                HashMap<String, Object> map = new HashMap<>();
                map.put("role", "CONTROLLER");
                map.put("payload", new int[rnd.nextInt(64)]);
                return map;
            }
            case 1: {
                List<Object> list = new ArrayList<>();
                for (int i = rnd.nextInt(32); i > 0; i--) {
                    list.add(rnd.nextLong());
                }
                return list;
            }
            case 2:
                return new float[rnd.nextInt(2048)];
            default:
                return new StringBuilder("not a message");
        }
    }

    /** Length fields claiming far more than the frame holds, in each kind of field that has one. */
    private byte[] hugeLengthClaim() {
        int[] claims = {Protocol.MAX_ARRAY_LENGTH, Protocol.MAX_ARRAY_LENGTH + 1, 0x7FFFFFFF, -1, 1 << 20};
        int claim = claims[rnd.nextInt(claims.length)];
        out.reset();
        switch (rnd.nextInt(5)) {
            case 0: // Hello.instanceId
                out.writeVarInt(Messages.idOf(Hello.class) + 2, true);
                out.writeInt(Protocol.VERSION);
                out.writeVarInt(Role.CONTROLLER.code(), true);
                out.writeVarInt(claim, true);
                break;
            case 1: // Hello.config.paramIds
                out.writeVarInt(Messages.idOf(Hello.class) + 2, true);
                out.writeInt(Protocol.VERSION);
                out.writeVarInt(Role.CONTROLLER.code(), true);
                out.writeVarInt(0, true);
                out.writeVarInt(0, true);
                out.writeVarInt(claim, true);
                break;
            case 2: // TransducerLevels.peak
                out.writeVarInt(Messages.idOf(TransducerLevels.class) + 2, true);
                out.writeLong(rnd.nextLong());
                out.writeVarInt(claim, true);
                break;
            case 3: // HelloAccepted.layout.names
                out.writeVarInt(Messages.idOf(HelloAccepted.class) + 2, true);
                out.writeInt(Protocol.VERSION);
                out.writeVarInt(0, true);
                out.writeVarInt(0, true);
                out.writeVarInt(0, true);
                out.writeFloat(48000f);
                out.writeVarInt(64, true);
                out.writeVarInt(0, true);
                out.writeVarInt(claim, true);
                break;
            default: // ErrorReply.reason
                out.writeVarInt(Messages.idOf(ErrorReply.class) + 2, true);
                out.writeVarInt(claim, true);
                break;
        }
        byte[] tail = new byte[rnd.nextInt(16)];
        rnd.nextBytes(tail);
        out.writeBytes(tail);
        return frame(out.getBuffer(), out.position());
    }

    /** A NoteOn or MpeUpdate carrying NaN or an infinity, which no encoder here would produce. */
    private byte[] nonFinite() {
        float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0x7fc00001)};
        out.reset();
        boolean note = rnd.nextBoolean();
        out.writeVarInt((note ? Messages.idOf(NoteOn.class) : Messages.idOf(MpeUpdate.class)) + 2, true);
        out.writeVarInt(rnd.nextInt(16), true);
        if (note) {
            out.writeVarInt(rnd.nextInt(128), true);
        }
        int fields = note ? 4 : 3;
        int poisoned = rnd.nextInt(fields);
        for (int i = 0; i < fields; i++) {
            out.writeFloat(i == poisoned ? bad[rnd.nextInt(bad.length)] : rnd.nextFloat());
        }
        return frame(out.getBuffer(), out.position());
    }

    /** Well-formed messages no client may send, or not in this state. */
    private Object forbiddenMessage() {
        switch (rnd.nextInt(9)) {
            case 0:
                return new HelloAccepted(Protocol.VERSION, "spoof", 3, "jack", 48000f, 64,
                        new LayoutInfo("x", new String[] {"a"}, new float[] {0f}, new float[] {0f}));
            case 1:
                return new HelloRejected("spoof");
            case 2:
                return new ErrorReply("spoof");
            case 3:
                return new Pong(1, 2, 3);
            case 4:
                return new TransducerLevels(1, new float[32], new float[32]);
            case 5:
                return new EngineStatus(1, 2f, 3, 4, "x", 48000f, 64, 1, 1, new float[0]);
            case 6:
                return new Hello(Protocol.VERSION, Role.CONTROLLER, "again", InstanceConfig.EMPTY);
            case 7:
                return new TestPulse(32 + rnd.nextInt(Protocol.MAX_ARRAY_LENGTH - 32), 1f, 0.1f);
            default:
                return new Hello(Protocol.VERSION + 1 + rnd.nextInt(100), Role.OBSERVER, "", InstanceConfig.EMPTY);
        }
    }

    private Object controllerMessage() {
        int ch = rnd.nextInt(16);
        int note = rnd.nextInt(128);
        int pick = rnd.nextInt(100);
        if (pick < 22) {
            return new NoteOn(ch, note, extreme(), extreme(), extreme(), extreme());
        } else if (pick < 50) {
            return new NoteOff(ch, note, extreme());
        } else if (pick < 75) {
            return new MpeUpdate(ch, extreme(), extreme(), extreme());
        } else if (pick < 85) {
            Param[] all = Param.values();
            return new ParameterChange(all[rnd.nextInt(all.length)].id(), extreme());
        } else if (pick < 95) {
            return new Ping(rnd.nextLong(), rnd.nextLong());
        } else if (pick < 99) {
            return new TestPulse(rnd.nextInt(32), extreme(), Math.abs(extreme()));
        }
        return new Panic();
    }

    private Object observerMessage() {
        int pick = rnd.nextInt(100);
        if (pick < 60) {
            return new Ping(rnd.nextLong(), rnd.nextLong());
        } else if (pick < 80) {
            return new ParameterChange(Param.MASTER_GAIN.id(), extreme());
        } else if (pick < 98) {
            return new TestPulse(rnd.nextInt(32), extreme(), Math.abs(extreme()));
        }
        return new Panic();
    }

    /** Mostly ordinary values, sometimes the far ends of what is finite. */
    private float extreme() {
        switch (rnd.nextInt(10)) {
            case 0:
                return Float.MAX_VALUE;
            case 1:
                return -Float.MAX_VALUE;
            case 2:
                return Float.MIN_VALUE;
            case 3:
                return (float) (rnd.nextGaussian() * 1e6);
            default:
                return rnd.nextFloat() * 2f - 0.5f;
        }
    }

    private byte[] kryoFrame(Kryo kryo, Object o) {
        out.reset();
        kryo.writeClassAndObject(out, o);
        return frame(out.getBuffer(), out.position());
    }

    private static byte[] frame(byte[] payload, int length) {
        ByteBuffer b = ByteBuffer.allocate(4 + length);
        b.putInt(length).put(payload, 0, length);
        return b.array();
    }
}
