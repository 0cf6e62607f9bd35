package haptic.panel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The panel's resident memory, from the kernel's own accounting (heap, native ImGui/GL buffers and mappings together). */
final class ProcessMemory {
    private ProcessMemory() {
    }

    /** Resident set size in kilobytes, or -1 where /proc is not available. */
    static long residentKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
