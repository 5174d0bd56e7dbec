package vn.motcua.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request and response examples of the main operations, from a real demo journey (search → procedure → token →
 * upload → submit → accept → tracking), kept as files {@code openapi/examples/<operationId>.request.json} and
 * {@code <operationId>.<status>.json} so that they read as JSON and are reviewed as such. Each becomes the
 * {@code demo} example of its media type; {@code OpenApiExamplesTest} validates every one against the schema it
 * illustrates, so an example cannot drift from the contract.
 */
final class DemoExamples {

    static final String LOCATION = "classpath:openapi/examples/*.json";
    static final String NAME = "demo";

    private static volatile Map<String, Object> loaded;

    private DemoExamples() {
    }

    /** Adds the examples to the operations they name (by operation id, once the ids are final). */
    static void attach(OpenAPI api) {
        Map<String, Operation> byId = new HashMap<>();
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> {
            if (op.getOperationId() != null) {
                byId.put(op.getOperationId(), op);
            }
        }));
        examples().forEach((file, value) -> {
            int dot = file.lastIndexOf('.');
            Operation op = byId.get(file.substring(0, dot));
            if (op == null) {
                throw new IllegalStateException("openapi/examples/" + file + ".json names no operation");
            }
            String part = file.substring(dot + 1);
            Content content;
            if (part.equals("request")) {
                content = op.getRequestBody() == null ? null : op.getRequestBody().getContent();
            } else {
                ApiResponse response = op.getResponses() == null ? null : op.getResponses().get(part);
                content = response == null ? null : response.getContent();
            }
            MediaType media = content == null ? null : content.getOrDefault("application/json",
                    content.values().stream().findFirst().orElse(null));
            if (media == null) {
                throw new IllegalStateException("openapi/examples/" + file + ".json: the operation has no such body");
            }
            media.addExamples(NAME, new Example().summary("From the demo (phường Tân Phú, Bình Phước)").value(value));
        });
    }

    /** The example files by name without {@code .json}, read once. */
    private static Map<String, Object> examples() {
        Map<String, Object> out = loaded;
        if (out != null) {
            return out;
        }
        out = new HashMap<>();
        JsonMapper json = JsonMapper.builder().build();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                String name = r.getFilename();
                try (InputStream in = r.getInputStream()) {
                    out.put(name.substring(0, name.length() - ".json".length()), json.readValue(in, Object.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loaded = Map.copyOf(out);
        return loaded;
    }
}
