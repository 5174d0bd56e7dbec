package vn.motcua.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.catalog.Field;
import vn.motcua.catalog.Procedure;
import vn.motcua.platform.FieldProblem;

/**
 * The cross-field rules of the civil-status eForms ({@code x-rules}), one case a row: the form's own example with
 * one value changed, the field the problem lands on and what a citizen reads (the field named, and its block, so
 * two "Ngày, tháng, năm sinh" are told apart). Today is 4 December 2026.
 */
class FormRulesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final FormValidator VALIDATOR;

    static {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/validation");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        VALIDATOR = new FormValidator(messages, Clock.fixed(Instant.parse("2026-12-04T03:00:00Z"), ZoneOffset.ofHours(7)));
    }

    static JsonNode schema(String code) throws Exception {
        try (InputStream in = FormRulesTest.class.getResourceAsStream("/catalog/forms/" + code + ".json")) {
            return JSON.readTree(in);
        }
    }

    static Procedure procedure(String code, JsonNode schema) {
        return new Procedure(code, code, null, code, null, new Field("f", "f", null), List.of(), List.of(), null, null,
                null, List.of(), List.of(), null, null, null, List.of(), schema, null, false, 0, 1);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // code, path set, value, field of the problem, message (null: no problem)
                Arguments.of("1.001193", "mother.birthDate", "2025-03-14", "form.mother.birthDate",
                        "Ngày, tháng, năm sinh (Thông tin người mẹ): phải trước ngày, tháng, năm sinh (Người được khai sinh) ít nhất 12 năm."),
                Arguments.of("1.001193", "father.birthDate", "2014-01-01", "form.father.birthDate",
                        "Ngày, tháng, năm sinh (Thông tin người cha): phải trước ngày, tháng, năm sinh (Người được khai sinh) ít nhất 12 năm."),
                Arguments.of("1.001193", "father.birthDate", "2013-03-14", "form.father.birthDate", null),
                Arguments.of("1.001193", "father.idNumber", "070196004512", "form.father.idNumber",
                        "Số định danh cá nhân (Thông tin người cha): trùng với số định danh cá nhân (Thông tin người mẹ); mỗi người có một số riêng."),
                Arguments.of("1.001193", "child.birthDate", "2026-12-05", "form.child.birthDate",
                        "Ngày, tháng, năm sinh (Người được khai sinh): không được sau ngày hôm nay."),
                Arguments.of("1.001193", "child.birthDate", "2026-12-04", "form.child.birthDate", null),
                Arguments.of("1.001193", "birthProof.issueDate", "2025-03-13", "form.birthProof.issueDate",
                        "Ngày cấp (Giấy tờ chứng minh việc sinh): không được trước ngày, tháng, năm sinh (Người được khai sinh)."),
                Arguments.of("1.001193", "birthProof.issueDate", "2025-03-14", "form.birthProof.issueDate", null),
                Arguments.of("1.004873", "intendedSpouse.identityDocument", "070197008821",
                        "form.intendedSpouse.identityDocument",
                        "Số định danh cá nhân / số hộ chiếu (Người dự định kết hôn): trùng với số định danh cá nhân (Người được xác nhận tình trạng hôn nhân); mỗi người có một số riêng."),
                Arguments.of("1.004873", "person.birthDate", "2027-01-01", "form.person.birthDate",
                        "Ngày, tháng, năm sinh (Người được xác nhận tình trạng hôn nhân): không được sau ngày hôm nay."),
                Arguments.of("1.004873", "intendedSpouse.birthDate", "2030-06-30", "form.intendedSpouse.birthDate",
                        "Ngày, tháng, năm sinh (Người dự định kết hôn): không được sau ngày hôm nay."));
    }

    @ParameterizedTest(name = "{0}: {1} = {2}")
    @MethodSource("cases")
    void aRuleNamesTheFieldAndItsBlock(String code, String path, String value, String field, String message)
            throws Exception {
        JsonNode schema = schema(code);
        ObjectNode form = (ObjectNode) schema.get("examples").get(0).deepCopy();
        set(form, path, value);
        List<FieldProblem> problems = VALIDATOR.validate(procedure(code, schema), form, VI).stream()
                .filter(p -> p.field().equals(field)).toList();
        if (message == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).extracting(FieldProblem::message).containsExactly(message);
        }
    }

    /** A child born today: the birth certificate cannot have been issued before. */
    @org.junit.jupiter.api.Test
    void aChildBornTodayIsNotInTheFutureButItsCertificateIsOlder() throws Exception {
        JsonNode schema = schema("1.001193");
        ObjectNode form = (ObjectNode) schema.get("examples").get(0).deepCopy();
        set(form, "child.birthDate", "2026-12-04");
        assertThat(VALIDATOR.validate(procedure("1.001193", schema), form, VI)).extracting(FieldProblem::field)
                .containsExactly("form.birthProof.issueDate");
    }

    /** A past residence period (1.004873, scope PAST_PERIOD): the end after the start, not in the future. */
    static Stream<Arguments> periods() {
        return Stream.of(
                Arguments.of("2015-01-01", "2018-06-30", null, null),
                Arguments.of("2018-06-30", "2018-06-30", "form.residencePeriod.toDate",
                        "Đến ngày (Thời gian cư trú cần xác nhận): phải sau từ ngày (Thời gian cư trú cần xác nhận)."),
                Arguments.of("2019-01-01", "2018-06-30", "form.residencePeriod.toDate",
                        "Đến ngày (Thời gian cư trú cần xác nhận): phải sau từ ngày (Thời gian cư trú cần xác nhận)."),
                Arguments.of("1990-01-01", "2018-06-30", "form.residencePeriod.fromDate",
                        "Từ ngày (Thời gian cư trú cần xác nhận): không được trước ngày, tháng, năm sinh (Người được xác nhận tình trạng hôn nhân)."),
                Arguments.of("2015-01-01", "2027-01-01", "form.residencePeriod.toDate",
                        "Đến ngày (Thời gian cư trú cần xác nhận): không được sau ngày hôm nay."));
    }

    @ParameterizedTest(name = "from {0} to {1}")
    @MethodSource("periods")
    void aPastPeriodEndsAfterItStarts(String from, String to, String field, String message) throws Exception {
        JsonNode schema = schema("1.004873");
        ObjectNode form = (ObjectNode) schema.get("examples").get(0).deepCopy();
        form.put("scope", "PAST_PERIOD");
        ObjectNode period = form.putObject("residencePeriod");
        period.put("place", "Ấp 3, xã Tiến Hưng, thành phố Đồng Xoài, tỉnh Bình Phước");
        period.put("fromDate", from);
        period.put("toDate", to);
        List<FieldProblem> problems = VALIDATOR.validate(procedure("1.004873", schema), form, VI);
        if (message == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).extracting(FieldProblem::field, FieldProblem::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(field, message));
        }
    }

    /** requiredWith and a rule through a list, row by row, on a small schema; English words too. */
    static Stream<Arguments> synthetic() {
        return Stream.of(
                Arguments.of("{\"number\":\"12/QĐ\"}", "form.court", "Tòa án: bắt buộc khi đã khai số quyết định.",
                        "Court: required when decision number is filled in."),
                Arguments.of("{\"number\":\"12/QĐ\",\"court\":\"TAND\"}", null, null, null),
                Arguments.of("{\"court\":\"TAND\"}", null, null, null),
                Arguments.of("{\"periods\":[{\"from\":\"2020-01-01\",\"to\":\"2021-01-01\"},{\"from\":\"2022-01-01\",\"to\":\"2021-01-01\"}]}",
                        "form.periods[1].to", "Đến (Giai đoạn): phải sau từ (Giai đoạn).",
                        "To (Period): must be later than from (Period)."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("synthetic")
    void requiredWithAndRowsOfAList(String json, String field, String vi, String en) throws Exception {
        JsonNode schema = JSON.readTree("""
                {"type": "object", "title": "T", "properties": {
                  "number": {"type": "string", "title": "Số quyết định", "x-title-en": "Decision number", "maxLength": 20},
                  "court": {"type": "string", "title": "Tòa án", "x-title-en": "Court", "maxLength": 100},
                  "periods": {"type": "array", "title": "Giai đoạn", "x-title-en": "Period", "maxItems": 5, "items": {
                    "type": "object", "properties": {
                      "from": {"type": "string", "format": "date", "title": "Từ", "x-title-en": "From", "maxLength": 10},
                      "to": {"type": "string", "format": "date", "title": "Đến", "x-title-en": "To", "maxLength": 10}}}}},
                 "x-rules": [{"rule": "requiredWith", "field": "court", "other": "number"},
                             {"rule": "after", "field": "periods[].to", "other": "periods[].from"}]}""");
        JsonNode form = JSON.readTree(json);
        var vis = VALIDATOR.validate(procedure("x", schema), form, VI);
        var ens = VALIDATOR.validate(procedure("x", schema), form, Locale.ENGLISH);
        if (field == null) {
            assertThat(vis).isEmpty();
        } else {
            assertThat(vis).extracting(FieldProblem::field).containsExactly(field);
            assertThat(vis.getFirst().message()).isEqualTo(vi);
            assertThat(ens.getFirst().message()).isEqualTo(en);
        }
    }

    /** Every form's own example keeps its rules (else no one could copy it). */
    @ParameterizedTest
    @MethodSource("formsWithRules")
    void everyExampleKeepsItsFormsRules(String code) throws Exception {
        JsonNode schema = schema(code);
        assertThat(VALIDATOR.validate(procedure(code, schema), schema.get("examples").get(0), VI)).isEmpty();
    }

    static Stream<String> formsWithRules() throws Exception {
        Path dir = Path.of(FormRulesTest.class.getResource("/catalog/forms").toURI());
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString().replace(".json", ""))
                    .filter(c -> {
                        try {
                            return schema(c).has("x-rules");
                        } catch (Exception e) {
                            return false;
                        }
                    }).sorted().toList().stream();
        }
    }

    /** Jazzer (EFormFuzzTest): a list where the father's number belongs threw inside the "one person, one number" rule. */
    @org.junit.jupiter.api.Test
    void aListWhereANumberBelongsIsTheSchemasProblemNotAnError() throws Exception {
        JsonNode schema = schema("1.001193");
        ObjectNode form = (ObjectNode) schema.get("examples").get(0).deepCopy();
        ((ObjectNode) form.get("father")).putArray("idNumber").add("070196004512");
        List<FieldProblem> problems = VALIDATOR.validate(procedure("1.001193", schema), form, VI);
        assertThat(problems).extracting(FieldProblem::field).contains("form.father.idNumber");
    }

    private static void set(ObjectNode form, String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode node = form;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (ObjectNode) node.get(parts[i]);
        }
        node.put(parts[parts.length - 1], value);
    }
}
