package haptic.jack;

/** One port of the JACK graph as seen by {@link JackSession#ports()}. */
public record JackPortInfo(String name, boolean input, String type, boolean physical) {
    /** One line for `haptic-server ports`: name, direction, type. */
    public String describe() {
        return name + "  (" + (input ? "input" : "output") + ", " + type + (physical ? ", physical" : "") + ")";
    }
}
