package vn.motcua.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.catalog.EForm;
import vn.motcua.catalog.Field;
import vn.motcua.catalog.Procedure;
import vn.motcua.platform.FieldProblem;

/**
 * Issue 17, coverage-guided: the eForms of the real procedures (catalog/forms) take whatever a citizen's phone or a
 * client sends. Starting from each form's valid example, the fuzzer changes values anywhere in the tree (wrong types,
 * huge or odd numbers, control characters, dates that do not exist, nested junk, removed keys); validation answers
 * with problems naming a field of the form, or none, and never throws (a throw is a 500 at intake). The page form
 * without JavaScript ({@link EForm#parse}) is fuzzed the same way from its parameters.
 */
@Tag("jazzer")
class EFormFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> FORMS = List.of("1.004873", "1.001193", "1.000656", "1.000894", "1.001612",
            "1.004194", "1.004222", "2.000815", "2.000815-DT", "2.002621", "_generic");
    private static final List<JsonNode> SCHEMAS = new ArrayList<>();
    private static final FormValidator VALIDATOR;

    static {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/validation");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        VALIDATOR = new FormValidator(messages, Clock.fixed(Instant.parse("2026-12-04T03:00:00Z"), ZoneOffset.ofHours(7)));
        for (String code : FORMS) {
            try (InputStream in = EFormFuzzTest.class.getResourceAsStream("/catalog/forms/" + code + ".json")) {
                SCHEMAS.add(JSON.readTree(in));
            } catch (Exception e) {
                throw new IllegalStateException(code, e);
            }
        }
    }

    private static Procedure procedure(JsonNode schema) {
        return new Procedure("x", "x", null, "x", null, new Field("f", "f", null), List.of(), List.of(), null, null,
                null, List.of(), List.of(), null, null, null, List.of(), schema, null, false, 0, 1);
    }

    @FuzzTest(maxExecutions = 200_000, maxDuration = "120s")
    void validationNamesFieldsAndNeverThrows(FuzzedDataProvider data) {
        JsonNode schema = data.pickValue(SCHEMAS);
        JsonNode form = schema.get("examples").get(0).deepCopy();
        int changes = data.consumeInt(1, 6);
        for (int i = 0; i < changes && data.remainingBytes() > 0; i++) {
            form = mutate(form, data, 0);
        }
        Locale locale = data.consumeBoolean() ? Locale.forLanguageTag("vi") : Locale.ENGLISH;
        List<FieldProblem> problems = VALIDATOR.validate(procedure(schema), form, locale);
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.field()).startsWith("form");
            assertThat(p.message()).isNotBlank();
        });
        if (data.remainingBytes() > 0) {
            pageParametersBecomeAFormOrProblems(data.pickValue(SCHEMAS), data);
        }
    }

    /** The page form without JavaScript: any parameters become a form the validator judges. */
    private static void pageParametersBecomeAFormOrProblems(JsonNode schema, FuzzedDataProvider data) {
        Map<String, String[]> params = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        collectNames(schema, "form", names);
        int n = data.consumeInt(0, 12);
        for (int i = 0; i < n && data.remainingBytes() > 0; i++) {
            String name = data.consumeBoolean() && !names.isEmpty() ? data.pickValue(names) : "form." + data.consumeString(24);
            params.put(name, new String[] {data.consumeString(40)});
        }
        ObjectNode form = EForm.parse(schema, params, JSON);
        assertThat(VALIDATOR.validate(procedure(schema), form, Locale.forLanguageTag("vi")))
                .allSatisfy(p -> assertThat(p.field()).startsWith("form"));
    }

    private static void collectNames(JsonNode schema, String prefix, List<String> out) {
        for (var e : schema.path("properties").properties()) {
            String name = prefix + "." + e.getKey();
            JsonNode p = e.getValue();
            switch (p.path("type").asString("string")) {
                case "object" -> collectNames(p, name, out);
                case "array" -> collectNames(p.path("items"), name + "[0]", out);
                default -> out.add(name);
            }
        }
    }

    /** The tree with one value somewhere replaced, removed or added. */
    private static JsonNode mutate(JsonNode node, FuzzedDataProvider data, int depth) {
        if ((node instanceof ObjectNode o) && !o.isEmpty() && depth < 6 && data.consumeBoolean()) {
            List<String> keys = new ArrayList<>(o.propertyNames());
            String key = data.pickValue(keys);
            int what = data.consumeInt(0, 3);
            if (what == 0) {
                o.remove(key);
            } else if (what == 1) {
                o.set(data.consumeString(16), junk(data, depth));
            } else {
                o.set(key, mutate(o.get(key), data, depth + 1));
            }
            return o;
        }
        if ((node instanceof ArrayNode a) && !a.isEmpty() && depth < 6 && data.consumeBoolean()) {
            int i = data.consumeInt(0, a.size() - 1);
            a.set(i, mutate(a.get(i), data, depth + 1));
            return a;
        }
        return junk(data, depth);
    }

    private static JsonNode junk(FuzzedDataProvider data, int depth) {
        return switch (data.consumeInt(0, 9)) {
            case 0 -> JSON.getNodeFactory().nullNode();
            case 1 -> JSON.getNodeFactory().booleanNode(data.consumeBoolean());
            case 2 -> JSON.getNodeFactory().numberNode(data.consumeLong());
            case 3 -> JSON.getNodeFactory().numberNode(data.consumeRegularDouble());
            case 4 -> JSON.getNodeFactory().numberNode(new java.math.BigDecimal(
                    java.math.BigInteger.valueOf(data.consumeLong()), data.consumeInt(-400, 400)));
            case 5 -> {
                ArrayNode a = JSON.createArrayNode();
                int n = depth < 5 ? data.consumeInt(0, 3) : 0;
                for (int i = 0; i < n; i++) {
                    a.add(junk(data, depth + 1));
                }
                yield a;
            }
            case 6 -> {
                ObjectNode o = JSON.createObjectNode();
                int n = depth < 5 ? data.consumeInt(0, 3) : 0;
                for (int i = 0; i < n; i++) {
                    o.set(data.consumeString(12), junk(data, depth + 1));
                }
                yield o;
            }
            case 7 -> JSON.getNodeFactory().textNode(data.consumeInt(1900, 2100) + "-" + data.consumeInt(0, 13) + "-"
                    + data.consumeInt(0, 32));
            default -> JSON.getNodeFactory().textNode(data.consumeString(80));
        };
    }
}
