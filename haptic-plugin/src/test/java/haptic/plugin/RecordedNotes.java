package haptic.plugin;

import java.util.ArrayList;
import java.util.List;

/** A NoteSink that keeps what it is given, for assertions. */
final class RecordedNotes implements NoteSink {
    record On(int channel, int note, float velocity, float pressure, float bend, float timbre) {
    }

    record Off(int channel, int note, float velocity) {
    }

    final List<On> ons = new ArrayList<>();
    final List<Off> offs = new ArrayList<>();

    @Override
    public void noteOn(int channel, int note, float velocity, float pressure, float bend, float timbre) {
        ons.add(new On(channel, note, velocity, pressure, bend, timbre));
    }

    @Override
    public void noteOff(int channel, int note, float velocity) {
        offs.add(new Off(channel, note, velocity));
    }

    On lastOn() {
        return ons.get(ons.size() - 1);
    }
}
