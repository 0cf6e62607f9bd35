package haptic.protocol;

import java.util.List;

/** One representative of every message type, with awkward values where the wire could go wrong. */
final class Samples {
    private Samples() {
    }

    static List<Object> all() {
        float[] peak = new float[32];
        float[] rms = new float[32];
        for (int i = 0; i < 32; i++) {
            peak[i] = i / 31f;
            rms[i] = i / 62f;
        }
        return List.of(
                new Hello(Protocol.VERSION, Role.CONTROLLER, "plugin-\u00e9\u00df-\uD83C\uDFB9",
                        new InstanceConfig("Bass rumble", new int[] {Param.WAVE_SPEED.id(), Param.GAIN.id()},
                                new float[] {42.5f, 0.75f})),
                new Hello(Protocol.VERSION, Role.OBSERVER, "", InstanceConfig.EMPTY),
                new HelloAccepted(Protocol.VERSION, "0.1.0", 3, "jack", 48000f, 256,
                        new LayoutInfo("grid-4x8", new String[] {"a1", "a2"}, new float[] {0f, 0.1f},
                                new float[] {-0.25f, 0.25f})),
                new HelloAccepted(Protocol.VERSION, "0.1.0", -1, "headless", 44100f, 64, LayoutInfo.EMPTY),
                new HelloRejected("version 2 != 1"),
                new ErrorReply("unknown transducer 99"),
                new NoteOn(15, 127, 1f, 0.5f, -1f, 0.25f),
                new NoteOn(0, 60, 0.5f, 0f, 0f, 0.5f, Long.MAX_VALUE),
                new NoteOff(0, 0, 0f),
                new NoteOff(3, 64, 0.25f, -1L),
                new MpeUpdate(7, 0.125f, 0.999f, 1f),
                new MpeUpdate(7, 0.125f, 0.999f, 1f, 1234567890123L),
                new ParameterChange(Param.MASTER_GAIN, 1.5f),
                new ParameterChange(Param.GAIN, 0.5f, Long.MIN_VALUE),
                new HostBlock(48000f, 2048),
                new Panic(),
                new Ping(-1L, Long.MAX_VALUE),
                new Pong(Long.MIN_VALUE, 123456789012345L, -42L),
                new TestPulse(31, 0.5f, 2f),
                new TestPulse(0, 1f, 0f, 987654321L),
                new TransducerLevels(Long.MAX_VALUE - 7, peak, rms),
                new EngineStatus(2, 12.5f, 3L, 1L << 40, "headless", 44100f, 128, 1, 2,
                        new float[] {0.1f, 0.2f, -0.3f, 0.4f}),
                new EngineStatus(0, 0f, 0L, 0L, "jack", 48000f, 64, 2, 0, new float[0],
                        new SchedulingStatus(5L, 1.25f, 2L, new float[] {2.97f, 0f, 44.3f})));
    }
}
