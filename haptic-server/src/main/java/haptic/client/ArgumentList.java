package haptic.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Splits a command line into positionals and {@code --name value} options without judging them, so
 * the parser can report problems against the right command's usage. Every option except
 * {@code -h}/{@code --help} takes a value, either as the next word or after '='. A word that looks like
 * a number ("-0.5") is a value, never an option.
 */
final class ArgumentList {
    static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private final List<String> positionals = new ArrayList<>();
    /** Option name (without dashes) to value; the value is null if the line ended before it. */
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private boolean help;

    ArgumentList(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                help = true;
            } else if (a.startsWith("--") && a.length() > 2) {
                int eq = a.indexOf('=');
                String name = eq < 0 ? a.substring(2) : a.substring(2, eq);
                String value = eq >= 0 ? a.substring(eq + 1) : (i + 1 < args.length ? args[++i] : null);
                if (options.containsKey(name)) {
                    problems.add("--" + name + " is given twice");
                }
                options.put(name, value);
            } else if (a.startsWith("-") && a.length() > 1 && !NUMBER.matcher(a).matches()) {
                problems.add("unknown option " + a);
            } else {
                positionals.add(a);
            }
        }
    }

    boolean help() {
        return help;
    }

    List<String> positionals() {
        return positionals;
    }

    /** Removes and returns an option's value; null if absent. @throws UsageException if it has no value */
    String take(String name, String usage) throws UsageException {
        if (!options.containsKey(name)) {
            return null;
        }
        String value = options.remove(name);
        if (value == null) {
            throw new UsageException("--" + name + " needs a value", usage);
        }
        return value;
    }

    /** @throws UsageException if the line had a malformed or repeated option */
    void requireWellFormed(String usage) throws UsageException {
        if (!problems.isEmpty()) {
            throw new UsageException(problems.get(0), usage);
        }
    }

    /** @throws UsageException if any option was not taken */
    void requireAllTaken(String usage) throws UsageException {
        if (!options.isEmpty()) {
            throw new UsageException("unknown option --" + options.keySet().iterator().next(), usage);
        }
    }
}
