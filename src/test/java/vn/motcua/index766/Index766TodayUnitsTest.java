package vn.motcua.index766;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.organization.Organization;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;
import vn.motcua.test.TestDossiers;

/**
 * A period of 2024 by the units in force then and re-mapped to today's units (issue 11), over HTTP: the index, the
 * ranking and the report tables of Phường Bình Phước (25195 today) are the sums of the six former communes it was
 * formed from, whose dossiers were filed in March 2024 under Phường Tân Phú and Xã Tiến Hưng.
 */
@IntegrationTest
class Index766TodayUnitsTest {

    static final String PERIOD = "2024-03";
    static final String FROM = "2024-03-01";
    static final String TO = "2024-03-31";
    static final String TIEN_HUNG = "70.689.25213.MC";
    /** The indicators counted per dossier, whose numerator and denominator are sums. */
    static final List<String> COUNTED = List.of("2.1", "2.2", "3.3", "3.6", "4.1", "4.2", "4.5b", "5.4");

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Organization organization;

    @AfterEach
    void reset() {
        clock.reset();
    }

    /** Three dossiers received at the counters in March 2024: one at Tân Phú, two at Tiến Hưng; then counted. */
    static synchronized List<String> filedIn2024(int port, TestClock clock) throws InterruptedException {
        List<String> codes = new ArrayList<>();
        TestApi api = new TestApi(port);
        long before = received(api, "25213", "AT_PERIOD");
        clock.set(OffsetDateTime.of(2024, 3, 12, 9, 0, 0, 0, ZoneOffset.ofHours(7)));
        try {
            TestApi tanPhu = new TestApi(port).as("tiepnhan.tanphu");
            var a = tanPhu.post("/api/v1/office/dossiers", TestDossiers.body(tanPhu, TestDossiers.MARITAL,
                    TestDossiers.TAN_PHU, TestDossiers.phone()));
            assertThat(a.status()).as(a.toString()).isEqualTo(201);
            codes.add(a.json().get("code").asString());
            TestApi tienHung = new TestApi(port).as("tiepnhan.tienhung");
            for (int i = 0; i < 2; i++) {
                var b = tienHung.post("/api/v1/office/dossiers", TestDossiers.body(tienHung, TestDossiers.MARITAL,
                        TIEN_HUNG, TestDossiers.phone()));
                assertThat(b.status()).as(b.toString()).isEqualTo(201);
                codes.add(b.json().get("code").asString());
            }
        } finally {
            clock.reset();
        }
        for (int i = 0; i < 300 && received(api, "25213", "AT_PERIOD") < before + 2; i++) {
            Thread.sleep(100);
        }
        assertThat(received(api, "25213", "AT_PERIOD")).as("Tiến Hưng's two dossiers counted").isEqualTo(before + 2);
        return codes;
    }

    /** Dossiers received in March 2024 (3.3's denominator) of a unit. */
    static long received(TestApi api, String unit, String units) {
        return indicator(api.get("/api/v1/index766?unit=" + unit + "&period=" + PERIOD + "&units=" + units).json(), "3.3")
                .get("denominator").asLong();
    }

    static JsonNode indicator(JsonNode index, String id) {
        for (JsonNode g : index.get("groups")) {
            for (JsonNode i : g.get("indicators")) {
                if (i.get("id").asString().equals(id)) {
                    return i;
                }
            }
        }
        throw new AssertionError("no indicator " + id);
    }

    @Test
    void theIndexOf2024ReMappedToTodaysWardIsTheSumOfTheFormerCommunes() throws InterruptedException {
        filedIn2024(port, clock);
        TestApi api = new TestApi(port);
        List<String> formers = organization.predecessors("25195");
        assertThat(formers).containsExactlyInAnyOrder("25195", "25198", "25201", "25204", "25205", "25213");

        JsonNode today = api.get("/api/v1/index766?unit=25195&period=" + PERIOD + "&units=TODAY").json();
        assertThat(today.get("unitName").asString()).isEqualTo("Phường Bình Phước");
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (String former : formers) {
            JsonNode old = api.get("/api/v1/index766?unit=" + former + "&period=" + PERIOD).json();
            for (String id : COUNTED) {
                JsonNode i = indicator(old, id);
                long[] s = sums.computeIfAbsent(id, k -> new long[2]);
                s[0] += i.get("numerator").asLong();
                s[1] += i.get("denominator").asLong();
            }
        }
        for (String id : COUNTED) {
            JsonNode i = indicator(today, id);
            assertThat(new long[] {i.get("numerator").asLong(), i.get("denominator").asLong()}).as(id)
                    .isEqualTo(sums.get(id));
        }
        long tanPhu = received(api, "25195", "AT_PERIOD");
        long tienHung = received(api, "25213", "AT_PERIOD");
        assertThat(tanPhu).as("Tân Phú in March 2024").isPositive();
        assertThat(tienHung).as("Tiến Hưng in March 2024").isGreaterThanOrEqualTo(2);
        assertThat(received(api, "25195", "TODAY")).isEqualTo(sums.get("3.3")[1])
                .isGreaterThanOrEqualTo(tanPhu + tienHung);

        // a former commune asked by today's units is the ward it formed: Tiến Hưng → Phường Bình Phước
        JsonNode fromFormer = api.get("/api/v1/index766?unit=25213&period=" + PERIOD + "&units=TODAY").json();
        assertThat(fromFormer.get("unit").asString()).isEqualTo("25195");
        assertThat(indicator(fromFormer, "3.3").get("denominator").asLong()).isEqualTo(sums.get("3.3")[1]);

        // the ranking by today's wards: Phường Bình Phước with the sum, no former commune
        JsonNode ranking = api.get("/api/v1/index766/ranking?level=COMMUNE&period=" + PERIOD + "&units=TODAY").json();
        List<String> ranked = new ArrayList<>();
        ranking.forEach(r -> ranked.add(r.get("unit").asString()));
        assertThat(ranked).contains("25195").doesNotContain("25213", "25198");
        for (JsonNode r : ranking) {
            if (r.get("unit").asString().equals("25195")) {
                assertThat(r.get("name").asString()).isEqualTo("Phường Bình Phước");
                assertThat(r.get("received").asLong()).isEqualTo(sums.get("3.3")[1]);
            }
        }
        // the drill-down lists the former communes' dossiers
        JsonNode rows = new TestApi(port).as("giamsat").get("/api/v1/index766/3.3/dossiers?unit=25195&period=" + PERIOD
                + "&part=denominator&size=100&units=TODAY").json();
        assertThat(rows.get("total").asLong()).isEqualTo(sums.get("3.3")[1]);
        List<String> agencies = new ArrayList<>();
        rows.get("items").forEach(r -> agencies.add(r.get("agencyCode").asString()));
        assertThat(agencies).contains(TestDossiers.TAN_PHU, TIEN_HUNG);

        var bad = api.get("/api/v1/index766?unit=25195&period=" + PERIOD + "&units=SOMETIMES");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("units");
        assertThat(bad.json().get("errors").get(0).get("message").asString()).contains("Theo đơn vị hiện nay".toLowerCase());
    }

    @Test
    void theReportsOf2024ReMappedToTodaysWardsAreTheSumsOfTheFormerCommunes() throws InterruptedException {
        filedIn2024(port, clock);
        TestApi api = new TestApi(port);
        String period = "from=" + FROM + "&to=" + TO;
        List<String> formers = organization.predecessors("25195");

        // Bảng 3 of the province by the units of 2024: rows for Tân Phú and Tiến Hưng
        JsonNode old = api.get("/api/v1/stats/by-unit?" + period).json();
        assertThat(old.get("units").asString()).isEqualTo("AT_PERIOD");
        Map<String, JsonNode> oldRows = rows(old);
        assertThat(oldRows).containsKeys("25195", "25213");
        assertThat(oldRows.get("25195").get("name").asString()).isEqualTo("Phường Tân Phú");
        long[] sum = new long[3];
        for (String former : formers) {
            JsonNode r = oldRows.get(former);
            if (r != null) {
                sum[0] += r.get("counts").get("received").asLong();
                sum[1] += r.get("counts").get("processed").asLong();
                sum[2] += r.get("counts").get("inProgress").asLong();
            }
        }
        assertThat(sum[0]).isGreaterThanOrEqualTo(3);

        // by today's units: one row for Phường Bình Phước with the sums, none for the former communes
        JsonNode today = api.get("/api/v1/stats/by-unit?" + period + "&units=TODAY").json();
        assertThat(today.get("units").asString()).isEqualTo("TODAY");
        assertThat(today.get("unit").asString()).as("today's province").isEqualTo("75");
        Map<String, JsonNode> todayRows = rows(today);
        assertThat(todayRows).containsKey("25195").doesNotContainKeys("25213", "25198");
        JsonNode ward = todayRows.get("25195");
        assertThat(ward.get("name").asString()).isEqualTo("Phường Bình Phước");
        assertThat(new long[] {ward.get("counts").get("received").asLong(), ward.get("counts").get("processed").asLong(),
            ward.get("counts").get("inProgress").asLong()}).isEqualTo(sum);
        assertThat(today.get("total").get("counts").get("received").asLong())
                .as("nothing lost or counted twice: the province's total is the same")
                .isEqualTo(old.get("total").get("counts").get("received").asLong());

        // one ward asked for: its total is the sum of the former communes' totals, and it says what it includes
        long perFormer = 0;
        for (String former : formers) {
            perFormer += api.get("/api/v1/stats/by-level?" + period + "&unit=" + former).json().get("total")
                    .get("counts").get("received").asLong();
        }
        JsonNode wardReport = api.get("/api/v1/stats/by-level?" + period + "&unit=25195&units=TODAY").json();
        assertThat(wardReport.get("unitName").asString()).isEqualTo("Phường Bình Phước");
        assertThat(wardReport.get("total").get("counts").get("received").asLong()).isEqualTo(perFormer)
                .isEqualTo(sum[0]);
        List<String> formedFrom = new ArrayList<>();
        wardReport.get("formedFrom").forEach(n -> formedFrom.add(n.asString()));
        assertThat(formedFrom).contains("Phường Tân Phú", "Xã Tiến Hưng").hasSize(6);

        // the online rates too
        JsonNode online = api.get("/api/v1/stats/online-rates?" + period + "&units=TODAY").json();
        JsonNode onlineWard = rows(online).get("25195");
        assertThat(onlineWard.get("received").asLong()).isEqualTo(
                rows(api.get("/api/v1/stats/online-rates?" + period).json()).entrySet().stream()
                        .filter(e -> formers.contains(e.getKey()))
                        .mapToLong(e -> e.getValue().get("received").asLong()).sum());

        var bad = api.get("/api/v1/stats/by-unit?" + period + "&units=HOM_NAY");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("units");
    }

    private static Map<String, JsonNode> rows(JsonNode report) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        report.get("rows").forEach(r -> out.put(r.get("key").asString(), r));
        return out;
    }
}
