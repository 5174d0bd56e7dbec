package vn.motcua.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 16: a property a real answer carries that its schema does not declare fails the test that received it,
 * whatever the operation (a generated client would silently drop it), at the top of the answer as deep in a list.
 * The answers are real ones of the running server, each given one property more.
 */
@IntegrationTest
class ResponseContractTest {

    @LocalServerPort
    int port;

    @Test
    void anAnswerCarryingAPropertyItsSchemaDoesNotDeclareFailsTheTest() {
        TestApi api = new TestApi(port);
        ResponseContract contract = ResponseContract.of(api.base());
        URI unit = URI.create(api.base() + "/api/v1/units/25195");
        TestApi.Response real = api.get("/api/v1/units/25195");
        assertThat(real.status()).isEqualTo(200);
        contract.check("GET", unit, real); // as it is: declared

        ObjectNode extra = (ObjectNode) real.json().deepCopy();
        extra.put("internalNote", "không công bố");
        assertThatThrownBy(() -> contract.check("GET", unit, withBody(real, extra)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /api/v1/units/{code} 200").hasMessageContaining("/internalNote");

        URI list = URI.create(api.base() + "/api/v1/procedures?size=2");
        TestApi.Response page = api.get("/api/v1/procedures?size=2");
        assertThat(page.status()).isEqualTo(200);
        ObjectNode deep = (ObjectNode) page.json().deepCopy();
        ((ObjectNode) deep.get("items").get(1)).put("score", 0.5);
        assertThatThrownBy(() -> contract.check("GET", list, withBody(page, deep)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("/items/1/score");
    }

    private static TestApi.Response withBody(TestApi.Response r, ObjectNode body) {
        return new TestApi.Response(r.status(), r.headers(), TestApi.json().writeValueAsBytes(body));
    }
}
