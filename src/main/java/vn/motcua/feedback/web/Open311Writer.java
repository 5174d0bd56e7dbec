package vn.motcua.feedback.web;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 bodies in both formats from one tree: maps (ordered) of strings, numbers, booleans, nested
 * maps and {@link Items} (a list whose XML elements carry one name). XML: UTF-8 with its declaration, every list
 * wrapped in its element; JSON mirrors it, a list response being a bare array (the spec's convention).
 */
final class Open311Writer {

    /** A list whose items are {@code item} elements in XML. */
    record Items(String item, List<?> values) {
    }

    static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");
    static final MediaType JSON = MediaType.parseMediaType("application/json;charset=UTF-8");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final XMLOutputFactory XML_FACTORY = XMLOutputFactory.newFactory();

    private Open311Writer() {
    }

    /** A list response: {@code <root><item>…</item>…</root>} or a JSON array. */
    static ResponseEntity<String> list(int status, String format, String root, Items items) {
        return "json".equals(format)
                ? ResponseEntity.status(status).contentType(JSON).body(MAPPER.writeValueAsString(plain(items)))
                : ResponseEntity.status(status).contentType(XML).body(xml(root, items));
    }

    /** An object response: {@code <root>…</root>} or a JSON object. */
    static ResponseEntity<String> object(int status, String format, String root, Map<String, ?> fields) {
        return "json".equals(format)
                ? ResponseEntity.status(status).contentType(JSON).body(MAPPER.writeValueAsString(plain(fields)))
                : ResponseEntity.status(status).contentType(XML).body(xml(root, fields));
    }

    private static Object plain(Object v) {
        if (v instanceof Items i) {
            return i.values().stream().map(Open311Writer::plain).toList();
        }
        if (v instanceof Map<?, ?> m) {
            var out = new java.util.LinkedHashMap<Object, Object>();
            m.forEach((k, x) -> out.put(k, plain(x)));
            return out;
        }
        return v;
    }

    private static String xml(String root, Object body) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XML_FACTORY.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            write(w, root, body);
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(XMLStreamWriter w, String name, Object v) throws XMLStreamException {
        w.writeStartElement(name);
        if (v instanceof Items i) {
            for (Object x : i.values()) {
                write(w, i.item(), x);
            }
        } else if (v instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                write(w, String.valueOf(e.getKey()), e.getValue());
            }
        } else if (v != null) {
            w.writeCharacters(clean(String.valueOf(v)));
        }
        w.writeEndElement();
    }

    /** Characters XML 1.0 cannot carry are dropped. */
    private static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000).forEach(b::appendCodePoint);
        return b.toString();
    }
}
