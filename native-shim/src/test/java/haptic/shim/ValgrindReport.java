package haptic.shim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Memcheck's XML report (--xml=yes), split into what the plugin's own code did and everything else.
 *
 * <p>An error belongs to the plugin when the innermost frame that is not memcheck's allocator/string
 * replacements or libc is in HapticController.so: the plugin read or wrote badly itself, handed libc a bad
 * pointer, or allocated the block that leaked. An error inside the JVM that merely has the plugin further
 * down the stack (the plugin called into Java) is the JVM's.
 */
record ValgrindReport(List<Finding> plugin, List<Finding> others) {
    static final String PLUGIN_OBJECT = "HapticController.so";

    /** One reported error: its kind (InvalidRead, Leak_DefinitelyLost, ...), description and frames. */
    record Finding(String kind, String what, List<String> frames) {
        @Override
        public String toString() {
            return kind + ": " + what + "\n    " + String.join("\n    ", frames);
        }
    }

    static ValgrindReport read(Path xml) throws IOException {
        try (InputStream in = Files.newInputStream(xml)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Document doc = f.newDocumentBuilder().parse(in);
            List<Finding> plugin = new ArrayList<>();
            List<Finding> others = new ArrayList<>();
            NodeList errors = doc.getDocumentElement().getElementsByTagName("error");
            for (int i = 0; i < errors.getLength(); i++) {
                Element e = (Element) errors.item(i);
                List<Element> frames = firstStackFrames(e);
                Finding finding = new Finding(text(e, "kind"), describe(e), render(frames));
                (isPlugins(frames) ? plugin : others).add(finding);
            }
            return new ValgrindReport(plugin, others);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot parse memcheck's report " + xml + ": " + e.getMessage(), e);
        }
    }

    static boolean isPlugins(List<Element> frames) {
        for (Element frame : frames) {
            String obj = text(frame, "obj");
            if (obj.contains("/vgpreload_") || obj.matches(".*/libc\\.so[.0-9]*")) {
                continue;
            }
            return obj.endsWith("/" + PLUGIN_OBJECT);
        }
        return false;
    }

    private static List<Element> firstStackFrames(Element error) {
        List<Element> frames = new ArrayList<>();
        for (Node n = error.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element stack && stack.getTagName().equals("stack")) {
                NodeList list = stack.getElementsByTagName("frame");
                for (int i = 0; i < list.getLength(); i++) {
                    frames.add((Element) list.item(i));
                }
                break;
            }
        }
        return frames;
    }

    private static String describe(Element error) {
        String what = text(error, "what");
        if (!what.isEmpty()) {
            return what;
        }
        NodeList xwhat = error.getElementsByTagName("xwhat");
        return xwhat.getLength() > 0 ? text((Element) xwhat.item(0), "text") : "";
    }

    private static List<String> render(List<Element> frames) {
        List<String> out = new ArrayList<>();
        for (Element f : frames) {
            String fn = text(f, "fn");
            String file = text(f, "file");
            String where = file.isEmpty() ? text(f, "obj") : file + ":" + text(f, "line");
            out.add((fn.isEmpty() ? "???" : fn) + " (" + where + ")");
        }
        return out;
    }

    private static String text(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && child.getTagName().equals(tag)) {
                return child.getTextContent().trim();
            }
        }
        return "";
    }
}
