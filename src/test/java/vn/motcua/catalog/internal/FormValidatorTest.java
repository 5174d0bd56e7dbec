package vn.motcua.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.catalog.Field;
import vn.motcua.catalog.Procedure;
import vn.motcua.platform.FieldProblem;

class FormValidatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FormValidator validator;

    FormValidatorTest() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/validation");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        validator = new FormValidator(messages, java.time.Clock.fixed(java.time.Instant.parse("2026-12-04T03:00:00Z"),
                java.time.ZoneOffset.ofHours(7)));
    }

    static JsonNode schema(String code) throws Exception {
        try (InputStream in = FormValidatorTest.class.getResourceAsStream("/catalog/forms/" + code + ".json")) {
            return JSON.readTree(in);
        }
    }

    static Procedure procedure(JsonNode schema) {
        return new Procedure("2.000815", "2.000815", null, "Chứng thực", null, new Field("chung-thuc", "Chứng thực", null),
                List.of(), List.of(), null, null, null, List.of(), List.of(), null, null, null, List.of(), schema, null,
                false, 0, 1);
    }

    @Test
    void problemsNameTheFieldAsThePageNamesItAndUseItsTitle() throws Exception {
        JsonNode schema = schema("2.000815");
        ObjectNode form = (ObjectNode) schema.get("examples").get(0).deepCopy();
        ((ObjectNode) form.get("documents").get(0)).put("pageCount", "mười");
        List<FieldProblem> problems = validator.validate(procedure(schema), form, Locale.forLanguageTag("vi"));
        assertThat(problems).extracting(FieldProblem::field).contains("form.documents[0].pageCount");
        assertThat(problems.get(0).message()).doesNotContain("form.documents").matches("^[^:]+: .+");
    }

    @Test
    void anEmptyFormListsEveryRequiredFieldInVietnameseOrEnglish() throws Exception {
        JsonNode schema = schema("2.000815");
        var vi = validator.validate(procedure(schema), JSON.createObjectNode(), Locale.forLanguageTag("vi"));
        assertThat(vi).isNotEmpty().allSatisfy(p -> assertThat(p.message()).contains("chưa nhập"));
        var en = validator.validate(procedure(schema), JSON.createObjectNode(), Locale.ENGLISH);
        assertThat(en).allSatisfy(p -> assertThat(p.message()).contains("missing"));
    }

    @Test
    void aNumberBeyondEveryDoubleFromAPageIsAProblemOnItsFieldNotAnError() {
        // Jazzer (EFormFuzzTest) found it: a page's number field is read as a decimal, 2.22e402 has no double
        ObjectNode schema = (ObjectNode) JSON.readTree("""
                {"type":"object","properties":{"area":{"type":"number","title":"Diện tích"}},
                 "examples":[{"area":12.5}]}""");
        ObjectNode form = vn.motcua.catalog.EForm.parse(schema, java.util.Map.of("form.area", new String[] {"2,22e402"}), JSON);
        assertThat(form.get("area").isBigDecimal()).isTrue();
        List<FieldProblem> problems = validator.validate(procedure(schema), form, Locale.forLanguageTag("vi"));
        assertThat(problems).extracting(FieldProblem::field).containsExactly("form.area");
        ObjectNode tiny = vn.motcua.catalog.EForm.parse(schema, java.util.Map.of("form.area", new String[] {"1e-999999"}), JSON);
        assertThat(validator.validate(procedure(schema), tiny, Locale.forLanguageTag("vi")))
                .extracting(FieldProblem::field).containsExactly("form.area");
        ObjectNode fine = vn.motcua.catalog.EForm.parse(schema, java.util.Map.of("form.area", new String[] {"12,5"}), JSON);
        assertThat(validator.validate(procedure(schema), fine, Locale.forLanguageTag("vi"))).isEmpty();
    }
}
