package haptic.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classifier that decides which memcheck reports are the plugin's, on a hand-written report. */
class ValgrindReportTest {
    private static final String PLUGIN = "/b/HapticController.vst3/Contents/x86_64-linux/HapticController.so";
    private static final String JVM = "/usr/lib/jvm/java-17-openjdk-amd64/lib/server/libjvm.so";
    private static final String PRELOAD = "/usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so";
    private static final String LIBC = "/usr/lib/x86_64-linux-gnu/libc.so.6";

    @TempDir
    Path dir;

    private static String frame(String obj, String fn) {
        return "<frame><ip>0x1</ip><obj>" + obj + "</obj>" + (fn == null ? "" : "<fn>" + fn + "</fn>") + "</frame>";
    }

    private static String error(String kind, String what, String... frames) {
        String description = kind.startsWith("Leak_") ? "<xwhat><text>" + what + "</text></xwhat>" : "<what>" + what
                + "</what>";
        return "<error><unique>0x0</unique><tid>1</tid><kind>" + kind + "</kind>" + description + "<stack>"
                + String.join("", frames) + "</stack></error>";
    }

    @Test
    void errorsWhoseInnermostOwnFrameIsThePluginAreThePlugins() throws Exception {
        String xml = "<?xml version=\"1.0\"?><valgrindoutput>"
                + error("InvalidRead", "Invalid read of size 4", frame(PLUGIN, "block_events_translate"),
                        frame(PLUGIN, "p_process"))
                + error("Leak_DefinitelyLost", "16 bytes lost", frame(PRELOAD, "malloc"), frame(LIBC, "strdup"),
                        frame(PLUGIN, "plugin_bundle_load"))
                + error("InvalidWrite", "Invalid write of size 4", frame("", null), frame(JVM, "JavaCalls::call"),
                        frame(PLUGIN, "start_on_own_thread"))
                + error("Leak_DefinitelyLost", "32 bytes lost", frame(PRELOAD, "malloc"), frame(JVM, "os::malloc"),
                        frame(PLUGIN, "component_enter"))
                + error("InvalidRead", "Invalid read of size 8", frame("/lib64/ld-linux-x86-64.so.2", "strncmp"),
                        frame(LIBC, "dlopen"), frame(PLUGIN, "java_runtime_start"))
                + "</valgrindoutput>";
        Path file = dir.resolve("report.xml");
        Files.writeString(file, xml);

        ValgrindReport report = ValgrindReport.read(file);

        assertEquals(List.of("InvalidRead", "Leak_DefinitelyLost"),
                report.plugin().stream().map(ValgrindReport.Finding::kind).toList());
        assertEquals(List.of("Invalid write of size 4", "32 bytes lost", "Invalid read of size 8"),
                report.others().stream().map(ValgrindReport.Finding::what).toList());
    }
}
