package vn.motcua.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;

/**
 * The published description (/v3/api-docs) as integrators use it (docs/API-CONVENTIONS.md). It is written to
 * target/openapi/motcua.json, where the linters of the build (src/build/openapi) read it.
 */
@IntegrationTest
class OpenApiContractTest {

    static final Path SPEC_FILE = Path.of("target/openapi/motcua.json");

    @LocalServerPort
    int port;

    JsonNode spec;

    @BeforeEach
    void load() throws Exception {
        TestApi.Response r = new TestApi(port).get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        spec = r.json();
        Files.createDirectories(SPEC_FILE.getParent());
        Files.write(SPEC_FILE, TestApi.json().writerWithDefaultPrettyPrinter().writeValueAsBytes(spec));
    }

    record Op(String method, String path, JsonNode op) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private List<Op> operations() {
        List<Op> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : spec.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> m : p.getValue().properties()) {
                if (Set.of("get", "put", "post", "delete", "patch").contains(m.getKey())) {
                    out.add(new Op(m.getKey(), p.getKey(), m.getValue()));
                }
            }
        }
        return out;
    }

    @Test
    void describesTheApiWithItsOwnerAndLicence() {
        assertThat(spec.get("openapi").asString()).startsWith("3.0");
        assertThat(spec.at("/info/title").asString()).contains("MotCua");
        assertThat(spec.at("/info/version").asString()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(spec.at("/info/contact/name").asString()).isNotBlank();
        assertThat(spec.at("/info/license/name").asString()).isEqualTo("Apache-2.0");
        assertThat(spec.get("servers")).isNotEmpty();
        assertThat(spec.at("/components/securitySchemes/bearerAuth/scheme").asString()).isEqualTo("bearer");
        assertThat(spec.at("/components/schemas/Problem/properties/errors/items/$ref").asString())
                .isEqualTo("#/components/schemas/FieldError");
        assertThat(operations()).hasSizeGreaterThan(50);
    }

    @Test
    void noServerSideParameterLeaks() {
        for (Op o : operations()) {
            for (JsonNode p : o.op().path("parameters")) {
                assertThat(p.get("name").asString().toLowerCase()).as(o + " parameters")
                        .isNotIn("actor", "principal", "authentication", "request", "response", "session", "locale");
            }
        }
        assertThat(spec.at("/components/schemas").has("Actor")).isFalse();
        assertThat(spec.toString()).doesNotContain("JsonNode");
    }

    @Test
    void everyOperationHasAUniqueCamelCaseIdAndADefinedTag() {
        Set<String> ids = new HashSet<>();
        Set<String> tags = new HashSet<>();
        spec.get("tags").forEach(t -> tags.add(t.get("name").asString()));
        for (Op o : operations()) {
            String id = o.op().path("operationId").asString("");
            assertThat(id).as(o + " operationId").matches("[a-z][a-zA-Z0-9]*");
            assertThat(ids.add(id)).as(o + " operationId unique: " + id).isTrue();
            assertThat(o.op().path("tags")).as(o + " tags").isNotEmpty();
            o.op().get("tags").forEach(t -> assertThat(tags).as(o + " tag defined").contains(t.asString()));
        }
    }

    /**
     * Both directions, against the running server: an operation documented with the bearer requirement refuses an
     * anonymous caller with 401, and an operation that refuses one documents the requirement (or its 401).
     */
    @Test
    void securityRequirementsMatchWhatTheServerDoes() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> wrong = new ArrayList<>();
        for (Op o : operations()) {
            boolean secured = o.op().path("security").toString().contains("bearerAuth");
            String path = o.path().replaceAll("\\{[^}]+}", "x1");
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept", "application/json").header("Content-Type", "application/json")
                    .method(o.method().toUpperCase(), o.method().equals("get") || o.method().equals("delete")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
            int status = http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (secured && status != 401) {
                wrong.add(o + " documented secured, answers " + status + " to an anonymous caller");
            }
            if (status == 401) {
                assertThat(o.op().path("responses").has("401")).as(o + " documents 401").isTrue();
                if (!secured && !o.op().path("responses").path("401").path("description").asString()
                        .toLowerCase().contains("credentials")) {
                    wrong.add(o + " answers 401 to an anonymous caller but has no security requirement");
                }
            }
            if (secured) {
                assertThat(o.op().path("responses").has("403")).as(o + " documents 403").isTrue();
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void errorsAreProblemsAndDerivedFromTheOperation() {
        for (Op o : operations()) {
            JsonNode responses = o.op().get("responses");
            responses.properties().forEach(e -> {
                if (e.getKey().startsWith("4")) {
                    assertThat(e.getValue().at("/content/application~1problem+json/schema/$ref").asString())
                            .as(o + " " + e.getKey()).isEqualTo("#/components/schemas/Problem");
                }
            });
            boolean pathParams = false;
            boolean ifMatch = false;
            for (JsonNode p : o.op().path("parameters")) {
                pathParams |= "path".equals(p.get("in").asString());
                ifMatch |= "If-Match".equals(p.get("name").asString());
            }
            if (pathParams) {
                assertThat(responses.has("404")).as(o + " 404").isTrue();
            }
            if (ifMatch) {
                assertThat(responses.has("409")).as(o + " 409").isTrue();
            }
            if (!o.op().has("security")) {
                assertThat(responses.has("429")).as(o + " 429").isTrue();
            }
        }
    }

    /** Media types whose answer is a file, not JSON: the only 2xx bodies that may be untyped (format: binary). */
    private static final Set<String> FILE_TYPES = Set.of("application/pdf", "application/xml", "text/csv",
            "application/zip", "text/html", "*/*",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /**
     * Every successful JSON answer is described field by field (issue 16): a 2xx of application/json whose schema
     * is missing, an object without properties, or a map (only {@code additionalProperties}) fails, and so does a
     * 2xx other than 204 without any content. Files (pdf, xlsx, xml…) are {@code type: string, format: binary}.
     */
    @Test
    void everySuccessfulJsonAnswerIsTyped() {
        List<String> untyped = new ArrayList<>();
        for (Op o : operations()) {
            o.op().path("responses").properties().forEach(r -> {
                if (!r.getKey().startsWith("2")) {
                    return;
                }
                JsonNode content = r.getValue().path("content");
                if (content.isEmpty()) {
                    if (!r.getKey().equals("204")) {
                        untyped.add(o + " → " + r.getKey() + ": no content");
                    }
                    return;
                }
                content.properties().forEach(m -> {
                    JsonNode schema = m.getValue().get("schema");
                    if (FILE_TYPES.contains(m.getKey())) {
                        if (schema == null || !"binary".equals(schema.path("format").asString(""))) {
                            untyped.add(o + " → " + r.getKey() + " " + m.getKey() + ": a file not format binary");
                        }
                        return;
                    }
                    String why = untyped(schema, 0);
                    if (why != null) {
                        untyped.add(o + " → " + r.getKey() + " " + m.getKey() + ": " + why);
                    }
                });
            });
        }
        assertThat(untyped).as("2xx answers without a typed schema").isEmpty();
    }

    /** Why a JSON answer's schema says nothing of its fields, or null when it is typed. */
    private String untyped(JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode() || schema.isEmpty()) {
            return "no schema";
        }
        if (depth > 20) {
            return null;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            JsonNode target = spec.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
            return target.isMissingNode() ? "dangling " + ref : untyped(target, depth + 1);
        }
        for (String composed : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(composed)) {
                for (JsonNode part : schema.get(composed)) {
                    String why = untyped(part, depth + 1);
                    if (why != null) {
                        return composed + ": " + why;
                    }
                }
                return null;
            }
        }
        String type = schema.path("type").asString("");
        if (type.equals("array")) {
            String why = untyped(schema.get("items"), depth + 1);
            return why == null ? null : "items: " + why;
        }
        if (schema.has("properties") && !schema.get("properties").isEmpty()) {
            return null;
        }
        if (type.equals("object") || type.isEmpty()) {
            return schema.has("additionalProperties") ? "a map without properties " + schema
                    : "an object without properties " + schema;
        }
        return null; // a string, number, boolean or enum
    }

    /**
     * 406 and 415 are documented where the server gives them, and the server gives them: every write answers 406
     * to an {@code Accept} without JSON, every operation with a body 415 to a JSON body declared in another charset
     * than UTF-8, both as problem+json and before the security chain or the handler do anything (InputBoundary);
     * a read that answers 406 (Spring's content negotiation, to an administrator here) documents it.
     */
    @Test
    void writesDocument406AndBodies415AsTheServerAnswers() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = new TestApi(port).post("/api/v1/auth/token", Map.of("username", "admin", "password", "demo"))
                .json().get("access_token").asString();
        List<String> wrong = new ArrayList<>();
        for (Op o : operations()) {
            boolean write = !o.method().equals("get");
            boolean body = o.op().has("requestBody");
            JsonNode responses = o.op().get("responses");
            if (write && !responses.has("406")) {
                wrong.add(o + " does not document 406");
            }
            if (!write) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + o.path().replaceAll("\\{[^}]+}", "x1"))).header("Accept", "image/png")
                        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 406 && !responses.has("406")) {
                    wrong.add(o + " answers 406 to Accept: image/png but does not document it");
                }
            }
            if (body && !responses.has("415")) {
                wrong.add(o + " does not document 415");
            }
            String path = "http://127.0.0.1:" + port + o.path().replaceAll("\\{[^}]+}", "x1");
            if (write) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(path))
                        .header("Accept", "image/png").header("Content-Type", "application/json")
                        .method(o.method().toUpperCase(), HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 406 || !r.headers().firstValue("Content-Type").orElse("").contains("problem")) {
                    wrong.add(o + " with Accept: image/png answers " + r.statusCode());
                }
            }
            if (body) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(path))
                        .header("Accept", "application/json")
                        .header("Content-Type", "application/json; charset=ISO-8859-1")
                        .method(o.method().toUpperCase(), HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 415) {
                    wrong.add(o + " with a ISO-8859-1 JSON body answers " + r.statusCode());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    static final Path SNAPSHOT = Path.of("src/main/openapi/motcua.json");
    private static final Set<String> PROSE = Set.of("description", "summary", "example", "examples", "servers");

    /**
     * The committed description, from which the build generates the Java client (openapi-generator), is still what
     * the server does: the live one contains all of it (new operations, properties and responses may be added; none
     * may change or go). When this fails on purpose: cp target/openapi/motcua.json src/main/openapi/motcua.json
     */
    @Test
    void theCommittedSnapshotIsStillServed() throws Exception {
        JsonNode snapshot = TestApi.json().readTree(Files.readString(SNAPSHOT));
        List<String> problems = new ArrayList<>();
        contained(snapshot, spec, "", problems);
        assertThat(problems).as("src/main/openapi/motcua.json differs from /v3/api-docs (if on purpose: "
                + "cp target/openapi/motcua.json src/main/openapi/motcua.json)").isEmpty();
    }

    private static void contained(JsonNode old, JsonNode live, String at, List<String> problems) {
        if (old.isObject()) {
            if (!live.isObject()) {
                problems.add(at + ": no longer an object");
                return;
            }
            old.properties().forEach(e -> {
                if (PROSE.contains(e.getKey())) {
                    return;
                }
                JsonNode l = live.get(e.getKey());
                if (l == null) {
                    problems.add(at + "/" + e.getKey() + ": gone");
                } else {
                    contained(e.getValue(), l, at + "/" + e.getKey(), problems);
                }
            });
        } else if (old.isArray()) {
            if (!live.isArray()) {
                problems.add(at + ": no longer an array");
                return;
            }
            for (JsonNode o : old) {
                boolean found = false;
                for (JsonNode l : live) {
                    List<String> inner = new ArrayList<>();
                    contained(o, l, at, inner);
                    if (inner.isEmpty()) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    problems.add(at + ": " + o + " gone or changed");
                }
            }
        } else if (!old.equals(live)) {
            problems.add(at + ": " + old + " became " + live);
        }
    }

    @Test
    void theJourneyOperationsAreTyped() {
        JsonNode submit = spec.at("/paths/~1api~1v1~1dossiers/post");
        assertThat(submit.at("/responses/201/headers/Location")).isNotNull();
        assertThat(submit.at("/responses").has("200")).isFalse();
        assertThat(submit.at("/parameters").toString()).contains("Idempotency-Key");
        JsonNode upload = spec.at("/paths/~1api~1v1~1files/post/requestBody/content/multipart~1form-data/schema");
        assertThat(upload.toString()).contains("\"file\"").contains("binary");
        assertThat(spec.at("/paths/~1api~1v1~1dossiers~1{code}~1receipt.pdf/get/responses/200/content/application~1pdf"
                + "/schema/format").asString()).isEqualTo("binary");
        assertThat(spec.at("/components/schemas/Applicant/properties/type/enum").toString()).contains("ORGANIZATION");
        assertThat(spec.at("/components/schemas/ActionRequest/properties/action/enum").toString()).contains("ACCEPT");
        assertThat(spec.at("/components/schemas/IntakeRequest/properties/form/type").asString()).isEqualTo("object");
        assertThat(spec.at("/components/schemas/IntakeRequest/required").toString()).contains("procedureCode");
        assertThat(spec.at("/components/schemas/ActionRequest/properties/version/nullable").asBoolean()).isTrue();
        for (Op o : operations()) {
            if (o.path().endsWith(".xlsx")) {
                assertThat(o.op().at("/responses/200/content").toString()).as(o.toString())
                        .contains("spreadsheetml").contains("binary");
            }
        }
    }
}
