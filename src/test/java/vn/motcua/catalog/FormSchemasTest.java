package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The eForms in {@code catalog/forms/*.json}: valid JSON Schema 2020-12, inside the subset the renderer supports,
 * with a valid {@code examples[0]}, and enforced by the networknt validator with Vietnamese messages.
 *
 * <p>Validator set-up (the production validator should use the same): {@link SchemaRegistry#withDefaultDialect}
 * with the draft 2020-12 dialect ({@link Dialects#getDraft202012()} extended with {@code x-title-en} and
 * {@code x-description-en} as {@link AnnotationKeyword}s) and a {@link SchemaRegistryConfig} with
 * {@code formatAssertionsEnabled(true)} (2020-12 treats {@code format} as an annotation by default, so without it
 * "14/03/2025" passes as a date) and {@code locale(vi)}; {@code Schema.validate(node, ctx ->
 * ctx.executionConfig(c -> c.locale(...)))} picks the language per request.
 */
class FormSchemasTest {

    static final String FORMS_DIR = "catalog/forms";
    static final String GENERIC = "_generic";
    static final String DIALECT = SpecificationVersion.DRAFT_2020_12.getDialectId();
    static final Locale VI = Locale.forLanguageTag("vi");
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** The procedures issue 2 asks real forms for. */
    static final Set<String> REQUIRED_REAL_FORMS =
            Set.of("1.001193", "1.000656", "1.000894", "1.004873", "2.000815", "1.004194", "1.001612");

    /** Local codes of the sample procedures that have no confirmed national code (candidate codes from code_note). */
    static final Map<String, String> NO_CODE_LOCAL = Map.of(
            "nocode-issuance-of-judicial-record-certificate-criminal-record-to-v", "3.000333",
            "nocode-exchange-of-driving-licence-issued-by-the-transport-sector", "3.000347",
            "nocode-unemployment-benefit-claim", "1.014748");

    /** Local-code suffix of a service variant ({@code 2.000815#electronic} → {@code 2.000815-DT}). */
    static final Map<String, String> VARIANT_SUFFIX = Map.of("electronic", "DT");

    /** Draft 2020-12 plus the English titles as annotation keywords (otherwise networknt logs "Unknown keyword"). */
    static final Dialect FORM_DIALECT = Dialect.builder(Dialects.getDraft202012())
            .keyword(new AnnotationKeyword("x-title-en"))
            .keyword(new AnnotationKeyword("x-description-en"))
            .keyword(new AnnotationKeyword("x-rules"))
            .build();

    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(FORM_DIALECT,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .locale(VI)
                    .build()));
    static final Schema META_SCHEMA = REGISTRY.getSchema(SchemaLocation.of(DIALECT));

    static final Pattern VIETNAMESE_LETTER = Pattern.compile(
            "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    static final Pattern CAMEL_CASE = Pattern.compile("^[a-z][a-zA-Z0-9]*$");

    record Form(String code, JsonNode node, Schema schema) {
        @Override
        public String toString() {
            return code;
        }

        JsonNode example() {
            return node.path("examples").path(0);
        }

        List<Error> validate(JsonNode instance) {
            return schema.validate(instance, ctx -> ctx.executionConfig(c -> c.locale(VI).formatAssertionsEnabled(true)));
        }
    }

    // ------------------------------------------------------------------ loading

    static Path formsDir() {
        try {
            var url = Objects.requireNonNull(FormSchemasTest.class.getClassLoader().getResource(FORMS_DIR),
                    FORMS_DIR + " is not on the classpath");
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Form> loadForms() {
        try (Stream<Path> files = Files.list(formsDir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().map(p -> {
                String name = p.getFileName().toString();
                JsonNode node = MAPPER.readTree(p.toFile());
                return new Form(name.substring(0, name.length() - ".json".length()), node, REGISTRY.getSchema(node));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Form> forms() {
        return loadForms().stream();
    }

    static Form form(String code) {
        return loadForms().stream().filter(f -> f.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no form " + code));
    }

    // ------------------------------------------------------------------ schema-level checks

    @Test
    void theFormsDirectoryHoldsTheRequiredFormsAndTheGenericOne() {
        Set<String> codes = new HashSet<>(loadForms().stream().map(Form::code).toList());
        assertThat(codes).containsAll(REQUIRED_REAL_FORMS).contains(GENERIC);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void isAValidDraft2020_12Schema(Form form) {
        assertThat(form.node().path("$schema").asString("")).isEqualTo(DIALECT);
        List<Error> errors = META_SCHEMA.validate(form.node());
        assertThat(errors).as("meta-schema errors in %s", form).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void staysInsideTheRendererSubset(Form form) {
        List<String> problems = SubsetChecker.check(form.node());
        assertThat(problems).as("subset problems in %s", form).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everyExampleIsValid(Form form) {
        ArrayNode examples = (ArrayNode) form.node().get("examples");
        assertThat(examples).as("examples of %s", form).isNotEmpty();
        for (int i = 0; i < examples.size(); i++) {
            assertThat(form.validate(examples.get(i))).as("%s examples[%d]", form, i).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void personalIdNumbersInExamplesMatchTheBirthDates(Form form) {
        for (JsonNode example : form.node().get("examples")) {
            eachObject(example, "", (path, object) -> {
                JsonNode id = object.get("idNumber");
                if (id == null || !id.isString()) {
                    return;
                }
                String number = id.asString();
                assertThat(number).as("%s %s/idNumber", form, path).matches("070\\d{9}");
                JsonNode birth = object.get("birthDate");
                if (birth == null) {
                    return;
                }
                int year = LocalDate.parse(birth.asString()).getYear();
                int centurySex = number.charAt(3) - '0';
                assertThat(centurySex / 2).as("%s %s: century digit", form, path).isEqualTo((year - 1900) / 100);
                assertThat(number.substring(4, 6)).as("%s %s: year digits", form, path)
                        .isEqualTo(String.format("%02d", year % 100));
                JsonNode gender = object.get("gender");
                if (gender != null) {
                    assertThat(centurySex % 2 == 1).as("%s %s: sex digit", form, path)
                            .isEqualTo(gender.asString().equals("FEMALE"));
                }
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void datesInExamplesAreInThePast(Form form) {
        for (JsonNode example : form.node().get("examples")) {
            List<String> dates = new ArrayList<>();
            collectLeaves(form.node(), example, "", (schema, value) -> schema.has("format")
                    && schema.get("format").asString().equals("date"), dates);
            for (String path : dates) {
                assertThat(LocalDate.parse(example.at(path).asString())).as("%s %s", form, path)
                        .isBefore(LocalDate.now());
            }
        }
    }

    // ------------------------------------------------------------------ negative cases

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void anEmptyFormNamesEveryRequiredField(Form form) {
        List<Error> errors = form.validate(MAPPER.createObjectNode());
        print(form, "{}", errors);
        Set<String> required = new HashSet<>(strings(form.node().get("required")));
        assertThat(required).isNotEmpty();
        assertThat(errors).allSatisfy(e -> assertThat(e.getKeyword()).isEqualTo("required"));
        assertThat(errors.stream().map(Error::getProperty).toList()).containsExactlyInAnyOrderElementsOf(required);
        assertVietnamese(errors);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everyConditionalIsEnforced(Form form) {
        List<Conditional> conditionals = Conditional.collect(form.node());
        assertThat(conditionals).as("%s has cases (if/then)", form).isNotEmpty();
        JsonNode example = form.example();
        for (Conditional c : conditionals) {
            assertThat(example.at(c.owner()).isObject())
                    .as("%s: examples[0] must contain %s to exercise its cases", form, c.owner()).isTrue();
            for (String field : c.thenRequired()) {
                // case switched on, conditional field removed: invalid, the error names the field
                ObjectNode on = (ObjectNode) example.deepCopy();
                ObjectNode owner = (ObjectNode) on.at(c.owner());
                owner.set(c.property(), c.value());
                owner.remove(field);
                List<Error> errors = form.validate(on);
                print(form, c + " without " + field, errors);
                assertThat(errors).as("%s: %s without %s", form, c, field)
                        .anySatisfy(e -> assertRequired(e, c.owner(), field));
                assertVietnamese(errors);

                // another case: the same field may be left out
                JsonNode other = c.valueNotRequiring(field, conditionals);
                if (other != null) {
                    ObjectNode off = (ObjectNode) example.deepCopy();
                    ObjectNode offOwner = (ObjectNode) off.at(c.owner());
                    offOwner.set(c.property(), other);
                    offOwner.remove(field);
                    assertThat(form.validate(off)).as("%s: %s=%s without %s", form, c.property(), other, field)
                            .noneSatisfy(e -> assertRequired(e, c.owner(), field));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void aWrongDateIsRejected(Form form) {
        List<String> dates = leaves(form, (schema, value) -> "date".equals(schema.path("format").asString(null)));
        if (dates.isEmpty()) {
            assertThat(form.code()).as("only the generic form has no date in examples[0]").isEqualTo(GENERIC);
            return;
        }
        for (String path : dates) {
            for (String wrong : List.of("14/03/2025", "2025-02-30")) {
                ObjectNode instance = withLeaf(form.example(), path, MAPPER.getNodeFactory().stringNode(wrong));
                List<Error> errors = form.validate(instance);
                print(form, path + " = " + wrong, errors);
                assertThat(errors).as("%s %s=%s", form, path, wrong).hasSize(1)
                        .allSatisfy(e -> {
                            assertThat(e.getKeyword()).isEqualTo("format");
                            assertThat(e.getInstanceLocation().toString()).isEqualTo(path);
                        });
                assertVietnamese(errors);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void anOverLongStringIsRejected(Form form) {
        List<String> texts = leaves(form, (schema, value) -> "string".equals(schema.path("type").asString(null))
                && !schema.has("oneOf") && !schema.has("pattern") && !schema.has("format"));
        assertThat(texts).as("%s free-text fields in examples[0]", form).isNotEmpty();
        for (String path : texts) {
            int max = schemaAt(form.node(), path).get("maxLength").asInt();
            ObjectNode instance = withLeaf(form.example(), path, MAPPER.getNodeFactory().stringNode("ạ".repeat(max + 1)));
            List<Error> errors = form.validate(instance);
            if (path.equals(texts.getFirst())) {
                print(form, path + " with " + (max + 1) + " characters", errors);
            }
            assertThat(errors).as("%s %s too long", form, path).hasSize(1).allSatisfy(e -> {
                assertThat(e.getKeyword()).isEqualTo("maxLength");
                assertThat(e.getInstanceLocation().toString()).isEqualTo(path);
            });
            assertVietnamese(errors);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void patternsAndChoicesAreEnforced(Form form) {
        List<String> patterned = leaves(form, (schema, value) -> schema.has("pattern"));
        for (String path : patterned) {
            ObjectNode instance = withLeaf(form.example(), path, MAPPER.getNodeFactory().stringNode("07O-12 34"));
            List<Error> errors = form.validate(instance);
            print(form, path + " = 07O-12 34", errors);
            assertThat(errors).as("%s %s", form, path).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.getInstanceLocation().toString()).isEqualTo(path));
            assertVietnamese(errors);
        }
        List<String> choices = leaves(form, (schema, value) -> schema.has("oneOf"));
        assertThat(choices).as("%s choices in examples[0]", form).isNotEmpty();
        for (String path : choices) {
            ObjectNode instance = withLeaf(form.example(), path, MAPPER.getNodeFactory().stringNode("KHONG_CO"));
            List<Error> errors = form.validate(instance);
            assertThat(errors).as("%s %s", form, path).isNotEmpty()
                    .anySatisfy(e -> assertThat(e.getKeyword()).isEqualTo("oneOf"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void anUnknownFieldIsRejected(Form form) {
        ObjectNode instance = (ObjectNode) form.example().deepCopy();
        instance.put("ghiChuThem", "x");
        List<Error> errors = form.validate(instance);
        print(form, "unknown field", errors);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getKeyword()).isEqualTo("additionalProperties");
            assertThat(e.getProperty()).isEqualTo("ghiChuThem");
        });
        assertVietnamese(errors);
    }

    // ------------------------------------------------------------------ readable cases of the real forms

    @Test
    void khaiSinhFatherSectionIsOptionalOnlyWhenTheFatherIsUnknown() {
        Form form = form("1.001193");
        ObjectNode instance = (ObjectNode) form.example().deepCopy();
        instance.put("fatherStatus", "UNKNOWN");
        instance.remove("father");
        instance.remove("parentsMarriage");
        assertThat(form.validate(instance)).isEmpty();

        instance.put("fatherStatus", "MARRIED_PARENTS");
        List<Error> errors = form.validate(instance);
        assertThat(errors.stream().map(Error::getMessage).toList()).containsExactlyInAnyOrder(
                "không tìm thấy thuộc tính bắt buộc 'father'",
                "không tìm thấy thuộc tính bắt buộc 'parentsMarriage'");
    }

    @Test
    void ketHonADivorcedPartyNeedsTheDivorceDecision() {
        Form form = form("1.000894");
        ObjectNode instance = (ObjectNode) form.example().deepCopy();
        ((ObjectNode) instance.get("bride")).put("maritalHistory", "DIVORCED");
        List<Error> errors = form.validate(instance);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getInstanceLocation().toString()).isEqualTo("/bride");
            assertThat(e.getMessage()).isEqualTo("không tìm thấy thuộc tính bắt buộc 'divorceDecision'");
        });
    }

    @Test
    void tamTruInSomeoneElsesHomeNeedsTheOwnersConsent() {
        Form form = form("1.004194");
        ObjectNode instance = (ObjectNode) form.example().deepCopy();
        ((ObjectNode) instance.get("owner")).remove("consent");
        assertThat(form.validate(instance)).singleElement()
                .satisfies(e -> assertRequired(e, "/owner", "consent"));
        ((ObjectNode) instance.get("owner")).put("consent", "NO");
        assertThat(form.validate(instance)).isNotEmpty();
        instance.remove("owner");
        assertThat(form.validate(instance)).singleElement().satisfies(e -> assertRequired(e, "", "owner"));
        instance.put("accommodationRight", "OWNER");
        assertThat(form.validate(instance)).isEmpty();
    }

    @Test
    void hoKinhDoanhOnRentedPremisesNeedsTheLease() {
        Form form = form("1.001612");
        ObjectNode instance = (ObjectNode) form.example().deepCopy();
        instance.remove("lease");
        assertThat(form.validate(instance)).singleElement().satisfies(e -> assertRequired(e, "", "lease"));
        instance.put("premisesRight", "OWNED");
        assertThat(form.validate(instance)).isEmpty();
        instance.put("businessName", "Quán cà phê Kim Loan");
        assertThat(form.validate(instance)).singleElement()
                .satisfies(e -> assertThat(e.getKeyword()).isEqualTo("pattern"));
    }

    @Test
    void messagesFollowTheRequestedLanguage() {
        Form form = form("1.001193");
        List<Error> english = form.schema().validate(MAPPER.createObjectNode(),
                ctx -> ctx.executionConfig(c -> c.locale(Locale.ENGLISH)));
        assertThat(english).extracting(Error::getMessage).contains("required property 'child' not found");
        assertThat(form.validate(MAPPER.createObjectNode())).extracting(Error::getMessage)
                .contains("không tìm thấy thuộc tính bắt buộc 'child'");
    }

    // ------------------------------------------------------------------ procedure → form mapping

    @Test
    void everySampleProcedureMapsToAForm() throws IOException {
        JsonNode procedures;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo-data/procedures-sample.json")) {
            procedures = MAPPER.readTree(Objects.requireNonNull(in)).get("procedures");
        }
        Set<String> files = new HashSet<>(loadForms().stream().map(Form::code).toList());
        Map<String, String> mapping = new LinkedHashMap<>();
        for (JsonNode p : procedures) {
            String local = localCode(p);
            assertThat(mapping).as("local code %s is unique", local).doesNotContainKey(local);
            mapping.put(local, files.contains(local) ? local + ".json" : GENERIC + ".json");
        }
        mapping.forEach((code, file) -> System.out.printf("[mapping] %-12s -> %s%n", code, file));
        assertThat(mapping).hasSize(38).containsKeys("2.000815-DT", "3.000333", "3.000347", "1.014748");
        REQUIRED_REAL_FORMS.forEach(code -> assertThat(mapping).containsEntry(code, code + ".json"));
        assertThat(files).contains(GENERIC);
        files.stream().filter(f -> !f.equals(GENERIC))
                .forEach(f -> assertThat(mapping).as("form %s belongs to a sample procedure", f).containsKey(f));
    }

    static String localCode(JsonNode procedure) {
        String id = procedure.get("id").asString();
        JsonNode code = procedure.get("code");
        if (code == null || code.isNull()) {
            String local = NO_CODE_LOCAL.get(id);
            if (local == null) {
                fail("no local code for procedure without a national code: " + id);
            }
            return local;
        }
        int hash = id.indexOf('#');
        if (hash < 0) {
            return code.asString();
        }
        String suffix = VARIANT_SUFFIX.get(id.substring(hash + 1));
        if (suffix == null) {
            fail("no local-code suffix for variant " + id);
        }
        return code.asString() + "-" + suffix;
    }

    // ------------------------------------------------------------------ helpers

    static void assertRequired(Error e, String owner, String field) {
        assertThat(e.getKeyword()).isEqualTo("required");
        assertThat(e.getInstanceLocation().toString()).isEqualTo(owner);
        assertThat(e.getProperty()).isEqualTo(field);
    }

    static void assertVietnamese(List<Error> errors) {
        assertThat(errors).allSatisfy(e -> assertThat(VIETNAMESE_LETTER.matcher(e.getMessage()).find())
                .as("Vietnamese message: %s", e.getMessage()).isTrue());
    }

    static void print(Form form, String change, List<Error> errors) {
        for (Error e : errors) {
            String at = e.getInstanceLocation().toString();
            System.out.printf("[%s] %s → %s %s: %s%n", form, change, at.isEmpty() ? "/" : at, e.getKeyword(),
                    e.getMessage());
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asString()));
        }
        return out;
    }

    /** Calls {@code visit} for every object in an instance, with its JSON pointer. */
    static void eachObject(JsonNode node, String path, BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            visit.accept(path, node);
            node.properties().forEach(e -> eachObject(e.getValue(), path + "/" + e.getKey(), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                eachObject(node.get(i), path + "/" + i, visit);
            }
        }
    }

    /** JSON pointers of the scalar values of examples[0] whose property schema matches. */
    static List<String> leaves(Form form, FieldTest test) {
        List<String> out = new ArrayList<>();
        collectLeaves(form.node(), form.example(), "", test, out);
        return out;
    }

    @FunctionalInterface
    interface FieldTest {
        boolean test(JsonNode schema, JsonNode value);
    }

    static void collectLeaves(JsonNode schema, JsonNode value, String path, FieldTest test, List<String> out) {
        if (value == null || value.isMissingNode()) {
            return;
        }
        String type = schema.path("type").asString("");
        if (type.equals("object")) {
            schema.path("properties").properties()
                    .forEach(e -> collectLeaves(e.getValue(), value.get(e.getKey()), path + "/" + e.getKey(), test, out));
        } else if (type.equals("array")) {
            for (int i = 0; i < value.size(); i++) {
                collectLeaves(schema.get("items"), value.get(i), path + "/" + i, test, out);
            }
        } else if (test.test(schema, value)) {
            out.add(path);
        }
    }

    /** The property schema for an instance pointer (array indexes go through {@code items}). */
    static JsonNode schemaAt(JsonNode schema, String pointer) {
        JsonNode current = schema;
        for (String token : pointer.substring(1).split("/")) {
            current = current.path("type").asString("").equals("array")
                    ? current.get("items")
                    : current.path("properties").get(token);
        }
        return current;
    }

    static ObjectNode withLeaf(JsonNode example, String pointer, JsonNode value) {
        ObjectNode copy = (ObjectNode) example.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            throw new IllegalArgumentException(pointer);
        }
        return copy;
    }

    /** One {@code if/then} case: at the object {@code owner}, {@code property == value} makes {@code thenRequired} required. */
    record Conditional(String owner, JsonNode ownerSchema, String property, JsonNode value, List<String> thenRequired) {

        static List<Conditional> collect(JsonNode schema) {
            List<Conditional> out = new ArrayList<>();
            collect(schema, "", out);
            return out;
        }

        private static void collect(JsonNode schema, String path, List<Conditional> out) {
            String type = schema.path("type").asString("");
            if (type.equals("array")) {
                collect(schema.get("items"), path + "/0", out);
                return;
            }
            if (!type.equals("object")) {
                return;
            }
            for (JsonNode rule : schema.path("allOf")) {
                var entry = rule.path("if").path("properties").properties().iterator().next();
                out.add(new Conditional(path, schema, entry.getKey(), entry.getValue().get("const"),
                        strings(rule.path("then").get("required"))));
            }
            schema.path("properties").properties().forEach(e -> collect(e.getValue(), path + "/" + e.getKey(), out));
        }

        /** Another choice of the switch under which no case of the same object requires {@code field}, or null. */
        JsonNode valueNotRequiring(String field, List<Conditional> all) {
            if (strings(ownerSchema.get("required")).contains(field)) {
                return null;
            }
            for (JsonNode option : ownerSchema.path("properties").path(property).path("oneOf")) {
                JsonNode candidate = option.get("const");
                boolean required = all.stream().anyMatch(c -> c.owner.equals(owner) && c.property.equals(property)
                        && c.value.equals(candidate) && c.thenRequired.contains(field));
                if (!required) {
                    return candidate;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return (owner.isEmpty() ? "" : owner) + "/" + property + "=" + value.asString();
        }
    }

    /**
     * Structural checker for the subset the platform's form renderer and validator support (docs/FORMS.md).
     * Collects every problem with its schema path.
     */
    static final class SubsetChecker {
        static final Set<String> META = Set.of("title", "x-title-en", "description", "x-description-en");
        static final Set<String> ROOT_ONLY = Set.of("$schema", "examples", "x-rules");
        static final Set<String> OBJECT_KEYS = union(META, Set.of("type", "additionalProperties", "required", "properties", "allOf"));
        static final Set<String> STRING_KEYS = union(META, Set.of("type", "format", "minLength", "maxLength", "pattern", "oneOf"));
        static final Set<String> NUMBER_KEYS = union(META, Set.of("type", "minimum", "maximum"));
        static final Set<String> BOOLEAN_KEYS = union(META, Set.of("type"));
        static final Set<String> ARRAY_KEYS = union(META, Set.of("type", "items", "minItems", "maxItems"));
        static final Set<String> FORMATS = Set.of("date", "email");
        static final int MAX_DEPTH = 2;

        final List<String> problems = new ArrayList<>();

        static List<String> check(JsonNode root) {
            SubsetChecker checker = new SubsetChecker();
            checker.root(root);
            return checker.problems;
        }

        private void root(JsonNode root) {
            if (!DIALECT.equals(root.path("$schema").asString(null))) {
                problem("", "$schema must be " + DIALECT);
            }
            JsonNode examples = root.get("examples");
            if (examples == null || !examples.isArray() || examples.isEmpty() || !examples.get(0).isObject()) {
                problem("", "examples must be an array whose examples[0] is an object");
            }
            object(root, "", 0);
            rules(root);
        }

        /** x-rules: known kinds, exactly their keys, fields that exist (dates where a rule compares dates). */
        private void rules(JsonNode root) {
            JsonNode rules = root.get("x-rules");
            if (rules == null) {
                return;
            }
            if (!rules.isArray()) {
                problem("x-rules", "must be an array");
                return;
            }
            Map<String, Set<String>> keys = Map.of("after", Set.of("rule", "field", "other"),
                    "onOrAfter", Set.of("rule", "field", "other"), "notFuture", Set.of("rule", "field"),
                    "yearsBefore", Set.of("rule", "field", "other", "years"),
                    "requiredWith", Set.of("rule", "field", "other"), "distinct", Set.of("rule", "fields"));
            for (int i = 0; i < rules.size(); i++) {
                JsonNode r = rules.get(i);
                String at = "x-rules[" + i + "]";
                String kind = r.path("rule").asString("");
                if (!keys.containsKey(kind)) {
                    problem(at, "unknown rule " + kind);
                    continue;
                }
                if (!Set.copyOf(r.propertyNames()).equals(keys.get(kind))) {
                    problem(at, kind + " takes exactly " + keys.get(kind));
                }
                boolean dates = !kind.equals("requiredWith") && !kind.equals("distinct");
                List<String> fields = new ArrayList<>();
                if (kind.equals("distinct")) {
                    r.path("fields").forEach(f -> fields.add(f.asString("")));
                    if (fields.size() < 2) {
                        problem(at, "distinct needs at least two fields");
                    }
                } else {
                    fields.add(r.path("field").asString(""));
                    if (r.has("other")) {
                        fields.add(r.path("other").asString(""));
                    }
                }
                for (String f : fields) {
                    JsonNode field = fieldAt(root, f);
                    if (field == null) {
                        problem(at, "no field " + f);
                    } else if (dates && !"date".equals(field.path("format").asString(""))) {
                        problem(at, f + " is not a date");
                    }
                }
            }
        }

        static JsonNode fieldAt(JsonNode root, String path) {
            JsonNode node = root;
            for (String part : path.split("\\.")) {
                boolean list = part.endsWith("[]");
                String name = list ? part.substring(0, part.length() - 2) : part;
                node = node.path("properties").get(name);
                if (node == null) {
                    return null;
                }
                if (list) {
                    node = node.get("items");
                    if (node == null) {
                        return null;
                    }
                }
            }
            return node;
        }

        private void object(JsonNode node, String path, int depth) {
            keys(node, path, depth == 0 ? union(OBJECT_KEYS, ROOT_ONLY) : OBJECT_KEYS);
            titles(node, path);
            if (!"object".equals(node.path("type").asString(null))) {
                problem(path, "type must be object");
            }
            if (!node.path("additionalProperties").isBoolean() || node.get("additionalProperties").asBoolean()) {
                problem(path, "additionalProperties must be false");
            }
            JsonNode properties = node.get("properties");
            if (properties == null || !properties.isObject() || properties.isEmpty()) {
                problem(path, "properties must be a non-empty object");
                return;
            }
            properties.properties().forEach(e -> {
                if (!CAMEL_CASE.matcher(e.getKey()).matches()) {
                    problem(path + "/properties/" + e.getKey(), "property names are English camelCase");
                }
                property(e.getValue(), path + "/properties/" + e.getKey(), depth);
            });
            JsonNode required = node.get("required");
            if (required == null || !required.isArray()) {
                problem(path, "required must be an array (may be empty)");
            } else {
                List<String> names = strings(required);
                if (new HashSet<>(names).size() != names.size()) {
                    problem(path + "/required", "duplicates");
                }
                names.stream().filter(n -> !properties.has(n))
                        .forEach(n -> problem(path + "/required", "'" + n + "' is not declared in properties"));
            }
            JsonNode allOf = node.get("allOf");
            if (allOf != null) {
                if (!allOf.isArray() || allOf.isEmpty()) {
                    problem(path + "/allOf", "must be a non-empty array");
                    return;
                }
                for (int i = 0; i < allOf.size(); i++) {
                    conditional(allOf.get(i), path + "/allOf/" + i, properties);
                }
            }
        }

        private void conditional(JsonNode rule, String path, JsonNode properties) {
            if (!Set.copyOf(rule.propertyNames()).equals(Set.of("if", "then"))) {
                problem(path, "only {if, then} is allowed in allOf");
                return;
            }
            JsonNode when = rule.get("if");
            if (!Set.copyOf(when.propertyNames()).equals(Set.of("properties", "required"))
                    || when.get("properties").size() != 1) {
                problem(path + "/if", "if must be {properties: {x: {const: v}}, required: [x]}");
                return;
            }
            var entry = when.get("properties").properties().iterator().next();
            String switchName = entry.getKey();
            JsonNode test = entry.getValue();
            if (!Set.copyOf(test.propertyNames()).equals(Set.of("const"))) {
                problem(path + "/if", "the switch is tested with const only");
            }
            if (!strings(when.get("required")).equals(List.of(switchName))) {
                problem(path + "/if/required", "must be [\"" + switchName + "\"]");
            }
            JsonNode switchSchema = properties.get(switchName);
            if (switchSchema == null) {
                problem(path + "/if", "'" + switchName + "' is not declared in properties");
            } else {
                JsonNode value = test.get("const");
                boolean known = switchSchema.path("type").asString("").equals("boolean")
                        ? value != null && value.isBoolean()
                        : switchSchema.path("oneOf").valueStream().anyMatch(o -> o.get("const").equals(value));
                if (!known) {
                    problem(path + "/if", "const " + value + " is not a choice of '" + switchName + "'");
                }
            }
            JsonNode then = rule.get("then");
            if (!Set.copyOf(then.propertyNames()).equals(Set.of("required")) || then.get("required").isEmpty()) {
                problem(path + "/then", "then may only add required fields");
                return;
            }
            strings(then.get("required")).stream().filter(n -> !properties.has(n))
                    .forEach(n -> problem(path + "/then", "'" + n + "' is not declared in properties"));
        }

        private void property(JsonNode node, String path, int depth) {
            String type = node.path("type").asString("");
            switch (type) {
                case "object" -> {
                    if (depth + 1 > MAX_DEPTH) {
                        problem(path, "objects nest at most " + MAX_DEPTH + " levels");
                    }
                    object(node, path, depth + 1);
                }
                case "array" -> {
                    keys(node, path, ARRAY_KEYS);
                    titles(node, path);
                    if (!node.path("maxItems").isIntegralNumber()) {
                        problem(path, "arrays need maxItems");
                    }
                    if (!"object".equals(node.path("items").path("type").asString(null))) {
                        problem(path, "arrays hold objects only");
                    } else {
                        if (depth + 1 > MAX_DEPTH) {
                            problem(path, "objects nest at most " + MAX_DEPTH + " levels");
                        }
                        object(node.get("items"), path + "/items", depth + 1);
                    }
                }
                case "string" -> string(node, path);
                case "integer", "number" -> {
                    keys(node, path, NUMBER_KEYS);
                    titles(node, path);
                    if (!node.path("minimum").isNumber() || !node.path("maximum").isNumber()) {
                        problem(path, "numbers need minimum and maximum");
                    } else if (node.get("minimum").asDouble() > node.get("maximum").asDouble()) {
                        problem(path, "minimum > maximum");
                    }
                }
                case "boolean" -> {
                    keys(node, path, BOOLEAN_KEYS);
                    titles(node, path);
                }
                default -> problem(path, "unsupported type '" + type + "'");
            }
        }

        private void string(JsonNode node, String path) {
            keys(node, path, STRING_KEYS);
            titles(node, path);
            JsonNode max = node.get("maxLength");
            if (max == null || !max.isIntegralNumber() || max.asInt() < 1) {
                problem(path, "strings need a positive maxLength");
            }
            JsonNode min = node.get("minLength");
            if (min != null && max != null && (!min.isIntegralNumber() || min.asInt() > max.asInt())) {
                problem(path, "minLength must be an integer <= maxLength");
            }
            JsonNode format = node.get("format");
            if (format != null && !FORMATS.contains(format.asString(""))) {
                problem(path, "format must be one of " + FORMATS);
            }
            JsonNode pattern = node.get("pattern");
            if (pattern != null) {
                try {
                    Pattern.compile(pattern.asString());
                } catch (PatternSyntaxException e) {
                    problem(path, "pattern does not compile: " + e.getMessage());
                }
            }
            JsonNode oneOf = node.get("oneOf");
            if (oneOf != null) {
                if (!oneOf.isArray() || oneOf.isEmpty()) {
                    problem(path + "/oneOf", "must be a non-empty array");
                    return;
                }
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < oneOf.size(); i++) {
                    JsonNode option = oneOf.get(i);
                    String at = path + "/oneOf/" + i;
                    if (!Set.copyOf(option.propertyNames()).equals(Set.of("const", "title", "x-title-en"))) {
                        problem(at, "a choice is exactly {const, title, x-title-en}");
                    }
                    JsonNode constant = option.get("const");
                    if (constant == null || !constant.isString() || constant.asString().isBlank()) {
                        problem(at, "const must be a non-blank string");
                    } else {
                        if (!seen.add(constant.asString())) {
                            problem(at, "duplicate const " + constant);
                        }
                        if (max != null && constant.asString().length() > max.asInt()) {
                            problem(at, "const longer than maxLength");
                        }
                    }
                    titles(option, at);
                }
            }
        }

        private void titles(JsonNode node, String path) {
            String vi = node.path("title").asString("");
            String en = node.path("x-title-en").asString("");
            if (vi.isBlank()) {
                problem(path, "title (Vietnamese) is missing");
            }
            if (en.isBlank()) {
                problem(path, "x-title-en (English) is missing");
            }
            if (!en.isBlank() && VIETNAMESE_LETTER.matcher(en).find()) {
                problem(path, "x-title-en looks Vietnamese: " + en);
            }
            if (!vi.isBlank() && vi.equalsIgnoreCase(en)) {
                problem(path, "title and x-title-en are the same: " + vi);
            }
            if (node.has("description") != node.has("x-description-en")) {
                problem(path, "description and x-description-en come together");
            }
            for (String key : List.of("title", "x-title-en", "description", "x-description-en")) {
                if (node.has(key) && !node.get(key).isString()) {
                    problem(path, key + " must be a string");
                }
            }
        }

        private void keys(JsonNode node, String path, Set<String> allowed) {
            node.propertyNames().stream().filter(k -> !allowed.contains(k))
                    .forEach(k -> problem(path, "keyword '" + k + "' is outside the subset"));
        }

        private void problem(String path, String message) {
            problems.add((path.isEmpty() ? "/" : path) + ": " + message);
        }

        private static Set<String> union(Set<String> a, Set<String> b) {
            Set<String> out = new HashSet<>(a);
            out.addAll(b);
            return Set.copyOf(out);
        }
    }
}
