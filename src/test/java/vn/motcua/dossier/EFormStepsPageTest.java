package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.test.PageSession;
import vn.motcua.test.TestDossiers;

/**
 * The steps of a long eForm work without JavaScript (plain form posts): the answers of earlier steps travel in the
 * page, step 3 shows only the blocks the case answers chose (a divorce asks for the divorce decision and nothing of
 * the other cases), and "Quay lại" keeps what was answered.
 */
@vn.motcua.test.IntegrationTest
class EFormStepsPageTest {

    @LocalServerPort
    int port;

    @Test
    void theCaseAnswersDecideWhatStepThreeAsksWithoutJavaScript() {
        PageSession s = new PageSession(port).logIn("congdan1");
        var one = s.get("/nop-ho-so/1.004873");
        assertThat(one.html()).contains("Bước 1/3").doesNotContain("name=\"form.person.fullName\"");
        String key = one.input("idempotencyKey");

        Map<String, String> p = new LinkedHashMap<>();
        p.put("idempotencyKey", key);
        p.put("step", "1");
        p.put("intent", "next");
        p.put("agencyCode", TestDossiers.TAN_PHU);
        p.put("applicant.fullName", "Nguyễn Văn An");
        p.put("applicant.idNumber", "070090001234");
        var two = s.post("/nop-ho-so/1.004873", p);
        assertThat(two.html()).contains("Bước 2/3").contains("name=\"form.maritalStatus\"")
                .doesNotContain("id=\"form-person-fullName\"");
        assertThat(two.input("applicant.fullName")).as("carried as a hidden input").isEqualTo("Nguyễn Văn An");

        Map<String, String> q = new LinkedHashMap<>();
        q.put("idempotencyKey", key);
        q.put("step", "2");
        q.put("intent", "next");
        q.put("agencyCode", TestDossiers.TAN_PHU);
        q.put("applicant.fullName", "Nguyễn Văn An");
        q.put("form.requesterRelationship", "SELF");
        q.put("form.scope", "CURRENT");
        q.put("form.maritalStatus", "DIVORCED");
        q.put("form.purpose", "OTHER");
        var three = s.post("/nop-ho-so/1.004873", q);
        String html = three.html();
        assertThat(html).contains("Bước 3/3").contains("id=\"form-divorceDecision\"").contains("id=\"form-purposeDetail\"")
                .contains("id=\"form-person\"");
        assertThat(html).doesNotContain("id=\"form-intendedSpouse\"").doesNotContain("id=\"form-currentSpouse\"")
                .doesNotContain("id=\"form-spouseDeath\"").doesNotContain("id=\"form-residencePeriod\"")
                .doesNotContain("id=\"form-authorizationDocument\"");
        assertThat(three.input("form.person.fullName")).as("the person, pre-filled for oneself")
                .isEqualTo("Nguyễn Văn An");
        assertThat(three.input("form.maritalStatus")).as("the case answer, carried").isEqualTo("DIVORCED");

        q.put("step", "3");
        q.put("intent", "back");
        var back = s.post("/nop-ho-so/1.004873", q);
        assertThat(back.html()).contains("Bước 2/3");
        assertThat(back.html()).containsPattern("value=\"DIVORCED\"\\s+checked");
    }
}
