package vn.motcua.index766;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.notification.NotificationTestEvents;
import vn.motcua.organization.Organization;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;
import vn.motcua.test.TestDossiers;

/**
 * Issue 11, the last two views by the units of the period only: the index core's statistics
 * ({@code GET /api/v1/stats/dossiers}, with the counter walk-ins) and the public transparency page ({@code /cong-khai})
 * take {@code units=AT_PERIOD|TODAY}. March 2024 re-mapped to today's units: Phường Bình Phước (25195) is the sum of
 * the six former communes it was formed from (Tân Phú's and Tiến Hưng's dossiers and walk-ins among them), and the
 * province's figures are the same either way.
 */
@IntegrationTest
class StatsAndPublicPageTodayUnitsTest {

    static final String PERIOD = "from=" + Index766TodayUnitsTest.FROM + "&to=" + Index766TodayUnitsTest.TO;
    static final List<String> FIELDS = List.of("received", "online", "finished", "onTime", "early", "late",
            "inProgress", "overdue", "guidedAtDesk", "refusedAtDesk");

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

    @Test
    void theDossierStatisticsOf2024ReMappedToTodaysWardAreTheSumsOfTheFormerCommunes() throws InterruptedException {
        Index766TodayUnitsTest.filedIn2024(port, clock);
        TestApi api = new TestApi(port);
        String dongXoai = "/api/v1/stats/dossiers?unit=689&groupBy=UNIT&" + PERIOD;
        long guidedBefore = sum(rows(api.get(dongXoai).json()), List.of("25213"))[8];
        // a walk-in guided at Tiến Hưng's counter in March 2024 (form 02, no dossier)
        clock.set(OffsetDateTime.of(2024, 3, 14, 10, 0, 0, 0, ZoneOffset.ofHours(7)));
        try {
            var guided = new TestApi(port).as("tiepnhan.tienhung").post("/api/v1/office/desk-visits", Map.of(
                    "form", "GUIDANCE", "procedureCode", TestDossiers.MARITAL, "applicantName", "Trần Thị Bình",
                    "items", List.of("Bản sao quyết định ly hôn")));
            assertThat(guided.status()).as(guided.toString()).isEqualTo(201);
        } finally {
            clock.reset();
        }
        NotificationTestEvents.await("Tiến Hưng's walk-in in the statistics",
                () -> sum(rows(api.get(dongXoai).json()), List.of("25213"))[8], g -> g > guidedBefore);

        List<String> formers = organization.predecessors("25195");
        assertThat(formers).contains("25195", "25213").hasSize(6);
        // by the units of the time: Đồng Xoài's communes, among them the six Phường Bình Phước was formed from
        Map<String, JsonNode> old = rows(api.get(dongXoai).json());
        assertThat(old).containsKeys("25195", "25213");
        assertThat(old.get("25213").get("name").asString()).isEqualTo("Xã Tiến Hưng");
        long[] formerSums = sum(old, formers);
        assertThat(formerSums[0]).as("received").isGreaterThanOrEqualTo(3);
        assertThat(formerSums[8]).as("guided at a desk").isPositive();

        // by today's units: the province is today's, one row per commune or ward of today, the ward the sum
        JsonNode today = api.get("/api/v1/stats/dossiers?groupBy=UNIT&units=TODAY&" + PERIOD).json();
        Map<String, JsonNode> todayRows = rows(today);
        // (a former district's own dossiers — filed at no commune, e.g. by other tests — keep the district's row: a
        // district has no successor; its communes are no longer rows of their own)
        assertThat(todayRows).containsKey("25195").doesNotContainKeys("25213", "25198");
        assertThat(todayRows.get("25195").get("name").asString()).isEqualTo("Phường Bình Phước");
        assertThat(values(todayRows.get("25195"))).isEqualTo(formerSums);
        // a former commune asked for by today's units is the ward it formed
        JsonNode fromFormer = api.get("/api/v1/stats/dossiers?unit=25213&groupBy=UNIT&units=TODAY&" + PERIOD).json();
        assertThat(fromFormer.size()).isEqualTo(1);
        assertThat(fromFormer.get(0).get("key").asString()).isEqualTo("25195");
        assertThat(values(fromFormer.get(0))).isEqualTo(formerSums);

        // the province's figures are the same either way: nothing lost, nothing counted twice
        JsonNode byDistrict = api.get("/api/v1/stats/dossiers?groupBy=UNIT&" + PERIOD).json();
        assertThat(total(today)).isEqualTo(total(byDistrict));
        assertThat(total(api.get("/api/v1/stats/dossiers?groupBy=LEVEL&units=TODAY&" + PERIOD).json()))
                .isEqualTo(total(api.get("/api/v1/stats/dossiers?groupBy=LEVEL&" + PERIOD).json()));

        var bad = api.get("/api/v1/stats/dossiers?groupBy=UNIT&units=HIEN_NAY&" + PERIOD);
        assertThat(bad.status()).isEqualTo(400);
        JsonNode error = bad.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("units");
        assertThat(error.get("message").asString()).contains("HIEN_NAY").contains("theo đơn vị hiện nay");
    }

    @Test
    void thePublicPageOf2024ByTodaysUnitsShowsTheWardWithTheFormerCommunesFigures() throws InterruptedException {
        Index766TodayUnitsTest.filedIn2024(port, clock);
        String period = "/cong-khai?period=" + Index766TodayUnitsTest.PERIOD;
        List<String> formers = organization.predecessors("25195");

        // by the units of the time (the default): Bình Phước, its districts, the communes of 2024 folded below
        var old = new PageSession(port).get(period);
        assertThat(old.status()).isEqualTo(200);
        assertThat(old.html()).contains("Bình Phước").contains("Theo đơn vị tại kỳ báo cáo")
                .contains("id=\"ranking-districts\"");
        assertThat(checked(old.html())).isEqualTo("AT_PERIOD");
        Map<String, Long> oldRows = received(old.html());
        assertThat(oldRows).containsKeys("25195", "25213");
        long formerSum = formers.stream().mapToLong(c -> oldRows.getOrDefault(c, 0L)).sum();
        assertThat(formerSum).isGreaterThanOrEqualTo(3);

        // by today's units: Tỉnh Đồng Nai over former Bình Phước, today's communes and wards, no district
        var today = new PageSession(port).get(period + "&units=TODAY");
        assertThat(today.status()).isEqualTo(200);
        assertThat(today.html()).contains("Tỉnh Đồng Nai").contains("Tháng 3/2024")
                .contains("Gồm số liệu của các đơn vị trước sắp xếp").doesNotContain("id=\"ranking-districts\"");
        assertThat(checked(today.html())).isEqualTo("TODAY");
        Map<String, Long> todayRows = received(today.html());
        // (a former district's own dossiers — filed at no commune, e.g. by other tests — keep the district's row: a
        // district has no successor; its communes are no longer rows of their own)
        assertThat(todayRows).containsKey("25195").doesNotContainKeys("25213", "25198");
        assertThat(todayRows.get("25195")).as("Phường Bình Phước = its six former communes").isEqualTo(formerSum);
        assertThat(kpiReceived(today.html())).as("the province's dossiers received, the same either way")
                .isEqualTo(kpiReceived(old.html())).isPositive();

        // in English too, from the messages
        assertThat(new PageSession(port, "en").get(period + "&units=TODAY").html()).contains("Today&#39;s units")
                .contains("Today&#39;s communes and wards");

        var bad = new PageSession(port).get(period + "&units=HOM_NAY");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html()).contains("HOM_NAY").contains("(units)").contains("theo đơn vị hiện nay");
    }

    /** The rows of the statistics by key. */
    static Map<String, JsonNode> rows(JsonNode stats) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        stats.forEach(r -> out.put(r.get("key").asString(), r));
        return out;
    }

    static long[] values(JsonNode row) {
        return FIELDS.stream().mapToLong(f -> row.get(f).asLong()).toArray();
    }

    static long[] sum(Map<String, JsonNode> rows, List<String> keys) {
        long[] s = new long[FIELDS.size()];
        for (String k : keys) {
            if (rows.containsKey(k)) {
                long[] v = values(rows.get(k));
                for (int i = 0; i < s.length; i++) {
                    s[i] += v[i];
                }
            }
        }
        return s;
    }

    static long[] total(JsonNode stats) {
        return sum(rows(stats), List.copyOf(rows(stats).keySet()));
    }

    private static final Pattern ROW = Pattern.compile(
            "<tr data-unit=\"([^\"]+)\">.*?<td class=\"received\">([^<]*)</td>", Pattern.DOTALL);

    /** The received column of the page's ranking tables, by unit code. */
    static Map<String, Long> received(String html) {
        Map<String, Long> out = new LinkedHashMap<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            out.put(m.group(1), number(m.group(2)));
        }
        return out;
    }

    static long kpiReceived(String html) {
        Matcher m = Pattern.compile("<div id=\"kpi-received\"><strong>([^<]*)</strong>").matcher(html);
        assertThat(m.find()).as("the received figure").isTrue();
        return number(m.group(1));
    }

    static String checked(String html) {
        Matcher m = Pattern.compile("<input[^>]*name=\"units\"[^>]*>").matcher(html);
        List<String> checked = new java.util.ArrayList<>();
        while (m.find()) {
            if (m.group().contains("checked")) {
                Matcher v = Pattern.compile("value=\"([A-Z_]+)\"").matcher(m.group());
                assertThat(v.find()).isTrue();
                checked.add(v.group(1));
            }
        }
        assertThat(checked).as("one units choice checked").hasSize(1);
        return checked.getFirst();
    }

    private static long number(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }
}
