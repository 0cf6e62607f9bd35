package haptic.client;

import haptic.protocol.InstanceConfig;
import haptic.protocol.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SavedParamsTest {
    @TempDir
    Path dir;

    @Test
    void nothingSavedMeansAnEmptyConfig() throws Exception {
        InstanceConfig c = new SavedParams(dir.resolve("haptic.sock")).config();
        assertEquals(0, c.paramIds().length);
        assertEquals(0, c.values().length);
    }

    @Test
    void savedValuesComeBackInParameterOrder() throws Exception {
        SavedParams saved = new SavedParams(dir.resolve("haptic.sock"));
        saved.save(Param.RELEASE, 2f);
        saved.save(Param.WAVE_SPEED, 8f);
        saved.save(Param.RELEASE, 3f);
        assertEquals(Map.of(Param.WAVE_SPEED, 8f, Param.RELEASE, 3f), saved.load());
        InstanceConfig c = saved.config();
        assertArrayEquals(new int[] {Param.WAVE_SPEED.id(), Param.RELEASE.id()}, c.paramIds());
        assertArrayEquals(new float[] {8f, 3f}, c.values());
        assertEquals(dir.resolve("haptic.sock.cli-params"), saved.file());
        assertTrue(Files.exists(saved.file()));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void defaultValueForgetsTheParameter() throws Exception {
        SavedParams saved = new SavedParams(dir.resolve("haptic.sock"));
        saved.save(Param.GAIN, 0.5f);
        saved.save(Param.GAIN, Param.GAIN.defaultValue());
        assertEquals(Map.of(), saved.load());
    }

    @Test
    void handEditedNonsenseIsSkippedAndOutOfRangeValuesClamped() throws Exception {
        Path socket = dir.resolve("haptic.sock");
        Files.writeString(dir.resolve("haptic.sock.cli-params"),
                "wave-speed=900\nwarp=1\ngain=NaN\nattack=lots\nmaster-gain=2\nDECAY_KNEE=0.5\n");
        assertEquals(Map.of(Param.WAVE_SPEED, Param.WAVE_SPEED.max(), Param.DECAY_KNEE, 0.5f),
                new SavedParams(socket).load());
    }
}
