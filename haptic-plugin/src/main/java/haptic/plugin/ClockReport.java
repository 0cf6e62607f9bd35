package haptic.plugin;

/** One log line on how this instance's blocks were timed, written when the host deactivates it. Host thread. */
final class ClockReport {
    private ClockReport() {
    }

    static void log(PluginLog log, EventTimes times) {
        BlockClock c = times.clock();
        if (c.observed() + c.subBlocks() == 0) {
            return;
        }
        log.info("block clock: " + c.observed() + " blocks observed (" + times.hostTimeBlocks()
                + " by the host's system time), " + c.subBlocks() + " continued as sub-blocks of a host cycle, "
                + c.gaps() + " gaps, " + times.restarts() + " restarts");
    }
}
