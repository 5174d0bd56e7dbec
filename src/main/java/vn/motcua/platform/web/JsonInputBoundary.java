package vn.motcua.platform.web;

import java.util.Iterator;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON half of the input boundary, installed in the application's {@code JsonMapper}: a text field takes a
 * JSON string only (not a number or a boolean turned into text) without control characters, and free-form
 * documents ({@code JsonNode}, e.g. eForms) hold no control character in any name or text. Refusals are
 * {@link BadText} exceptions carrying the JSON path, which {@link ApiProblemHandler} turns into a 400 naming
 * the field ({@code applicant.fullName}, {@code form.child.name}).
 */
public final class JsonInputBoundary {

    private JsonInputBoundary() {
    }

    /** What was wrong with a text value: the message key of the problem. */
    public static final class BadText extends MismatchedInputException {
        private final String messageKey;
        private final String inside;

        BadText(JsonParser p, String messageKey, String message, String inside) {
            super(p, message);
            this.messageKey = messageKey;
            this.inside = inside;
        }

        public String messageKey() {
            return messageKey;
        }

        /** The path of the bad text inside a free-form document read as a tree ("child.name"), or null. */
        public String inside() {
            return inside;
        }
    }

    public static SimpleModule module() {
        SimpleModule m = new SimpleModule("motcua-input-boundary");
        m.addDeserializer(String.class, new StrictString());
        m.addDeserializer(Boolean.class, new StrictBoolean(true));
        m.addDeserializer(Boolean.TYPE, new StrictBoolean(false));
        @SuppressWarnings("unchecked")
        ValueDeserializer<JsonNode> tree = (ValueDeserializer<JsonNode>) JsonNodeDeserializer.getDeserializer(JsonNode.class);
        m.addDeserializer(JsonNode.class, new CheckedTree<>(tree));
        @SuppressWarnings("unchecked")
        ValueDeserializer<ObjectNode> object = (ValueDeserializer<ObjectNode>) JsonNodeDeserializer.getDeserializer(ObjectNode.class);
        m.addDeserializer(ObjectNode.class, new CheckedTree<>(object));
        return m;
    }

    /** Strings only from JSON strings, and without control characters. */
    static final class StrictString extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_STRING) {
                String s = p.getString();
                if (InputBoundary.hasControl(s)) {
                    throw new BadText(p, "error.input.control", "control character in text", null);
                }
                return s;
            }
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_TRUE
                    || t == JsonToken.VALUE_FALSE) {
                throw new BadText(p, "error.input.text", "a text field takes a JSON string", null);
            }
            return super.deserialize(p, ctxt);
        }
    }

    /**
     * Yes/no fields take JSON {@code true} and {@code false} only: not {@code 2}, {@code "maybe"} or {@code "1"} turned
     * into a yes ({@code "consent": 2} gave a consent before).
     */
    static final class StrictBoolean extends ValueDeserializer<Boolean> {
        private final boolean nullable;

        StrictBoolean(boolean nullable) {
            this.nullable = nullable;
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_TRUE) {
                return Boolean.TRUE;
            }
            if (t == JsonToken.VALUE_FALSE) {
                return Boolean.FALSE;
            }
            throw new BadText(p, "error.input.boolean", "a yes/no field takes true or false", null);
        }

        @Override
        public Boolean getNullValue(DeserializationContext ctxt) {
            return nullable ? null : Boolean.FALSE;
        }
    }

    /** A tree read as usual, then refused if any name or text holds a control character. */
    static final class CheckedTree<T extends JsonNode> extends ValueDeserializer<T> {
        private final ValueDeserializer<T> delegate;

        CheckedTree(ValueDeserializer<T> delegate) {
            this.delegate = delegate;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            T node = delegate.deserialize(p, ctxt);
            String bad = firstBad(node, "");
            if (bad != null) {
                throw new BadText(p, "error.input.control", "control character in text", bad);
            }
            return node;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T getNullValue(DeserializationContext ctxt) {
            return (T) delegate.getNullValue(ctxt);
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return delegate.getAbsentValue(ctxt);
        }

        @Override
        public Boolean supportsUpdate(tools.jackson.databind.DeserializationConfig config) {
            return Boolean.FALSE;
        }
    }

    /** The relative path ("child.name", "items[2]") of the first bad name or text in a tree, or null. */
    static String firstBad(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            return InputBoundary.hasControl(node.asString()) ? path : null;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                var e = it.next();
                String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (InputBoundary.hasControl(e.getKey())) {
                    return path.isEmpty() ? "?" : path;
                }
                String bad = firstBad(e.getValue(), child);
                if (bad != null) {
                    return bad;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String bad = firstBad(node.get(i), path + "[" + i + "]");
                if (bad != null) {
                    return bad;
                }
            }
        }
        return null;
    }
}
