package haptic.server.link;

/**
 * Error messages for the links live here, not in the link classes: HotSpot interns a class's string
 * constants on whichever thread first triggers its compilation, and that may be the audio thread.
 */
final class LinkMisuse {
    private LinkMisuse() {
    }

    static IllegalStateException notClaimed() {
        return new IllegalStateException("published an entry that was not claimed from this link");
    }
}
