package vn.motcua.test;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks every answer of the API that the integration tests receive through {@link TestApi} against the
 * published description (/v3/api-docs of the same server): a JSON body of a documented status must validate
 * against the schema documented for it (networknt, OpenAPI 3.0 dialect, so {@code nullable} counts) and may carry
 * no property that its schema does not list (where the schema lists any: free-form objects and maps aside), else
 * the test fails (issue 16, for every operation). Answers with a status the description does not list, and the
 * properties found undocumented, are also written to target/openapi/undocumented.txt with the test that got them.
 */
public final class ResponseContract {

    private static final String IRI = "https://motcua.test/openapi.json";
    private static final Path UNDOCUMENTED = Path.of("target/openapi/undocumented.txt");
    private static final Map<String, ResponseContract> BY_BASE = new ConcurrentHashMap<>();
    /** "GET /api/v1/units/{code} 200" for each documented JSON answer validated so far in this JVM. */
    private static final java.util.Set<String> VALIDATED = ConcurrentHashMap.newKeySet();
    private static final java.util.Set<String> UNKNOWN = ConcurrentHashMap.newKeySet();

    private final JsonNode spec;
    private final SchemaRegistry registry;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private record Template(String path, Pattern pattern, int variables) {
    }

    private ResponseContract(String specText) {
        this.spec = TestApi.json().readTree(specText);
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                b -> b.schemas(Map.of(IRI, specText)));
        spec.get("paths").properties().forEach(e -> {
            String regex = Pattern.quote(e.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            templates.add(new Template(e.getKey(), Pattern.compile(regex),
                    (int) e.getKey().chars().filter(c -> c == '{').count()));
        });
        templates.sort(java.util.Comparator.comparingInt(Template::variables));
    }

    /** The contract of the server at {@code base}, loaded once. */
    static ResponseContract of(String base) {
        return BY_BASE.computeIfAbsent(base, b -> {
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(b + "/v3/api-docs")).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() != 200) {
                    throw new AssertionError("no OpenAPI description at " + b + ": HTTP " + r.statusCode());
                }
                return new ResponseContract(r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        });
    }

    /** Fails (AssertionError) when a JSON answer does not match the schema documented for its status. */
    void check(String method, URI uri, TestApi.Response response) {
        String path = uri.getPath();
        if (!path.startsWith("/api/")) {
            return;
        }
        Template t = templates.stream().filter(x -> x.pattern().matcher(path).matches()).findFirst().orElse(null);
        String m = method.toLowerCase(Locale.ROOT);
        JsonNode op = t == null ? null : spec.get("paths").get(t.path()).get(m);
        if (op == null) {
            undocumented(method + " " + path + " (no such operation) → " + response.status());
            return;
        }
        String status = String.valueOf(response.status());
        JsonNode documented = op.path("responses").get(status);
        if (documented == null) {
            undocumented(method + " " + t.path() + " → " + status);
            return;
        }
        String type = response.header("Content-Type");
        if (type == null || !type.contains("json") || response.body().length == 0) {
            return;
        }
        JsonNode content = documented.path("content");
        String mediaType = content.has("application/problem+json") && type.contains("problem")
                ? "application/problem+json" : content.has("application/json") ? "application/json"
                : content.properties().stream().map(Map.Entry::getKey).findFirst().orElse(null);
        if (mediaType == null || !content.path(mediaType).has("schema")) {
            throw new AssertionError(method + " " + t.path() + " → " + status + ": the description has no schema "
                    + "for this JSON answer");
        }
        String pointer = "/paths/" + escape(t.path()) + "/" + m + "/responses/" + status + "/content/"
                + escape(mediaType) + "/schema";
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(IRI + "#" + p)));
        List<Error> errors = schema.validate(response.json());
        if (!errors.isEmpty()) {
            throw new AssertionError(method + " " + t.path() + " → " + status
                    + " does not match its documented schema: " + errors + "\n" + response);
        }
        String operation = method.toUpperCase(Locale.ROOT) + " " + t.path() + " " + status;
        VALIDATED.add(operation);
        List<String> unknown = new ArrayList<>();
        unknownProperties(response.json(), content.path(mediaType).get("schema"), "", unknown, 0);
        for (String field : unknown) {
            if (UNKNOWN.add(operation + " " + field)) {
                undocumented(operation + ": property " + field + " answered but not documented");
            }
        }
        if (!unknown.isEmpty()) {
            // issue 16: fatal for every operation: a generated client would drop these
            throw new AssertionError(operation + " answered properties its schema does not declare: " + unknown
                    + " (declare each in the schema, with its type and a description, or stop sending it)\n"
                    + response);
        }
    }

    /**
     * The properties of an answer that its schema does not list (JSON pointers), where the schema lists any: the
     * validation accepts them (no {@code additionalProperties: false}), but a generated client drops them.
     */
    private void unknownProperties(JsonNode value, JsonNode schema, String at, List<String> out, int depth) {
        if (schema == null || value == null || depth > 30) {
            return;
        }
        schema = resolve(schema);
        Map<String, JsonNode> properties = new java.util.LinkedHashMap<>();
        boolean open = collect(schema, properties, 0);
        if (value.isObject()) {
            if (properties.isEmpty() || open) {
                return; // free-form, or a map
            }
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                JsonNode p = properties.get(e.getKey());
                if (p == null) {
                    out.add(at + "/" + e.getKey());
                } else {
                    unknownProperties(e.getValue(), p, at + "/" + e.getKey(), out, depth + 1);
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            int i = 0;
            for (JsonNode element : value) {
                unknownProperties(element, schema.get("items"), at + "/" + i++, out, depth + 1);
            }
        }
    }

    /** Gathers the properties of a schema and its allOf parts; true when it allows others (a map, oneOf…). */
    private boolean collect(JsonNode schema, Map<String, JsonNode> properties, int depth) {
        schema = resolve(schema);
        if (depth > 10 || schema.has("oneOf") || schema.has("anyOf")
                || (schema.has("additionalProperties") && !schema.get("additionalProperties").isBoolean())
                || schema.path("additionalProperties").asBoolean(false)) {
            return true;
        }
        schema.path("properties").properties().forEach(e -> properties.put(e.getKey(), e.getValue()));
        boolean open = false;
        for (JsonNode part : schema.path("allOf")) {
            open |= collect(part, properties, depth + 1);
        }
        return open;
    }

    private JsonNode resolve(JsonNode schema) {
        for (int i = 0; i < 10 && schema.has("$ref"); i++) {
            String ref = schema.get("$ref").asString();
            schema = spec.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    /**
     * The answers validated so far in this JVM, as "METHOD /path/{template} status": a test can check that the
     * operations it means to cover did answer JSON that went through the validation.
     */
    public static java.util.Set<String> validated() {
        return java.util.Set.copyOf(VALIDATED);
    }

    private static String escape(String s) {
        return s.replace("~", "~0").replace("/", "~1");
    }

    private static synchronized void undocumented(String line) {
        String test = java.util.Arrays.stream(Thread.currentThread().getStackTrace())
                .map(StackTraceElement::getClassName).filter(c -> c.endsWith("Test") || c.endsWith("IT"))
                .findFirst().map(c -> c.substring(c.lastIndexOf('.') + 1)).orElse("?");
        line = line + " [" + test + "]";
        try {
            Files.createDirectories(UNDOCUMENTED.getParent());
            Files.writeString(UNDOCUMENTED, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
