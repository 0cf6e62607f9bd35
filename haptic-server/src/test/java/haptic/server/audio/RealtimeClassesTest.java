package haptic.server.audio;


import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.List;

import static haptic.testkit.ConstantPool.stringConstants;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        "haptic/jack/JackSession$ProcessEntry",
        "haptic/testkit/JackCapture$Recorder",
        "haptic/jack/JackPortBuffer",
        "haptic/jack/JackNative",
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
}
