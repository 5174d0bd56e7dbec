package vn.motcua.catalog.internal;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.motcua.catalog.Procedure;
import vn.motcua.platform.FieldProblem;

/**
 * Validates an eForm against its procedure's JSON Schema (networknt, draft 2020-12) and words each problem
 * for a citizen: the field's own title and what is wrong, in Vietnamese or English.
 */
@Component
class FormValidator {

    /** Draft 2020-12 plus our annotation keywords; dates are checked (format assertions on). */
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            Dialect.builder(Dialects.getDraft202012())
                    .keyword(new AnnotationKeyword("x-title-en"))
                    .keyword(new AnnotationKeyword("x-description-en"))
                    .keyword(new AnnotationKeyword("x-rules"))
                    .build(),
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    private final MessageSource messages;
    private final java.time.Clock clock;

    /** @param clock today's date for the rules ({@code notFuture}), in the zone of the working calendar */
    FormValidator(MessageSource messages, java.time.Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    @org.springframework.beans.factory.annotation.Autowired
    FormValidator(MessageSource messages, java.time.Clock clock, vn.motcua.calendar.WorkingCalendar calendar) {
        this(messages, clock.withZone(calendar.zone()));
    }

    List<FieldProblem> validate(Procedure procedure, JsonNode form, Locale locale) {
        if (form == null || !form.isObject()) {
            return List.of(FieldProblem.localized("form", msg("validation.form.object", locale)));
        }
        // procedures are cached objects: the schema node's identity changes when the catalogue is reloaded
        Schema schema = compiled.computeIfAbsent(procedure.code() + "@" + procedure.version() + "#"
                + System.identityHashCode(procedure.formSchema()), k -> registry.getSchema(procedure.formSchema()));
        if (compiled.size() > 10_000) {
            compiled.clear();
        }
        Map<String, FieldProblem> out = new LinkedHashMap<>();
        // numbers beyond what a form may mean (1e308, say) are refused before the schema library sees them
        outOfRange(form, new ArrayList<>(), procedure.formSchema(), locale, out);
        if (!out.isEmpty()) {
            return List.copyOf(out.values());
        }
        List<Error> errors = schema.validate(form, ctx -> ctx.executionConfig(c -> c.locale(locale)));
        for (Error e : errors) {
            List<String> path = path(e);
            String keyword = e.getKeyword() == null ? "" : e.getKeyword();
            if (keyword.equals("required") && e.getProperty() != null) {
                path = new ArrayList<>(path);
                path.add(e.getProperty());
            }
            JsonNode fieldSchema = schemaAt(procedure.formSchema(), path);
            String title = title(fieldSchema, locale, path);
            String text = switch (keyword) {
                case "required" -> msg("validation.required", locale, title);
                case "maxLength" -> msg("validation.maxLength", locale, title, arg(e, 0));
                case "minLength" -> msg("validation.minLength", locale, title, arg(e, 0));
                case "minimum" -> msg("validation.minimum", locale, title, arg(e, 0));
                case "maximum" -> msg("validation.maximum", locale, title, arg(e, 0));
                case "pattern" -> msg("validation.pattern", locale, title);
                case "type" -> msg("validation.type", locale, title);
                case "oneOf", "const", "enum" -> msg("validation.choice", locale, title);
                case "additionalProperties" -> msg("validation.unknown", locale, String.valueOf(arg(e, 0)));
                case "format" -> fieldSchema != null && "date".equals(fieldSchema.path("format").asString(""))
                        ? msg("validation.date", locale, title) : msg("validation.format", locale, title);
                default -> title + ": " + e.getMessage();
            };
            StringBuilder name = new StringBuilder("form");
            for (String part : path) {
                name.append(part.matches("\\d+") ? "[" + part + "]" : "." + part);
            }
            String field = name.toString();
            if (keyword.equals("additionalProperties")) {
                field = field + "." + arg(e, 0);
            }
            out.putIfAbsent(field, FieldProblem.localized(field, text));
        }
        // the cross-field rules (x-rules), on fields the schema found nothing wrong with
        for (FieldProblem p : FormRules.check(procedure.formSchema(), form, java.time.LocalDate.now(clock), locale,
                (key, args) -> msg(key, locale, args))) {
            out.putIfAbsent(p.field(), p);
        }
        return List.copyOf(out.values());
    }

    /** Largest magnitude of a number in a form: 10^15, integers above it lose precision in JSON clients. */
    static final double MAX_NUMBER = 1e15;

    /** No form number has more decimals than this; more is junk that only costs the validator time. */
    static final int MAX_SCALE = 100;

    /**
     * Whether a number is one a form may mean. Decimals (a page's number field is read as one) are compared as
     * decimals: 2.22e402 has no double, and asking for one throws (Jazzer, EFormFuzzTest).
     */
    static boolean withinRange(JsonNode number) {
        if (number.isBigDecimal() || number.isBigInteger()) {
            java.math.BigDecimal v = number.decimalValue();
            return v.abs().compareTo(java.math.BigDecimal.valueOf(MAX_NUMBER)) < 0 && v.scale() <= MAX_SCALE;
        }
        double d = number.asDouble();
        return !Double.isNaN(d) && !Double.isInfinite(d) && Math.abs(d) < MAX_NUMBER;
    }

    private void outOfRange(JsonNode node, List<String> path, JsonNode schema, Locale locale,
                            Map<String, FieldProblem> out) {
        if (node.isNumber()) {
            if (!withinRange(node)) {
                StringBuilder name = new StringBuilder("form");
                for (String part : path) {
                    name.append(part.matches("\\d+") ? "[" + part + "]" : "." + part);
                }
                String title = title(schemaAt(schema, path), locale, path);
                out.putIfAbsent(name.toString(), FieldProblem.localized(name.toString(),
                        msg("validation.maximum", locale, title, "999.999.999.999.999")));
            }
        } else if (node.isObject()) {
            for (var e : node.properties()) {
                path.add(e.getKey());
                outOfRange(e.getValue(), path, schema, locale, out);
                path.remove(path.size() - 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.add(String.valueOf(i));
                outOfRange(node.get(i), path, schema, locale, out);
                path.remove(path.size() - 1);
            }
        }
    }

    private static List<String> path(Error e) {
        List<String> out = new ArrayList<>();
        var p = e.getInstanceLocation();
        if (p != null) {
            for (int i = 0; i < p.getNameCount(); i++) {
                out.add(String.valueOf(p.getElement(i)));
            }
        }
        return out;
    }

    private static Object arg(Error e, int i) {
        Object[] a = e.getArguments();
        return a != null && a.length > i ? a[i] : "";
    }

    /** The sub-schema describing the value at a path (through properties and array items). */
    static JsonNode schemaAt(JsonNode schema, List<String> path) {
        JsonNode node = schema;
        for (String part : path) {
            if (node == null) {
                return null;
            }
            if (node.has("properties") && node.get("properties").has(part)) {
                node = node.get("properties").get(part);
            } else if (node.has("items")) {
                node = node.get("items");
            } else {
                return null;
            }
        }
        return node;
    }

    static String title(JsonNode fieldSchema, Locale locale, List<String> path) {
        if (fieldSchema != null) {
            if ("en".equals(locale.getLanguage()) && fieldSchema.hasNonNull("x-title-en")) {
                return fieldSchema.get("x-title-en").asString();
            }
            if (fieldSchema.hasNonNull("title")) {
                return fieldSchema.get("title").asString();
            }
        }
        return path.isEmpty() ? "form" : path.get(path.size() - 1);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
