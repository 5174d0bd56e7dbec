package vn.motcua.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One JSON Schema drives the page, the API and validation: this turns a procedure's schema into fields a page
 * renders (labels in the visitor's language, current values, choices) and turns the submitted page form back
 * into the JSON the API takes. Supports the subset described in docs/FORMS.md.
 */
public final class EForm {

    private static final int EXTRA_LIST_ROWS = 1;
    private static final Pattern INDEX = Pattern.compile("^(.+)\\[(\\d+)]$");

    private EForm() {
    }

    /** The fields of a schema, filled with {@code values} (may be null). */
    public static List<EFormField> fields(JsonNode schema, JsonNode values, Locale locale) {
        return objectFields(schema, values, "form", locale, conditionals(schema));
    }

    private static List<EFormField> objectFields(JsonNode schema, JsonNode values, String prefix, Locale locale,
                                                 Set<String> conditional) {
        List<EFormField> out = new ArrayList<>();
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        Set<String> localConditional = new HashSet<>(conditional);
        localConditional.addAll(conditionals(schema));
        for (var e : schema.path("properties").properties()) {
            String key = e.getKey();
            JsonNode p = e.getValue();
            String name = prefix + "." + key;
            JsonNode value = values == null ? null : values.get(key);
            out.add(field(p, value, name, required.contains(key), localConditional.contains(key), locale));
        }
        return out;
    }

    private static EFormField field(JsonNode p, JsonNode value, String name, boolean required, boolean conditional,
                                    Locale locale) {
        String type = p.path("type").asString("string");
        String label = text(p, "title", "x-title-en", locale, name.substring(name.lastIndexOf('.') + 1));
        String hint = text(p, "description", "x-description-en", locale, null);
        String id = name.replaceAll("[.\\[\\]]+", "-").replaceAll("-$", "");
        if (type.equals("object")) {
            return new EFormField(name, id, label, hint, "group", required, conditional, List.of(), null, null, null,
                    null, null, objectFields(p, value, name, locale, Set.of()));
        }
        if (type.equals("array")) {
            int existing = value != null && value.isArray() ? value.size() : 0;
            int max = p.path("maxItems").asInt(10);
            int rows = Math.min(max, Math.max(existing + EXTRA_LIST_ROWS, Math.max(1, p.path("minItems").asInt(1))));
            List<EFormField> children = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                String rowName = name + "[" + i + "]";
                JsonNode rowValue = existing > i ? value.get(i) : null;
                children.add(new EFormField(rowName, rowName.replaceAll("[.\\[\\]]+", "-").replaceAll("-$", ""),
                        label + " " + (i + 1), null, "group", false, false, List.of(), null, null, null, null, null,
                        objectFields(p.path("items"), rowValue, rowName, locale, Set.of())));
            }
            return new EFormField(name, id, label, hint, "list", required, conditional, List.of(), null, null, null,
                    null, null, children);
        }
        List<EFormField.Option> options = new ArrayList<>();
        p.path("oneOf").forEach(o -> options.add(new EFormField.Option(o.path("const").asString(),
                text(o, "title", "x-title-en", locale, o.path("const").asString()))));
        String widget;
        if (!options.isEmpty()) {
            widget = options.size() <= 4 ? "radio" : "select";
        } else if (type.equals("boolean")) {
            widget = "checkbox";
        } else if (type.equals("integer") || type.equals("number")) {
            widget = type;
        } else if ("date".equals(p.path("format").asString(""))) {
            widget = "date";
        } else if ("email".equals(p.path("format").asString(""))) {
            widget = "email";
        } else {
            widget = p.path("maxLength").asInt(0) > 300 ? "textarea" : "text";
        }
        String v = value == null || value.isNull() ? null : value.isString() ? value.asString() : value.toString();
        return new EFormField(name, id, label, hint, widget, required, conditional, options, v,
                p.has("maxLength") ? p.get("maxLength").asInt() : null, p.has("pattern") ? p.get("pattern").asString() : null,
                p.has("minimum") ? p.get("minimum").numberValue() : null,
                p.has("maximum") ? p.get("maximum").numberValue() : null, List.of());
    }

    /**
     * The case questions of a form: top-level choices that decide which blocks apply (the {@code x} of an
     * {@code allOf: [{if: {properties: {x: {const: V}}}, then: {required: [...]}}]} at the root), in form order.
     */
    public static List<String> switches(JsonNode schema) {
        Set<String> named = new HashSet<>();
        schema.path("allOf").forEach(c -> c.path("if").path("properties").propertyNames().forEach(named::add));
        List<String> out = new ArrayList<>();
        for (String key : schema.path("properties").propertyNames()) {
            if (named.contains(key)) {
                out.add(key);
            }
        }
        return out;
    }

    /**
     * The top-level properties that apply to a form's answers: every property that no case requires, and those a
     * case requires when the form's answer chooses that case ({@code if} satisfied). Blocks of other cases are left
     * out, so a page shows only what applies.
     */
    public static Set<String> applicable(JsonNode schema, JsonNode form) {
        Set<String> conditional = conditionals(schema);
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String key : schema.path("properties").propertyNames()) {
            if (!conditional.contains(key)) {
                out.add(key);
            }
        }
        for (JsonNode rule : schema.path("allOf")) {
            boolean holds = true;
            for (var e : rule.path("if").path("properties").properties()) {
                JsonNode answer = form == null ? null : form.get(e.getKey());
                JsonNode expected = e.getValue().get("const");
                if (answer == null || expected == null || !answer.asString("").equals(expected.asString(""))) {
                    holds = false;
                }
            }
            if (holds) {
                rule.path("then").path("required").forEach(r -> out.add(r.asString()));
            }
        }
        return out;
    }

    /** A form with many cases is better asked in steps: the case questions first, then only what applies. */
    public static boolean inSteps(JsonNode schema) {
        return schema.path("allOf").size() >= 3 && !switches(schema).isEmpty();
    }

    /** Properties that only some cases require (named in a {@code then.required} of the schema's allOf). */
    private static Set<String> conditionals(JsonNode schema) {
        Set<String> out = new HashSet<>();
        schema.path("allOf").forEach(c -> c.path("then").path("required").forEach(r -> out.add(r.asString())));
        return out;
    }

    private static String text(JsonNode n, String vi, String en, Locale locale, String fallback) {
        if ("en".equals(locale.getLanguage()) && n.hasNonNull(en)) {
            return n.get(en).asString();
        }
        return n.hasNonNull(vi) ? n.get(vi).asString() : fallback;
    }

    /**
     * Builds the eForm JSON from submitted page parameters ({@code form.child.fullName=...}), typed by the
     * schema: empty inputs are left out, numbers become numbers when they parse, checkboxes become booleans.
     */
    public static ObjectNode parse(JsonNode schema, Map<String, String[]> params, JsonMapper json) {
        return parseObject(schema, params, "form", json);
    }

    private static ObjectNode parseObject(JsonNode schema, Map<String, String[]> params, String prefix, JsonMapper json) {
        ObjectNode out = json.createObjectNode();
        for (var e : schema.path("properties").properties()) {
            String key = e.getKey();
            JsonNode p = e.getValue();
            String name = prefix + "." + key;
            String type = p.path("type").asString("string");
            switch (type) {
                case "object" -> {
                    ObjectNode child = parseObject(p, params, name, json);
                    if (!child.isEmpty()) {
                        out.set(key, child);
                    }
                }
                case "array" -> {
                    ArrayNode rows = json.createArrayNode();
                    for (int i : indices(params, name)) {
                        ObjectNode row = parseObject(p.path("items"), params, name + "[" + i + "]", json);
                        if (!row.isEmpty()) {
                            rows.add(row);
                        }
                    }
                    if (!rows.isEmpty()) {
                        out.set(key, rows);
                    }
                }
                case "boolean" -> {
                    String v = first(params, name);
                    if (v != null) {
                        out.put(key, v.equals("true") || v.equals("on"));
                    }
                }
                case "integer", "number" -> {
                    String v = first(params, name);
                    if (v != null) {
                        try {
                            if (type.equals("integer")) {
                                out.put(key, Long.parseLong(v));
                            } else {
                                out.put(key, new java.math.BigDecimal(v.replace(',', '.')));
                            }
                        } catch (NumberFormatException ex) {
                            out.put(key, v); // the schema validation words the problem
                        }
                    }
                }
                default -> {
                    String v = first(params, name);
                    if (v != null) {
                        out.put(key, Normalizer.normalize(v, Normalizer.Form.NFC));
                    }
                }
            }
        }
        return out;
    }

    private static Set<Integer> indices(Map<String, String[]> params, String listName) {
        Set<Integer> out = new TreeSet<>();
        for (String k : params.keySet()) {
            if (k.startsWith(listName + "[")) {
                int close = k.indexOf(']', listName.length());
                Matcher m = INDEX.matcher(k.substring(0, close + 1));
                if (m.matches()) {
                    out.add(Integer.parseInt(m.group(2)));
                }
            }
        }
        return out;
    }

    private static String first(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        if (v == null || v.length == 0) {
            return null;
        }
        String s = v[v.length - 1].trim();
        return s.isEmpty() ? null : s;
    }
}
