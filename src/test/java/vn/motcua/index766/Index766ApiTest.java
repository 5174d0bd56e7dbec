package vn.motcua.index766;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.TestDossiers.MARITAL;
import static vn.motcua.test.TestDossiers.TAN_PHU;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.motcua.index766.internal.Index766Recount;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * Real dossiers through the HTTP API, then the index, its drill-down, the ranking, the trend and the statistics
 * as the public reads them; and the facts the outbox gave equal those a recount rebuilds.
 */
@IntegrationTest
class Index766ApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    vn.motcua.calendar.WorkingCalendar calendar;

    static final String MONTH = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Index766Recount recount;

    TestApi api() {
        return new TestApi(port);
    }

    private TestApi monitoring;

    /** The drill-down lists dossier codes: a monitoring account reads it (issue 17). */
    TestApi monitoring() {
        if (monitoring == null) {
            monitoring = new TestApi(port).as("giamsat");
        }
        return monitoring;
    }

    static JsonNode act(TestApi who, JsonNode d, String action, Map<String, Object> extra) {
        var body = new HashMap<String, Object>(extra);
        body.put("action", action);
        body.putIfAbsent("version", d.get("version").asInt());
        var r = who.post("/api/v1/office/dossiers/" + d.get("code").asString() + "/actions", body);
        assertThat(r.status()).as(action + ": " + r).isEqualTo(200);
        return r.json();
    }

    /** The index of Tân Phú this month with its drill-downs (IndexReadings). */
    IndexReadings readings() {
        return new IndexReadings(api(), monitoring(), TAN_PHU, MONTH);
    }

    /** Every row of a drill-down, by dossier code. */
    Map<String, JsonNode> drill(String indicator, String part) {
        return drill(indicator, part, null);
    }

    Map<String, JsonNode> drill(String indicator, String part, String lang) {
        return readings().listing(indicator, part, lang).rows();
    }

    static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Polls (the outbox dispatcher runs every 200 ms in tests) until the drill-down satisfies the condition. */
    Map<String, JsonNode> eventually(String indicator, String part, Predicate<Map<String, JsonNode>> ok) {
        Map<String, JsonNode> last = Map.of();
        for (int i = 0; i < 150; i++) {
            last = drill(indicator, part);
            if (ok.test(last)) {
                return last;
            }
            sleep();
        }
        return last;
    }

    /** Waits until the index has followed every event written so far (earlier tests' dossiers are counted first). */
    void indexCaughtUp() {
        vn.motcua.notification.NotificationTestEvents.await("the index766 consumer", () -> jdbc.queryForObject("""
                select count(*) from outbox_event e, outbox_cursor c
                where c.consumer = 'index766' and (e.xid, e.id) > (c.last_xid, c.last_id)""", Long.class),
                n -> n == 0);
    }

    @org.springframework.beans.factory.annotation.Autowired
    vn.motcua.signing.DocumentSigner signer;

    /** The indicators' parts the four dossiers move. */
    static final List<String> SETS = List.of("2.1 denominator", "2.1 numerator", "3.3 denominator", "3.3 numerator",
            "4.1 denominator", "4.1 numerator");

    @Test
    void realDossiersMoveTheIndexAndEachOneSaysWhy() {
        indexCaughtUp();
        java.sql.Date closed = jdbc.queryForObject("select closed_through from index766_state where id = 1",
                java.sql.Date.class);
        if (closed != null) {
            assertThat(YearMonth.from(closed.toLocalDate())).as("the index's closed months: a test that moved the clock "
                    + "to a later month while events were handled closed the current one for good (wait for the outbox "
                    + "before moving it, see SignedResultApiTest)").isBefore(YearMonth.parse(MONTH));
        }
        // the unit and the month are every test's: the index is read with the dossiers it lists, and what this
        // test's dossiers did is told apart from what others' did (or a due moment passing did) by their codes
        IndexReadings readings = readings();
        Map<String, IndexReadings.Listing> before = new LinkedHashMap<>();
        for (String set : SETS) {
            before.put(set, readings.counted(set.split(" ")[0], set.split(" ")[1]));
        }
        TestApi citizen = api().as("congdan1");
        TestApi desk = api().as("tiepnhan.tanphu");
        TestApi specialist = api().as("chuyenvien.tanphu");
        TestApi leader = api().as("lanhdao.tanphu");
        List<JsonNode> received = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JsonNode d = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, MARITAL, TAN_PHU,
                    TestDossiers.phone())).json();
            received.add(act(desk, d, "ACCEPT", Map.of()));
        }
        // 1: finished with an electronic result, days before the due date → early
        JsonNode done = act(specialist, act(desk, received.get(0), "FORWARD", Map.of()), "FORWARD", Map.of());
        // (issue 12: 4.1 counts signed results only: the uploaded result PDF carries the agency's signature)
        byte[] signed = signer.signAsAgency(TAN_PHU, TestDossiers.pdf("Ket qua"));
        var upload = leader.upload("/api/v1/files", "ket-qua.pdf", "application/pdf", signed);
        assertThat(upload.status()).isEqualTo(201);
        done = act(leader, done, "COMPLETE", Map.of("attachments",
                List.of(Map.of("fileId", upload.json().get("fileId").asString()))));
        // 2: waiting for the applicant's supplement → judged at the request, within time
        JsonNode waiting = act(specialist, act(desk, received.get(1), "FORWARD", Map.of()), "REQUEST_SUPPLEMENT",
                Map.of("reason", "Thiếu giấy tờ"));
        // 3: a second supplement request → late whatever the dates
        JsonNode twice = act(specialist, act(desk, received.get(2), "FORWARD", Map.of()), "REQUEST_SUPPLEMENT",
                Map.of("reason", "Thiếu giấy tờ"));
        String code3 = twice.get("code").asString();
        String file = TestDossiers.upload(citizen, "bo-sung.pdf");
        assertThat(citizen.post("/api/v1/dossiers/" + code3 + "/supplements",
                Map.of("attachments", List.of(Map.of("componentCode", "TP02", "fileId", file)),
                        "version", citizen.get("/api/v1/dossiers/" + code3).json().get("version").asInt())).status())
                .isEqualTo(200);
        twice = act(specialist, desk.get("/api/v1/office/dossiers/" + code3).json(), "REQUEST_SUPPLEMENT",
                Map.of("reason", "Giấy tờ chưa rõ"));
        // 4: an apology moves the due moment; still in progress within time
        JsonNode apology = act(desk, received.get(3), "FORWARD", Map.of());
        apology = act(leader, apology, "APOLOGIZE", Map.of("reason", "Cần xác minh thêm", "newDueAt",
                TestDossiers.newDue(calendar, apology.get("dueAt").asString(), 3)));
        String c1 = done.get("code").asString(), c2 = waiting.get("code").asString(), c4 = apology.get("code").asString();

        Map<String, JsonNode> den = eventually("2.1", "denominator", m -> m.containsKey(c1) && m.containsKey(c2)
                && m.containsKey(code3) && m.containsKey(c4) && m.get(code3).get("why").asString().contains("2 lần")
                && m.get(c4).get("why").asString().contains("đã xin lỗi")); // the last event of the four is in
        assertThat(den).containsKeys(c1, c2, code3, c4);
        // in the leader's words (issue 18): no indicator code in front, no arrow, the verdict said last
        assertThat(den.get(c1).get("why").asString()).startsWith("Kết thúc lúc").contains("hẹn trả").endsWith(": trước hạn");
        assertThat(den.get(c2).get("why").asString()).contains("chờ người nộp").endsWith(": còn trong hạn");
        assertThat(den.get(code3).get("why").asString()).contains("phải bổ sung hồ sơ 2 lần nên tính là trễ hạn");
        assertThat(den.get(c4).get("why").asString()).contains("Đang giải quyết").contains("đã xin lỗi");
        den.values().forEach(d -> assertThat(d.get("why").asString()).doesNotContain("→")
                .doesNotContainPattern("^\\d\\.\\d").doesNotContainPattern(Index766BrowserTest.DEVELOPER_WORDS));
        Map<String, JsonNode> num = drill("2.1", "numerator");
        assertThat(num).containsKeys(c1, c2, c4).doesNotContainKey(code3);
        // the moments in the reader's own format (issue 18): "20:19 04/12/2026" in Vietnamese, "4 Dec 2026 20:19"
        String moment = "\\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}";
        assertThat(den.get(c1).get("why").asString()).matches("Kết thúc lúc " + moment + ", hẹn trả " + moment + ": .+");
        String english = drill("2.1", "denominator", "en").get(c1).get("why").asString();
        String englishMoment = "\\d{1,2} [A-Z][a-z]{2,3} \\d{4} \\d{2}:\\d{2}";
        assertThat(english).matches("Finished at " + englishMoment + ", due " + englishMoment + ": .+")
                .doesNotContainPattern("\\d{2}/\\d{2}/\\d{4}");

        Set<String> mine = Set.of(c1, c2, code3, c4);
        Map<String, Set<String>> entered = new LinkedHashMap<>();
        for (String set : SETS) {
            IndexReadings.Listing after = readings.counted(set.split(" ")[0], set.split(" ")[1]);
            entered.put(set, IndexReadings.entered(set, before.get(set), after));
            if (!set.equals("2.1 numerator")) {
                // nothing leaves these within the month: a dossier counted stays counted
                assertThat(after.rows().keySet()).as(set).containsAll(before.get(set).rows().keySet());
            } else {
                // only a dossier still open can leave the numerator: its due moment passed, or it ended late
                before.get(set).rows().forEach((code, row) -> {
                    if (!after.rows().containsKey(code)) {
                        assertThat(row.get("endAt") == null || row.get("endAt").isNull()).as(code + " left " + set
                                + " though it had ended: " + row).isTrue();
                    }
                });
            }
        }
        Map<String, Set<String>> mineEntered = new LinkedHashMap<>();
        entered.forEach((set, codes) -> mineEntered.put(set, IndexReadings.mine(codes, mine)));
        assertThat(mineEntered.get("2.1 denominator")).as("four more dossiers processed this month")
                .containsExactlyInAnyOrder(c1, c2, code3, c4);
        assertThat(mineEntered.get("2.1 numerator")).as("three of them early or within time")
                .containsExactlyInAnyOrder(c1, c2, c4);
        assertThat(mineEntered.get("3.3 denominator")).containsExactlyInAnyOrder(c1, c2, code3, c4);
        assertThat(mineEntered.get("3.3 numerator")).as("all four online").containsExactlyInAnyOrder(c1, c2, code3, c4);
        assertThat(mineEntered.get("4.1 denominator")).as("one result").containsExactly(c1);
        assertThat(mineEntered.get("4.1 numerator")).as("an electronic one").containsExactly(c1);
        assertThat(drill("4.1", "numerator")).containsKey(c1);

        // the facts the outbox gave are those a recount builds from the dossiers
        List<Long> ids = List.of(done, waiting, twice, apology).stream().map(d -> d.get("id") == null
                ? jdbc.queryForObject("select dossier_id from index766_dossier where code = ?", Long.class,
                        d.get("code").asString()) : d.get("id").asLong()).toList();
        String facts = "select * from index766_dossier where dossier_id = any(?) order by dossier_id";
        var live = strip(jdbc.queryForList(facts, (Object) ids.toArray(Long[]::new)));
        var recounted = tx.execute(status -> {
            recount.recount();
            var rows = strip(jdbc.queryForList(facts, (Object) ids.toArray(Long[]::new)));
            status.setRollbackOnly();
            return rows;
        });
        assertThat(recounted).isEqualTo(live);
    }

    static List<Map<String, Object>> strip(List<Map<String, Object>> rows) {
        rows.forEach(r -> r.remove("updated_at"));
        return rows;
    }

    @Test
    void theProvinceIndexHasFiveGroupsAndSaysWhatIsComputableHere() {
        var r = api().get("/api/v1/index766?unit=70&period=" + MONTH);
        assertThat(r.status()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("unit").asString()).isEqualTo("70");
        assertThat(j.get("period").asString()).isEqualTo(MONTH);
        List<Integer> maxes = new ArrayList<>();
        j.get("groups").forEach(g -> maxes.add(g.get("max").asInt()));
        assertThat(maxes).containsExactly(18, 20, 22, 22, 18);
        assertThat(j.get("computableText").asString()).contains("điểm tính được tại đây");
        JsonNode first = j.get("groups").get(0).get("indicators").get(0);
        assertThat(first.get("id").asString()).isEqualTo("1.1");
        assertThat(first.get("computable").asBoolean()).isFalse();
        assertThat(first.get("status").asString()).isEqualTo("cần dữ liệu quốc gia");
        assertThat(first.get("max").asInt()).isEqualTo(6);
        // every note in the leader's words (issue 18): no design-document references or scoring-key codes, and the
        // rules a province may set said plainly
        Map<String, String> notes = new java.util.HashMap<>();
        j.get("groups").forEach(g -> g.get("indicators").forEach(i -> notes.put(i.get("id").asString(),
                i.get("note").asString())));
        assertThat(notes).hasSize(23);
        notes.forEach((id, note) -> assertThat(note).as(id).isNotBlank()
                .doesNotContainPattern(Index766BrowserTest.DEVELOPER_WORDS).doesNotContain("MotCua"));
        assertThat(notes.get("4.2")).contains("theo cấu hình của tỉnh");
        assertThat(notes.get("5.2")).contains("(theo cấu hình của tỉnh)");
        if (notes.get("2.2").startsWith("Trung bình")) {
            assertThat(notes.get("2.2")).as("a duration in days and hours, not decimal days")
                    .matches("Trung bình (\\d+ (ngày|giờ|phút) ?)+ mỗi hồ sơ\\. .*")
                    .doesNotContainPattern("\\d,\\d+ ngày");
        }
        api().get("/api/v1/index766/indicators").json().forEach(i -> assertThat(i.get("noteVi").asString() + " "
                + i.get("noteEn").asString()).as(i.get("id").asString())
                .doesNotContainPattern(Index766BrowserTest.DEVELOPER_WORDS).doesNotContain("MotCua", "CSDL")
                .doesNotContainPattern("(?i)configurable"));
        var english = api().get("/api/v1/index766?unit=70&period=" + MONTH + "&lang=en").json();
        english.get("groups").forEach(g -> g.get("indicators").forEach(i -> assertThat(i.get("note").asString())
                .as(i.get("id").asString()).doesNotContainPattern(Index766BrowserTest.DEVELOPER_WORDS)
                .doesNotContainPattern("(?i)configurable")));
        double sum = 0;
        for (JsonNode g : j.get("groups")) {
            sum += g.get("score").asDouble();
            assertThat(g.get("score").asDouble()).isLessThanOrEqualTo(g.get("computableMax").asDouble() + 1e-9);
        }
        assertThat(j.get("score").asDouble()).isCloseTo(sum, org.assertj.core.api.Assertions.within(0.05));
        assertThat(api().get("/api/v1/index766?unit=70&period=2026-Q3").status()).isIn(200, 400);
        assertThat(api().get("/api/v1/index766?unit=70&period=" + MONTH.substring(0, 4)).status()).isEqualTo(200);
    }

    @Test
    void badUnitOrPeriodIsA400NamingTheFieldInVietnamese() {
        var r = api().get("/api/v1/index766?unit=XYZ&period=" + MONTH);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("unit");
        assertThat(r.json().get("errors").get(0).get("message").asString()).contains("Không có đơn vị").contains("XYZ");
        var p = api().get("/api/v1/index766?unit=70&period=2026-13");
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.json().get("errors").get(0).get("field").asString()).isEqualTo("period");
        assertThat(p.json().get("errors").get(0).get("message").asString()).contains("không hợp lệ");
        assertThat(monitoring().get("/api/v1/index766/1.1/dossiers?unit=70").status()).as("not per dossier").isEqualTo(400);
        assertThat(api().get("/api/v1/index766/ranking?level=PLANET").status()).isEqualTo(400);
    }

    @Test
    void rankingTrendAndStatistics() {
        JsonNode ranking = api().get("/api/v1/index766/ranking?level=COMMUNE&period=" + MONTH).json();
        assertThat(ranking.size()).isGreaterThan(100);
        assertThat(ranking.get(0).get("rank").asInt()).isEqualTo(1);
        for (int i = 1; i < ranking.size(); i++) {
            assertThat(ranking.get(i).get("score").asDouble()).isLessThanOrEqualTo(ranking.get(i - 1).get("score").asDouble());
        }
        JsonNode trend = api().get("/api/v1/index766/trend?unit=70&months=12").json();
        assertThat(trend.size()).isEqualTo(12);
        assertThat(trend.get(11).get("period").asString()).isEqualTo(MONTH);
        JsonNode stats = api().get("/api/v1/stats/dossiers?unit=70&from=" + MONTH + "-01&to="
                + java.time.LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")) + "&groupBy=LEVEL").json();
        assertThat(stats.size()).isEqualTo(3);
        assertThat(stats.get(0).get("key").asString()).isEqualTo("PROVINCE");
        for (String f : List.of("key", "name", "received", "online", "finished", "onTime", "early", "late",
                "inProgress", "overdue")) {
            assertThat(stats.get(2).has(f)).as(f).isTrue();
        }
        assertThat(api().get("/api/v1/stats/dossiers?unit=70&from=2026-02-30").json().get("errors").get(0)
                .get("field").asString()).isEqualTo("from");
    }
}
