package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * The result message tells the applicant what to do for the way the result is delivered: a paper result collected
 * at the counter says to come (now, in working hours, with the receipt); an electronic one says there is no need to
 * come and, once released, to download it; a postal one names the address. Never "come to the counter" for a
 * result that is downloaded.
 */
@IntegrationTest
class ResultNotificationsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestApi as(String user) {
        return new TestApi(port).as(user);
    }

    /** The SMS text of the applicant's message for an action, waiting for the outbox consumer. */
    String sms(String code, String action) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            List<String> texts = jdbc.sql("""
                    select body from notification where dossier_code = :c and event = :e and channel = 'SMS'""")
                    .param("c", code).param("e", action).query(String.class).list();
            if (!texts.isEmpty()) {
                return texts.getFirst();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no SMS for " + action + " of " + code);
    }

    String subject(String code, String action) {
        return jdbc.sql("""
                select subject from notification where dossier_code = :c and event = :e and channel = 'EMAIL'""")
                .param("c", code).param("e", action).query(String.class).list().stream().findFirst().orElse("");
    }

    JsonNode completed(TestApi desk, JsonNode d) {
        TestApi specialist = as("chuyenvien.tanphu");
        TestApi leader = as("lanhdao.tanphu");
        JsonNode p = d.get("status").asString().equals("SUBMITTED") ? ProcessingApiTest.act(desk, d, "ACCEPT", Map.of()) : d;
        p = ProcessingApiTest.act(desk, p, "FORWARD", Map.of());
        p = ProcessingApiTest.act(specialist, p, "FORWARD", Map.of());
        return ProcessingApiTest.act(leader, p, "COMPLETE", Map.of("generateResult", true));
    }

    @Test
    void aPaperResultAtTheCounterSaysComeWithTheReceipt() throws Exception {
        TestApi desk = as("tiepnhan.tanphu");
        JsonNode d = desk.post("/api/v1/office/dossiers", TestDossiers.body(desk, TestDossiers.MARITAL,
                TestDossiers.TAN_PHU, TestDossiers.phone())).json();
        String code = d.get("code").asString();
        JsonNode done = completed(desk, d);

        String sms = sms(code, "COMPLETE");
        assertThat(sms).contains("Mời ông/bà đến nhận tại").contains("trong giờ làm việc")
                .contains("Giấy tiếp nhận").doesNotContain("tải về");
        assertThat(subject(code, "COMPLETE")).endsWith("mời đến nhận tại quầy");

        ProcessingApiTest.act(desk, done, "RETURN_RESULT", Map.of());
        assertThat(sms(code, "RETURN_RESULT")).contains("tại quầy");
    }

    @Test
    void anElectronicResultSaysNoNeedToComeAndThenDownload() throws Exception {
        TestApi citizen = as("congdan1");
        TestApi desk = as("tiepnhan.tanphu");
        JsonNode d = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, TestDossiers.MARITAL,
                TestDossiers.TAN_PHU, TestDossiers.phone())).json();
        String code = d.get("code").asString();
        JsonNode done = completed(desk, d);

        String sms = sms(code, "COMPLETE");
        assertThat(sms).contains("kết quả điện tử").contains("không cần đến quầy")
                .doesNotContain("Mời ông/bà đến nhận").doesNotContain("nhận kết quả tại");
        assertThat(jdbc.sql("select body from notification where dossier_code = :c and event = 'COMPLETE'"
                        + " and channel = 'EMAIL'").param("c", code).query(String.class).single())
                .contains("ông/bà không cần đến quầy").doesNotContain("mang theo Giấy tiếp nhận");

        ProcessingApiTest.act(desk, done, "RETURN_RESULT", Map.of());
        assertThat(sms(code, "RETURN_RESULT")).contains("tải về tại mục Hồ sơ của tôi, không cần đến quầy");
        assertThat(subject(code, "RETURN_RESULT")).isEqualTo("Kết quả hồ sơ " + code + ": tải về ngay");
    }
}
