package haptic.protocol;

/**
 * Every parameter of the instrument, declared once. The plugin, the server and the panel all
 * read ranges and defaults from here; the wire carries only {@link #id()} and a float value.
 *
 * <p>IDs are part of the protocol: never renumber, only append.
 */
public enum Param {
    /** 0 = Wave (propagating point source), 1 = Standing wave field, 2 = Travelling wave field. */
    STIMULUS_TYPE(1, "Stimulus type", "", 0f, 2f, 0f, true),
    /** Propagation speed across the table, metres per second. Captured by a voice when it starts. */
    WAVE_SPEED(2, "Wave speed", "m/s", 1f, 200f, 20f, false),
    /** Distance at which attenuation reaches one half, metres. */
    DECAY_KNEE(3, "Decay knee", "m", 0.01f, 2f, 0.15f, false),
    /** Steepness of distance attenuation: gain = 1 / (1 + (d / knee)^exponent). 0 = no attenuation. */
    DECAY_EXPONENT(4, "Decay exponent", "", 0f, 4f, 1.5f, false),
    /** Gain of one controller instance, linear. */
    GAIN(5, "Gain", "", 0f, 2f, 1f, false),
    /** Envelope attack time, seconds. */
    ATTACK(6, "Attack", "s", 0.001f, 2f, 0.01f, false),
    /** Envelope release time, seconds. */
    RELEASE(7, "Release", "s", 0.005f, 5f, 0.25f, false),
    /** Server-wide output gain, linear, applied before the output ceiling. */
    MASTER_GAIN(8, "Master gain", "", 0f, 2f, 1f, false),
    /**
     * Shifts when this instance's events sound, milliseconds, to line the table up with the speakers; negative
     * values take time out of the scheduling latency (never below zero total).
     */
    SYNC_OFFSET(9, "Sync offset", "ms", -100f, 200f, 0f, false),
    /**
     * This instance's scheduling latency, milliseconds: how long after its time an event sounds. 0 = automatic
     * (the host block, one server period and a margin learnt from how late events actually arrive).
     */
    LATENCY(10, "Latency", "ms", 0f, 500f, 0f, false);

    public static final int STIMULUS_WAVE = 0;
    public static final int STIMULUS_STANDING = 1;
    public static final int STIMULUS_TRAVELLING = 2;

    private static final Param[] BY_ID = new Param[16];

    static {
        for (Param p : values()) {
            BY_ID[p.id] = p;
        }
    }

    private final int id;
    private final String label;
    private final String unit;
    private final float min;
    private final float max;
    private final float defaultValue;
    private final boolean discrete;

    Param(int id, String label, String unit, float min, float max, float defaultValue, boolean discrete) {
        this.id = id;
        this.label = label;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.defaultValue = defaultValue;
        this.discrete = discrete;
    }

    public int id() { return id; }
    public String label() { return label; }
    public String unit() { return unit; }
    public float min() { return min; }
    public float max() { return max; }
    public float defaultValue() { return defaultValue; }
    public boolean discrete() { return discrete; }

    /** Clamps into range (and rounds discrete parameters). Callers reject NaN/Inf before this. */
    public float clamp(float v) {
        float c = Math.max(min, Math.min(max, v));
        return discrete ? Math.round(c) : c;
    }

    /** @return the parameter with this wire id, or null if unknown. */
    public static Param byId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    /** Lookup for command lines: accepts the enum name in any case, with '-' for '_'. */
    public static Param byName(String name) {
        String n = name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (Param p : values()) {
            if (p.name().equals(n)) {
                return p;
            }
        }
        return null;
    }
}
