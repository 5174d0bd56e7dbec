package vn.motcua.index766;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * The 766 indicators 5.1–5.3 (issue 15) computed from the feedback module for each unit: an item counts for the agency
 * it was routed to, for the units above that agency and for the province; spam counts for no one; an item handled on
 * time and one still within its time are both "on time". Counted as differences: other tests share the database.
 */
@IntegrationTest
class Index766FeedbackTest {

    static final String TAN_PHU = TestDossiers.TAN_PHU;
    static final String TIEN_HUNG = "70.689.25213.MC";
    static final String PROVINCE = "70";

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    record Fraction(long numerator, long denominator) {
        Fraction minus(Fraction o) {
            return new Fraction(numerator - o.numerator, denominator - o.denominator);
        }
    }

    Map<String, Fraction> indicators(String unit) {
        String month = YearMonth.now(clock.withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))).toString();
        var r = new TestApi(port).get("/api/v1/index766?unit=" + unit + "&period=" + month);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Map<String, Fraction> out = new HashMap<>();
        for (JsonNode g : r.json().get("groups")) {
            for (JsonNode i : g.get("indicators")) {
                String id = i.get("id").asString();
                if (id.startsWith("5.") && !id.equals("5.4")) {
                    assertThat(i.get("computable").asBoolean()).as(id + " computed from the feedback module").isTrue();
                    out.put(id, new Fraction(i.get("numerator").asLong(), i.get("denominator").asLong()));
                }
            }
        }
        assertThat(out).containsOnlyKeys("5.1", "5.2", "5.3");
        return out;
    }

    static JsonNode act(TestApi who, JsonNode item, String action, Map<String, Object> extra) {
        Map<String, Object> b = new HashMap<>(extra);
        b.put("version", item.get("version").asInt());
        var r = who.post("/api/v1/office/feedback/" + item.get("code").asString() + "/actions/" + action, b);
        assertThat(r.status()).as(action + ": " + r).isEqualTo(200);
        return r.json();
    }

    JsonNode received(TestApi desk, String title) {
        Map<String, Object> b = new HashMap<>();
        b.put("category", "REGULATION");
        b.put("title", title);
        b.put("content", "Niêm yết thủ tục ở bộ phận một cửa chưa cập nhật lệ phí mới.");
        b.put("senderName", "Trần Thị Bích");
        b.put("senderPhone", TestDossiers.phone());
        var r = desk.post("/api/v1/office/feedback", b);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    @Test
    void feedbackCountsForTheAgencyItWasRoutedToItsUnitsAndTheProvinceButSpamForNoOne() {
        TestApi api = new TestApi(port);
        TestApi desk = api.as("tiepnhan.tanphu");
        Map<String, Fraction> agencyBefore = indicators(TAN_PHU);
        Map<String, Fraction> otherBefore = indicators(TIEN_HUNG);
        Map<String, Fraction> provinceBefore = indicators(PROVINCE);

        // one answered and approved (handled on time), one routed and still within its time, one spam
        JsonNode answered = received(desk, "Bảng niêm yết cũ");
        answered = act(desk, answered, "classify", Map.of("category", "REGULATION"));
        answered = act(desk, answered, "route", Map.of("agencyCode", TAN_PHU));
        answered = act(api.as("chuyenvien.tanphu"), answered, "answer", Map.of("note", "Đã thay bảng niêm yết."));
        act(api.as("lanhdao.tanphu"), answered, "approve", Map.of());
        JsonNode open = received(desk, "Thiếu ghế chờ");
        open = act(desk, open, "classify", Map.of("category", "REGULATION"));
        act(desk, open, "route", Map.of("agencyCode", TAN_PHU));
        act(desk, received(desk, "Quảng cáo vay tiền"), "mark-spam", Map.of());

        Map<String, Fraction> agency = indicators(TAN_PHU);
        assertThat(agency.get("5.1").minus(agencyBefore.get("5.1"))).as("5.1: both classified, spam aside")
                .isEqualTo(new Fraction(2, 2));
        assertThat(agency.get("5.2").minus(agencyBefore.get("5.2"))).as("5.2: handled on time + within time")
                .isEqualTo(new Fraction(2, 2));
        assertThat(agency.get("5.3").minus(agencyBefore.get("5.3"))).as("5.3: neither unsatisfied, late nor raised")
                .isEqualTo(new Fraction(2, 2));
        assertThat(indicators(TIEN_HUNG)).as("another agency's figures do not move").isEqualTo(otherBefore);
        Map<String, Fraction> province = indicators(PROVINCE);
        assertThat(province.get("5.2").minus(provinceBefore.get("5.2"))).as("the province: spam aside")
                .isEqualTo(new Fraction(2, 2));
    }
}
