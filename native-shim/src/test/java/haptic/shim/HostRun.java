package haptic.shim;

import java.util.ArrayList;
import java.util.List;

/** What one run of the C test host printed: its step lines, the NoteOn timestamps and the plugin's stderr. */
record HostRun(int exitCode, List<String> stdout, String stderr) {

    /** One "noteon <ns> <channel> <pitch> <bend> <timbre>" line: a NoteOn and where its source should be. */
    record NoteOnLine(long nanoTime, int channel, int pitch, double bend, double timbre) {
    }

    List<String> failedSteps() {
        List<String> failed = new ArrayList<>();
        for (String line : stdout) {
            if (line.startsWith("FAIL ")) {
                failed.add(line);
            }
        }
        return failed;
    }

    boolean stepPassed(String name) {
        return stdout.stream().anyMatch(l -> l.startsWith("ok " + name + ":"));
    }

    List<NoteOnLine> noteOns() {
        List<NoteOnLine> notes = new ArrayList<>();
        for (String line : stdout) {
            if (line.startsWith("noteon ")) {
                String[] f = line.split(" ");
                notes.add(new NoteOnLine(Long.parseLong(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                        Double.parseDouble(f[4]), Double.parseDouble(f[5])));
            }
        }
        return notes;
    }

    /** Everything, for assertion messages. */
    String transcript() {
        return "exit code " + exitCode + "\n--- stdout\n" + String.join("\n", stdout) + "\n--- stderr\n" + stderr;
    }
}
