package haptic.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a layout file:
 * <pre>{ "name": "table-4x8",
 *   "transducers": [ { "name": "T01", "x": 0.0, "y": 0.0, "gain": 1.0 }, ... 32 entries ] }</pre>
 * {@code gain} is optional (default 1). Unknown and repeated fields are errors, so a typo never silently
 * falls back to a default. Streaming parser, so every error can point at a line and column.
 */
public final class LayoutParser {
    private static final JsonFactory JSON = new JsonFactory();

    private LayoutParser() {
    }

    /**
     * @param sourceName how errors refer to the text, usually the file name
     * @throws LayoutException naming the source, line, column and field path of the first problem
     */
    public static Layout parse(String text, String sourceName) {
        try (JsonParser p = JSON.createParser(text)) {
            return new Reading(p, sourceName).layout();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String path = at == null ? "" : pathOf(e.getProcessor() instanceof JsonParser
                    ? ((JsonParser) e.getProcessor()).getParsingContext() : null);
            throw new LayoutException(sourceName, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), path, e.getOriginalMessage());
        } catch (IOException e) {
            throw new LayoutException(sourceName, 0, 0, "", "cannot read: " + e.getMessage());
        }
    }

    /** "transducers[3].x" for the parser's position; used for Jackson's own syntax errors. */
    private static String pathOf(JsonStreamContext c) {
        if (c == null || c.inRoot()) {
            return "";
        }
        String parent = pathOf(c.getParent());
        if (c.inArray()) {
            return parent + "[" + Math.max(0, c.getCurrentIndex()) + "]";
        }
        String field = c.getCurrentName();
        if (field == null) {
            return parent;
        }
        return parent.isEmpty() ? field : parent + "." + field;
    }

    /** One pass over the token stream. */
    private static final class Reading {
        private final JsonParser p;
        private final String source;
        private final String[] names = new String[Layout.TRANSDUCERS];
        private final float[] x = new float[Layout.TRANSDUCERS];
        private final float[] y = new float[Layout.TRANSDUCERS];
        private final float[] gain = new float[Layout.TRANSDUCERS];
        private final Map<String, Integer> nameIndex = new HashMap<>();

        Reading(JsonParser p, String source) {
            this.p = p;
            this.source = source;
        }

        Layout layout() throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error("", "expected an object with \"name\" and \"transducers\"");
            }
            JsonLocation start = p.currentTokenLocation();
            String layoutName = null;
            int count = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "name":
                        if (layoutName != null) {
                            throw error(field, "duplicate field");
                        }
                        layoutName = text(field);
                        break;
                    case "transducers":
                        if (count >= 0) {
                            throw error(field, "duplicate field");
                        }
                        count = transducers();
                        break;
                    default:
                        throw error(field, "unknown field (expected \"name\" or \"transducers\")");
                }
            }
            if (layoutName == null) {
                throw error(start, "", "missing field \"name\"");
            }
            if (count < 0) {
                throw error(start, "", "missing field \"transducers\"");
            }
            if (p.nextToken() != null) {
                throw error("", "unexpected content after the layout object");
            }
            return new Layout(layoutName, names, x, y, gain);
        }

        private int transducers() throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw error("transducers", "expected an array of " + Layout.TRANSDUCERS + " transducers");
            }
            JsonLocation start = p.currentTokenLocation();
            int n = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                String path = "transducers[" + n + "]";
                if (t != JsonToken.START_OBJECT) {
                    throw error(path, "expected an object with \"name\", \"x\", \"y\" and optional \"gain\"");
                }
                transducer(n, path);
                n++;
            }
            if (n != Layout.TRANSDUCERS) {
                throw error(start, "transducers", "expected " + Layout.TRANSDUCERS + " entries, found " + n);
            }
            return n;
        }

        private void transducer(int index, String path) throws IOException {
            JsonLocation start = p.currentTokenLocation();
            String name = null;
            float tx = Float.NaN;
            float ty = Float.NaN;
            float tg = Float.NaN;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                String fieldPath = path + "." + field;
                p.nextToken();
                switch (field) {
                    case "name":
                        if (name != null) {
                            throw error(fieldPath, "duplicate field");
                        }
                        name = text(fieldPath);
                        if (index < Layout.TRANSDUCERS) {
                            Integer first = nameIndex.putIfAbsent(name, index);
                            if (first != null) {
                                throw error(fieldPath, "duplicate name \"" + name + "\" (first at transducers["
                                        + first + "])");
                            }
                        }
                        break;
                    case "x":
                        tx = number(fieldPath, tx);
                        break;
                    case "y":
                        ty = number(fieldPath, ty);
                        break;
                    case "gain":
                        tg = number(fieldPath, tg);
                        if (tg < 0f || tg > Layout.MAX_GAIN) {
                            throw error(fieldPath, "must be within [0, " + (int) Layout.MAX_GAIN + "], found "
                                    + tg);
                        }
                        break;
                    default:
                        throw error(fieldPath, "unknown field (expected \"name\", \"x\", \"y\" or \"gain\")");
                }
            }
            if (name == null) {
                throw error(start, path, "missing field \"name\"");
            }
            if (Float.isNaN(tx)) {
                throw error(start, path, "missing field \"x\"");
            }
            if (Float.isNaN(ty)) {
                throw error(start, path, "missing field \"y\"");
            }
            if (index < Layout.TRANSDUCERS) {
                names[index] = name;
                x[index] = tx;
                y[index] = ty;
                gain[index] = Float.isNaN(tg) ? 1f : tg;
            }
        }

        private String text(String path) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw error(path, "expected a string");
            }
            String s = p.getText();
            if (s.isBlank()) {
                throw error(path, "must not be empty");
            }
            return s;
        }

        /** @param previous NaN unless the field was already given in this object */
        private float number(String path, float previous) throws IOException {
            if (!Float.isNaN(previous)) {
                throw error(path, "duplicate field");
            }
            JsonToken t = p.currentToken();
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw error(path, "expected a number");
            }
            float v = (float) p.getDoubleValue();
            if (!Float.isFinite(v)) {
                throw error(path, "expected a finite number, found " + p.getText());
            }
            return v;
        }

        private LayoutException error(String path, String problem) {
            return error(p.currentTokenLocation(), path, problem);
        }

        private LayoutException error(JsonLocation at, String path, String problem) {
            return new LayoutException(source, at.getLineNr(), at.getColumnNr(), path, problem);
        }
    }
}
