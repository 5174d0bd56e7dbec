package vn.motcua.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;

/**
 * The request and response examples of the API description (issue 16: "request and response examples for the main
 * operations, from the demo"): the main journey's operations have one, and every example validates against the
 * schema it illustrates (networknt, OpenAPI 3.0 dialect), so that an integrator copying it sends a valid request
 * and can trust the answer's shape.
 */
@IntegrationTest
class OpenApiExamplesTest {

    static final String IRI = "https://motcua.test/openapi.json";

    @LocalServerPort
    int port;

    @Test
    void theMainJourneyHasExamplesAndEachValidatesAgainstItsSchema() {
        String text = new TestApi(port).get("/v3/api-docs").text();
        JsonNode spec = TestApi.json().readTree(text);
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                b -> b.schemas(Map.of(IRI, text)));
        TreeSet<String> illustrated = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (var path : spec.get("paths").properties()) {
            for (var method : path.getValue().properties()) {
                JsonNode op = method.getValue();
                if (!op.isObject() || !op.has("operationId")) {
                    continue;
                }
                String id = op.get("operationId").asString();
                String base = "/paths/" + escape(path.getKey()) + "/" + method.getKey();
                check(registry, op.path("requestBody").path("content"), base + "/requestBody/content",
                        id + " request", illustrated, problems);
                for (var response : op.path("responses").properties()) {
                    check(registry, response.getValue().path("content"),
                            base + "/responses/" + response.getKey() + "/content", id + " " + response.getKey(),
                            illustrated, problems);
                }
            }
        }
        assertThat(problems).as("examples that do not match their schema").isEmpty();
        assertThat(illustrated).contains("catalogProcedures 200", "identityToken request", "identityToken 200",
                "filesUpload 201", "dossierSubmit request", "dossierSubmit 201", "officeAct request", "officeAct 200",
                "trackingTrack 200");
    }

    private static void check(SchemaRegistry registry, JsonNode content, String pointer, String what,
                              TreeSet<String> illustrated, List<String> problems) {
        for (var media : content.properties()) {
            JsonNode example = media.getValue().path("examples").path("demo").path("value");
            if (example.isMissingNode() || !media.getValue().has("schema")) {
                continue;
            }
            illustrated.add(what);
            List<Error> errors = registry.getSchema(SchemaLocation.of(IRI + "#" + pointer + "/"
                    + escape(media.getKey()) + "/schema")).validate(example);
            if (!errors.isEmpty()) {
                problems.add(what + ": " + errors);
            }
        }
    }

    private static String escape(String s) {
        return s.replace("~", "~0").replace("/", "~1");
    }
}
