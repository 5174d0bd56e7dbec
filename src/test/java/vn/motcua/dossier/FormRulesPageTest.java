package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * The eForm's cross-field rules on the apply page, without JavaScript: a birth declared with the father's
 * identification number equal to the mother's and a mother born after the child is sent back with each message next
 * to its field and linked from the error summary; nothing is created.
 */
@IntegrationTest
class FormRulesPageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void crossFieldProblemsAreShownNextToTheirFieldsAndNothingIsCreated() {
        TestApi api = new TestApi(port).as("congdan1");
        Map<String, Object> body = TestDossiers.body(api, "1.001193", TestDossiers.TAN_PHU, TestDossiers.phone());
        int before = api.get("/api/v1/dossiers?size=1").json().path("total").asInt();

        PageSession s = new PageSession(port).logIn("congdan1");
        var page = s.get("/nop-ho-so/1.001193");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("agencyCode", TestDossiers.TAN_PHU);
        params.put("idempotencyKey", page.input("idempotencyKey"));
        @SuppressWarnings("unchecked")
        Map<String, Object> applicant = (Map<String, Object>) body.get("applicant");
        applicant.forEach((k, v) -> params.put("applicant." + k, String.valueOf(v)));
        JsonNode form = JSON.valueToTree(body.get("form"));
        flatten(form, "form", params);
        params.put("form.father.idNumber", form.path("mother").path("idNumber").asString());
        params.put("form.mother.birthDate", "2025-04-01");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attachments = (List<Map<String, Object>>) body.get("attachments");
        attachments.forEach(a -> params.put("fileId." + a.get("componentCode"), String.valueOf(a.get("fileId"))));

        var answer = s.post("/nop-ho-so/1.001193", params);
        assertThat(answer.status()).as(answer.toString()).isBetween(200, 499);
        String html = answer.html();
        assertThat(html).contains("<a href=\"#form-father-idNumber\">Số định danh cá nhân (Thông tin người cha): trùng"
                + " với số định danh cá nhân (Thông tin người mẹ); mỗi người có một số riêng.</a>");
        assertThat(html).contains("<a href=\"#form-mother-birthDate\">Ngày, tháng, năm sinh (Thông tin người mẹ): phải"
                + " trước ngày, tháng, năm sinh (Người được khai sinh) ít nhất 12 năm.</a>");
        // next to the field: the message comes right before its input
        int error = html.indexOf("<span class=\"field-error\">Số định danh cá nhân (Thông tin người cha): trùng");
        assertThat(error).isPositive();
        assertThat(html.indexOf("id=\"form-father-idNumber\"", error)).isPositive()
                .isLessThan(html.indexOf("id=\"form-father-residence\"", error));
        assertThat(api.get("/api/v1/dossiers?size=1").json().path("total").asInt()).isEqualTo(before);
    }

    private static void flatten(JsonNode node, String prefix, Map<String, String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(e.getValue(), prefix + "." + e.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), prefix + "[" + i + "]", out);
            }
        } else {
            out.put(prefix, node.isString() ? node.asString() : node.toString());
        }
    }
}
