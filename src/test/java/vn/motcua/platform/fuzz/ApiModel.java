package vn.motcua.platform.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations of the served OpenAPI description (/v3/api-docs) as the fuzzer needs them: method, path
 * template, parameters with their schemas, and the request body's media types and schema ($ref and allOf
 * resolved on demand).
 */
final class ApiModel {

    record Param(String name, String in, boolean required, JsonNode schema) {
    }

    record Operation(String method, String path, List<Param> params, Map<String, JsonNode> bodies,
                     boolean bodyRequired) {

        boolean writes() {
            return !method.equals("GET") && !method.equals("HEAD");
        }

        List<Param> in(String where) {
            return params.stream().filter(p -> p.in().equals(where)).toList();
        }
    }

    private final JsonNode spec;
    final List<Operation> operations = new ArrayList<>();

    ApiModel(String specText) {
        this.spec = JsonMapper.builder().build().readTree(specText);
        spec.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String method = op.getKey().toUpperCase(Locale.ROOT);
            if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                return;
            }
            List<Param> params = new ArrayList<>();
            for (JsonNode p : op.getValue().path("parameters")) {
                JsonNode r = resolve(p);
                params.add(new Param(r.path("name").asString(), r.path("in").asString(), r.path("required").asBoolean(false),
                        resolve(r.path("schema"))));
            }
            Map<String, JsonNode> bodies = new java.util.LinkedHashMap<>();
            JsonNode body = resolve(op.getValue().path("requestBody"));
            body.path("content").properties().forEach(c -> bodies.put(c.getKey(), c.getValue().path("schema")));
            operations.add(new Operation(method, path.getKey(), List.copyOf(params), bodies,
                    body.path("required").asBoolean(false)));
        }));
    }

    /** The node a {@code $ref} points to (repeatedly), and an {@code allOf} merged into one object schema. */
    JsonNode resolve(JsonNode node) {
        int guard = 0;
        while (node != null && node.has("$ref") && guard++ < 20) {
            String ref = node.get("$ref").asString();
            JsonNode target = spec;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            node = target;
        }
        if (node != null && node.has("allOf")) {
            ObjectNode merged = JsonNodeFactory.instance.objectNode();
            ObjectNode props = merged.putObject("properties");
            var required = merged.putArray("required");
            merged.put("type", "object");
            for (JsonNode part : node.get("allOf")) {
                JsonNode r = resolve(part);
                r.path("properties").properties().forEach(e -> props.set(e.getKey(), e.getValue()));
                r.path("required").forEach(required::add);
                if (r.has("enum")) {
                    merged.set("enum", r.get("enum"));
                    merged.put("type", r.path("type").asString("string"));
                }
            }
            return merged;
        }
        return node == null ? JsonNodeFactory.instance.missingNode() : node;
    }
}
