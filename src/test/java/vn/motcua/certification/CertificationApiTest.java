package vn.motcua.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.signing.internal.Pdfsig;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;
import vn.motcua.test.TestDossiers;

/**
 * Electronic certified copies through the HTTP API, on the settable clock: the fee from the catalogue's engine, the
 * journey received → chờ ký → chờ đóng dấu → hoàn thành with gap-free numbers, the signed e-copy (pdfsig and the
 * verification API), refusal with an Art. 22 ground, cancellation, roles, versions, and the same-day / 15:00 rule.
 */
@IntegrationTest
class CertificationApiTest {

    static final String TAN_PHU = TestDossiers.TAN_PHU;

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    WorkingCalendar calendar;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    TestApi api(String who) {
        return new TestApi(port).as(who);
    }

    JsonNode request(TestApi citizen, int copies) {
        String file = TestDossiers.upload(citizen, "bang-tot-nghiep.pdf");
        var r = citizen.post("/api/v1/certifications", Map.of("agencyCode", TAN_PHU,
                "documentName", "Bằng tốt nghiệp trung học phổ thông", "copies", copies, "originalFileId", file));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    static TestApi.Response actRaw(TestApi who, JsonNode c, String action, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("action", action);
        body.putIfAbsent("version", c.get("version").asInt());
        return who.post("/api/v1/certifications/" + c.get("code").asString() + "/actions", body);
    }

    static JsonNode act(TestApi who, JsonNode c, String action) {
        var r = actRaw(who, c, action, Map.of());
        assertThat(r.status()).as(action + ": " + r).isEqualTo(200);
        return r.json();
    }

    @Test
    void theFeeComesFromTheCataloguePerPagePerCopyWithTheCap() {
        TestApi citizen = api("congdan1");
        assertThat(citizen.get("/api/v1/certifications/fee?pages=3&copies=1").json().get("total").asLong()).isEqualTo(5_000);
        assertThat(citizen.get("/api/v1/certifications/fee?pages=3&copies=2").json().get("total").asLong()).isEqualTo(10_000);
        assertThat(citizen.get("/api/v1/certifications/fee?pages=300&copies=1").json().get("total").asLong()).isEqualTo(200_000);
        assertThat(citizen.get("/api/v1/certifications/fee?pages=300&copies=2").json().get("total").asLong()).isEqualTo(400_000);
        assertThat(citizen.get("/api/v1/certifications/fee?pages=0").status()).isEqualTo(400);
    }

    @Test
    void theJourneyFromReceivedToASignedNumberedCopyKeptForReuse() {
        TestApi citizen = api("congdan1");
        TestApi certifier = api("chungthuc.tanphu");
        JsonNode c = request(citizen, 2);
        assertThat(c.get("status").asString()).isEqualTo("TIEP_NHAN");
        assertThat(c.get("pages").asInt()).as("counted from the PDF").isEqualTo(1);
        assertThat(c.get("fee").asLong()).as("1 page × 2,000 × 2 copies").isEqualTo(4_000);
        assertThat(c.get("allowedActions").toString()).contains("CANCEL").doesNotContain("COMPARE");
        assertThat(actRaw(citizen, c, "COMPARE", Map.of()).status()).as("not the citizen's to do").isEqualTo(409);

        JsonNode compared = act(certifier, c, "COMPARE");
        assertThat(compared.get("status").asString()).isEqualTo("CHO_KY");
        assertThat(compared.get("statement").asString()).contains("đúng với bản chính");
        assertThat(actRaw(certifier, c, "SIGN", Map.of()).status()).as("stale version").isEqualTo(409);

        JsonNode signed = act(certifier, compared, "SIGN");
        assertThat(signed.get("status").asString()).isEqualTo("CHO_DONG_DAU");
        String number = signed.get("certificationNumber").asString();
        assertThat(number).matches("Số chứng thực: \\d+; Quyển số: 01/\\d{4}-SCT/BS-ĐT");
        JsonNode done = act(certifier, signed, "SEAL");
        assertThat(done.get("status").asString()).isEqualTo("HOAN_THANH");
        assertThat(done.get("signedDocumentId").asString()).isNotBlank();

        var copy = citizen.get("/api/v1/certifications/" + c.get("code").asString() + "/copy.pdf");
        assertThat(copy.status()).isEqualTo(200);
        String report = Pdfsig.check(copy.body());
        assertThat(Pdfsig.valid(report)).as("the certifier and the agency: " + report).isEqualTo(2);
        JsonNode v = new TestApi(port).get("/api/v1/verify/" + done.get("signedDocumentId").asString()).json();
        assertThat(v.get("verdict").asString()).as(v.toString()).isEqualTo("VALID");
        assertThat(v.get("registered").get("kind").asString()).isEqualTo("CERTIFIED_COPY");
        assertThat(citizen.get("/api/v1/certifications/mine").text()).contains(c.get("code").asString());
        assertThat(api("congdan2").get("/api/v1/certifications/" + c.get("code").asString()).status())
                .as("someone else's").isEqualTo(404);

        // the next copy of the book gets the next number: no gaps
        JsonNode next = act(certifier, act(certifier, request(citizen, 1), "COMPARE"), "SIGN");
        int n1 = Integer.parseInt(number.replaceAll("^Số chứng thực: (\\d+);.*$", "$1"));
        int n2 = Integer.parseInt(next.get("certificationNumber").asString().replaceAll("^Số chứng thực: (\\d+);.*$", "$1"));
        assertThat(n2).isEqualTo(n1 + 1);
        var history = certifier.get("/api/v1/certifications/" + c.get("code").asString() + "/history").json();
        assertThat(history.size()).as("receive, compare, sign, seal").isEqualTo(4);

        // 766 indicator 4.6: the commune of Tân Phú now offers e-certification (1 of 1); the province counts it
        String month = java.time.YearMonth.now(ZoneOffset.ofHours(7)).toString();
        long[] commune = indicator("4.6", TAN_PHU, month);
        assertThat(commune).containsExactly(1, 1);
        long[] province = indicator("4.6", "70", month);
        assertThat(province[0]).isGreaterThanOrEqualTo(1);
        assertThat(province[1]).as("all communes of the province").isGreaterThan(province[0]);
    }

    long[] indicator(String id, String unit, String period) {
        JsonNode j = new TestApi(port).get("/api/v1/index766?unit=" + unit + "&period=" + period).json();
        for (JsonNode g : j.get("groups")) {
            for (JsonNode i : g.get("indicators")) {
                if (i.get("id").asString().equals(id)) {
                    assertThat(i.get("computable").asBoolean()).as(id + " computable").isTrue();
                    return new long[] {i.get("numerator").asLong(), i.get("denominator").asLong()};
                }
            }
        }
        throw new AssertionError(id);
    }

    @Test
    void refusedOnAGroundOfArticle22OrCancelledByTheApplicant() {
        TestApi citizen = api("congdan1");
        TestApi certifier = api("chungthuc.tanphu");
        JsonNode c = request(citizen, 1);
        var noGround = actRaw(certifier, c, "REFUSE", Map.of());
        assertThat(noGround.status()).isEqualTo(400);
        assertThat(noGround.json().get("errors").get(0).get("field").asString()).isEqualTo("ground");
        JsonNode refused = actRaw(certifier, c, "REFUSE", Map.of("ground", "ART22_3_DAMAGED",
                "note", "Bản chính rách, mờ số hiệu")).json();
        assertThat(refused.get("status").asString()).isEqualTo("TU_CHOI");
        assertThat(refused.get("refusalGround").asString()).isEqualTo("ART22_3_DAMAGED");
        assertThat(refused.get("allowedActions").size()).isZero();

        JsonNode other = request(citizen, 1);
        assertThat(act(citizen, other, "CANCEL").get("status").asString()).isEqualTo("HUY");
        assertThat(actRaw(certifier, other, "COMPARE", Map.of("version", 1)).status()).isEqualTo(409);

        var bad = citizen.post("/api/v1/certifications", Map.of("agencyCode", TAN_PHU, "copies", 0));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("documentName").contains("copies").contains("originalFileId");
    }

    @Test
    void sameDayBefore1500NextWorkingDayAfterAndTwoMoreDaysForMany() {
        LocalDate day = calendar.workingDayOnOrAfter(LocalDate.of(2026, 12, 15));
        ZoneOffset vn = ZoneOffset.ofHours(7);
        TestApi citizen = api("congdan1");

        clock.set(OffsetDateTime.of(day, LocalTime.of(14, 30), vn));
        OffsetDateTime due = OffsetDateTime.parse(request(citizen, 1).get("dueAt").asString());
        assertThat(due.toLocalDate()).isEqualTo(day);
        assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(17, 0));

        clock.set(OffsetDateTime.of(day, LocalTime.of(15, 30), vn));
        OffsetDateTime late = OffsetDateTime.parse(request(citizen, 1).get("dueAt").asString());
        assertThat(late.toLocalDate()).isEqualTo(calendar.nextWorkingDay(day));

        clock.set(OffsetDateTime.of(day, LocalTime.of(9, 0), vn));
        JsonNode many = request(citizen, 60);
        assertThat(many.get("extended").asBoolean()).isTrue();
        assertThat(OffsetDateTime.parse(many.get("dueAt").asString()).toLocalDate())
                .isEqualTo(calendar.nextWorkingDay(calendar.nextWorkingDay(day)));
    }
}
