package haptic.engine;

/**
 * A layout file that cannot be used. The message is meant for the person editing the file: it names the
 * source, the line and column, and the field path, e.g. {@code layout.json line 7, col 12: transducers[3].x:
 * expected a number}.
 */
public final class LayoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String path;

    public LayoutException(String source, int line, int column, String path, String problem) {
        super(format(source, line, column, path, problem));
        this.source = source;
        this.line = line;
        this.column = column;
        this.path = path;
    }

    private static String format(String source, int line, int column, String path, String problem) {
        StringBuilder b = new StringBuilder(source);
        if (line > 0) {
            b.append(" line ").append(line);
            if (column > 0) {
                b.append(", col ").append(column);
            }
        }
        b.append(": ");
        if (path != null && !path.isEmpty()) {
            b.append(path).append(": ");
        }
        return b.append(problem).toString();
    }

    public String source() { return source; }
    /** 1-based, or 0 when unknown. */
    public int line() { return line; }
    /** 1-based, or 0 when unknown. */
    public int column() { return column; }
    /** Field path such as {@code transducers[3].x}; empty for the document itself. */
    public String path() { return path; }
}
