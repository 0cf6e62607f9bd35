package haptic.server.audio;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Classes whose code runs on an audio thread must hold no string constants. Before C2 compiles a method,
 * HotSpot interns every unresolved string constant of the method's class, on the thread that triggered the
 * compilation — an allocation on the audio thread several seconds into a run (observed: 136 bytes in the
 * headless pacer, from an exception message in the same class).
 */
class RealtimeClassesTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "haptic/server/audio/HeadlessPacer$Pacing",
        "haptic/server/audio/JackSink$Playback",
        "haptic/server/audio/WavRecorder",
        "haptic/server/audio/ProcessFaults",
        "haptic/server/jack/JackSession$ProcessEntry",
        "haptic/server/jack/JackCapture$Recorder",
        "haptic/server/jack/JackPortBuffer",
        "haptic/server/jack/JackNative",
        "haptic/server/AudioCycle",
        "haptic/server/CallbackTimer",
        "haptic/server/link/CommandLink",
        "haptic/server/link/TelemetryLink",
        "haptic/server/link/EngineCommand",
        "haptic/server/link/Telemetry",
        "haptic/engine/Engine",
        "haptic/engine/LevelMeter",
        "haptic/engine/Attenuation",
        "haptic/engine/DelayLine",
        "haptic/engine/Envelope",
        "haptic/engine/FieldTaps",
        "haptic/engine/FieldVoice",
        "haptic/engine/InstanceState",
        "haptic/engine/NoteRequest",
        "haptic/engine/OnePole",
        "haptic/engine/OutputStage",
        "haptic/engine/PositionHistory",
        "haptic/engine/Propagation",
        "haptic/engine/Rig",
        "haptic/engine/SourceMotion",
        "haptic/engine/TestPulses",
        "haptic/engine/Voice",
        "haptic/engine/VoiceIndex",
        "haptic/engine/VoicePool",
        "haptic/engine/WaveVoice",
    })
    void holdNoStringConstants(String className) throws IOException {
        assertEquals(List.of(), stringConstants(className), className + " must not hold string constants");
    }

    /** The CONSTANT_String entries of a class file's constant pool (JVMS 4.4). */
    static List<String> stringConstants(String className) throws IOException {
        try (InputStream raw = RealtimeClassesTest.class.getClassLoader().getResourceAsStream(className + ".class")) {
            assertNotNull(raw, className + ".class not found");
            DataInputStream in = new DataInputStream(raw);
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> stringIndexes = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 8 -> stringIndexes.add(in.readUnsignedShort());
                    case 7, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++;
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag + " in " + className);
                }
            }
            List<String> strings = new ArrayList<>();
            for (int index : stringIndexes) {
                strings.add(utf8[index]);
            }
            return strings;
        }
    }
}
