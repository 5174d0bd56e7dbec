package vn.motcua.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import vn.motcua.index766.internal.Contributions;
import vn.motcua.index766.internal.IndexService;
import vn.motcua.signing.internal.Pdftotext;
import vn.motcua.test.PageSession;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestConfig;
import vn.motcua.test.TestDossiers;
import vn.motcua.test.TestMail;

/**
 * The demo on the structure in force today ({@code motcua.demo.apply-reorganisation-2025=true}), on a database of its
 * own: NQ1662-2025 applied by the loader, the README's officers in their agencies' successors (Sở Tư pháp unchanged),
 * the old codes answering the successors, and a history generated on either side of 1 July 2025 — under the old
 * units before, under today's after — which the 766 index shows by the units in force then and re-mapped to today's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "motcua.demo.apply-reorganisation-2025=true",
    "motcua.embedded-postgres.enabled=false",
    "motcua.demo.history.enabled=false",
    "motcua.outbox.interval=200ms",
    "motcua.national-portal.interval=1h",
    "db-scheduler.polling-interval=200ms",
    "spring.mail.host=127.0.0.1",
    "spring.mail.port=${motcua.test.smtp-port}",
    "motcua.limits.upload=100000/1h",
    "motcua.limits.sign-up-source=10000/1h",
    "motcua.limits.login-failure=5/1h fixed, 50/1d",
    "motcua.limits.public-write=100000/1h",
    "motcua.limits.password-reset-source=100000/1h"
})
@ActiveProfiles({"demo", "test"})
@Import(TestConfig.class)
@ContextConfiguration(initializers = {vn.motcua.test.TestDatabase.OwnDatabase.class, TestMail.Initializer.class})
class DemoTodayStructureTest {

    private static final String BINH_PHUOC = "75.25195.MC";
    /** Phường Đồng Xoài's one-stop (formed from Xã Tân Thành and Phường Tiến Thành). */
    private static final String DONG_XOAI = "75.25210.MC";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DossierGenerator generator;
    @Autowired
    IndexService index;

    @Test
    void theReadmeAccountsWorkInTheSuccessorsAndTheOldCodesStillAnswer() {
        TestApi admin = new TestApi(port).as("admin");
        assertThat(admin.get("/api/v1/admin/reorganisations/NQ1662-2025").json().get("status").asString())
                .as("the demo's default: today's structure").isEqualTo("APPLIED");
        for (String user : List.of("tiepnhan.tanphu", "chuyenvien.tanphu", "lanhdao.tanphu", "ketoan.tanphu",
                "chungthuc.tanphu", "tiepnhan.dongxoai", "lanhdao.dongxoai")) {
            assertThat(new TestApi(port).as(user).get("/api/v1/me").json().get("agencyCode").asString())
                    .as(user + ": Tân Phú's and Đồng Xoài city's one-stops became Phường Bình Phước's")
                    .isEqualTo(BINH_PHUOC);
        }
        assertThat(new TestApi(port).as("lanhdao.tanphu").get("/api/v1/me").json().toString())
                .as("named after the ward they work for, as their results are signed").contains("Phường Bình Phước")
                .doesNotContain("Tân Phú");
        for (String user : List.of("tiepnhan.tienhung", "chuyenvien.tienhung", "lanhdao.tienhung")) {
            assertThat(new TestApi(port).as(user).get("/api/v1/me").json().get("agencyCode").asString())
                    .as(user + ": assigned by the demo to the other ward formed from former Đồng Xoài city")
                    .isEqualTo(DONG_XOAI);
        }
        assertThat(new TestApi(port).as("tiepnhan.sotuphap").get("/api/v1/me").json().get("agencyCode").asString())
                .as("a provincial department is not reorganised by NQ 1662").isEqualTo("70.S.TP");

        TestApi anonymous = new TestApi(port);
        for (String old : List.of("70.689.25195.MC", "70.689.25213.MC", "70.689.MC")) {
            assertThat(anonymous.get("/api/v1/agencies/" + old).json().get("code").asString())
                    .as(old + ": the commune goes to its legal successor, whoever its officers work for")
                    .isEqualTo(BINH_PHUOC);
        }
        assertThat(anonymous.get("/api/v1/agencies/70.689.25210.MC").json().get("code").asString())
                .isEqualTo(DONG_XOAI);
        assertThat(anonymous.get("/api/v1/agencies/" + BINH_PHUOC).json().get("nameEn").asString())
                .as("the successor's English name, written as a name").isEqualTo(
                        "One-Stop Section, People's Committee of Binh Phuoc Ward");
        assertThat(anonymous.get("/api/v1/units?parent=75&size=100").json().get("items").size()).isEqualTo(40);
        assertThat(anonymous.get("/api/v1/units?parent=70").json().get("items").size())
                .as("Bình Phước's units as they stood on its last day").isEqualTo(11);
    }

    /**
     * shared/tools/api-check's scenario on today's structure: congdan1 files at the old code of Phường Tân Phú's
     * one-stop, which lands at Phường Bình Phước's; its officers (the README's Tân Phú accounts) receive, process and
     * return it, the receipt names today's ward and no abolished district, and Tiến Hưng's receptionist — working
     * at Phường Đồng Xoài's one-stop — gets 404 on it.
     */
    @Test
    void aDossierFiledAtTheOldCodeIsServedByTheSuccessorsOfficersOnly() {
        TestApi citizen = new TestApi(port).as("congdan1");
        var filed = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, TestDossiers.MARITAL,
                "70.689.25195.MC", "0912345678"));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        JsonNode d = filed.json();
        String code = d.get("code").asString();
        assertThat(d.get("agencyCode").asString()).isEqualTo(BINH_PHUOC);
        assertThat(code).as("the successor's electronic id (Đồng Nai's H19)").startsWith("H19.");

        TestApi desk = new TestApi(port).as("tiepnhan.tanphu");
        JsonNode received = act(desk, d, "ACCEPT", Map.of());
        assertThat(received.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(jdbc.sql("select province_code || '/' || coalesce(district_code, '-') || '/' || commune_code "
                + "from dossier where code = :c").param("c", code).query(String.class).single())
                .isEqualTo("75/-/25195");

        var pdf = citizen.get("/api/v1/dossiers/" + code + "/receipt.pdf");
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        String receipt = Pdftotext.text(pdf.body()).replaceAll("\\s+", " ");
        assertThat(receipt).as(receipt)
                .contains("BỘ PHẬN MỘT CỬA UBND PHƯỜNG BÌNH PHƯỚC")
                .containsPattern("Bình Phước, ngày \\d{2} tháng \\d{1,2} năm 20\\d{2}")
                .doesNotContain("Đồng Xoài, ngày")
                .doesNotContain("PHƯỜNG TÂN PHÚ");

        assertThat(new TestApi(port).as("tiepnhan.tienhung").get("/api/v1/office/dossiers/" + code + "/history")
                .status()).as("an officer of another ward (Phường Đồng Xoài)").isEqualTo(404);
        assertThat(new TestApi(port).as("lanhdao.tienhung").get("/api/v1/office/dossiers/" + code).status())
                .isEqualTo(404);

        JsonNode forwarded = act(desk, received, "FORWARD", Map.of());
        assertThat(forwarded.get("status").asString()).isEqualTo("PROCESSING");
        JsonNode appraised = act(new TestApi(port).as("chuyenvien.tanphu"), forwarded, "FORWARD", Map.of());
        TestApi leader = new TestApi(port).as("lanhdao.tanphu");
        JsonNode done = act(leader, appraised, "COMPLETE",
                Map.of("attachments", List.of(Map.of("fileId", TestDossiers.upload(leader, "ketqua.pdf")))));
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        JsonNode returned = act(desk, done, "RETURN_RESULT", Map.of());
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(desk.get("/api/v1/office/dossiers/" + code + "/history").json().size()).isGreaterThanOrEqualTo(5);
    }

    /** What the users see on today's structure: the citizen's choice of agency, a new ward leader's dashboard. */
    @Test
    void thePagesShowTodaysUnits() {
        // the demo citizens live in today's ward and province (issue 11): Xã Tiến Hưng 25213 is in Phường Bình Phước
        JsonNode profile = new TestApi(port).as("congdan2").get("/api/v1/me/profile").json();
        assertThat(profile.get("address").asString()).as(profile.toString())
                .isEqualTo("Ấp 3 (xã Tiến Hưng cũ), phường Bình Phước, tỉnh Đồng Nai");
        assertThat(new TestApi(port).as("congdan1").get("/api/v1/me/profile").json().get("address").asString())
                .isEqualTo("Số 12, đường Phú Riềng Đỏ, phường Bình Phước, tỉnh Đồng Nai");
        // the form proposes the one-stop of the ward congdan2 lives in
        String apply = new PageSession(port).logIn("congdan2").get("/nop-ho-so/" + TestDossiers.MARITAL).html();
        assertThat(apply).containsPattern("value=\"75.25195.MC\"[^>]*selected")
                .contains("<optgroup label=\"Tỉnh Đồng Nai\">")
                .as("the closed one-stops are not offered").doesNotContain("value=\"70.689.25195.MC\"")
                .doesNotContain("value=\"70.689.25213.MC\"").doesNotContain("Thành phố Đồng Xoài");

        // Phường Bình Phước's leader lands on the ward, named and listed as it is today
        String home = new PageSession(port).logIn("lanhdao.tanphu").get("/chi-so-766").html();
        assertThat(home).contains("<strong>Phường Bình Phước</strong>")
                .containsPattern("value=\"25195\"[^>]*selected[^>]*>Phường Bình Phước<")
                .contains("<optgroup label=\"Tỉnh Đồng Nai\">").contains(">Phường Đồng Xoài<")
                .as("an abolished commune is not listed for this month").doesNotContain(">Xã Tiến Hưng<");
        // and the same page for 2024 by the units then
        String y2024 = new PageSession(port).logIn("lanhdao.tanphu").get("/chi-so-766?unit=25195&period=2024")
                .html();
        assertThat(y2024).contains("<strong>Phường Tân Phú</strong>").contains(">Xã Tiến Hưng<");
        assertThat(new TestApi(port).get("/api/v1/index766?unit=75").json().get("unitName").asString())
                .isEqualTo("Tỉnh Đồng Nai");
    }

    private JsonNode act(TestApi who, JsonNode d, String action, Map<String, Object> extra) {
        var body = new java.util.HashMap<String, Object>(extra);
        body.put("action", action);
        body.put("version", d.get("version").asInt());
        var r = who.post("/api/v1/office/dossiers/" + d.get("code").asString() + "/actions", body);
        assertThat(r.status()).as(action + ": " + r).isEqualTo(200);
        return r.json();
    }

    @Test
    void aHistoryAcrossTheFirstOfJulyIsFiledUnderTheUnitsOfItsDays() throws Exception {
        List<DemoHistory.Part> parts = DemoHistory.parts(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 31));
        assertThat(parts).extracting(DemoHistory.Part::from)
                .containsExactly(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 1));
        assertThat(parts).extracting(DemoHistory.Part::to)
                .containsExactly(LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 31));
        for (DemoHistory.Part p : parts) {
            var report = generator.generate(new DossierGenerator.Options(1500, p.from(), p.to(), p.seed(), 500, null,
                    null), null);
            assertThat(report.total()).isEqualTo(1500);
        }
        String mine = " from dossier d where exists (select 1 from dossier_history g where g.dossier_id = d.id "
                + "and g.origin = 'generator') and d.received_at is not null ";
        // June 2025: the three-level Bình Phước, its one-stops
        assertThat(jdbc.sql("select distinct province_code" + mine + "and d.received_at < '2025-06-30T17:00:00Z'")
                .query(String.class).list()).containsExactly("70");
        assertThat(jdbc.sql("select count(*)" + mine + "and d.received_at < '2025-06-30T17:00:00Z' "
                + "and d.agency_code like '75.%'").query(Long.class).single()).isZero();
        // July 2025: the communes and wards of Đồng Nai, no district; no closed one-stop receives anything
        assertThat(jdbc.sql("select count(*)" + mine + "and d.received_at >= '2025-06-30T17:00:00Z' "
                + "and d.agency_code in (select code from agency where not active)").query(Long.class).single())
                .isZero();
        long julyCommunes = jdbc.sql("select count(*)" + mine + "and d.received_at >= '2025-06-30T17:00:00Z' "
                + "and d.province_code = '75' and d.district_code is null and d.agency_code like '75.%'")
                .query(Long.class).single();
        assertThat(julyCommunes).as("July's commune dossiers at the successors' agencies").isGreaterThan(1000);
        assertThat(jdbc.sql("select count(*)" + mine + "and d.received_at >= '2025-06-30T17:00:00Z' "
                + "and d.agency_code like '75.%.CA'").query(Long.class).single())
                .as("the new communes' police receive the residence procedures of the old communes' police")
                .isPositive();

        // the applicants' addresses, printed on receipts and pages, name the units in force on the day of filing
        // (issue 11): two levels in Đồng Nai from 1 July 2025, the commune, its district and Bình Phước before
        List<String> julyAddresses = jdbc.sql("select distinct d.applicant ->> 'address'" + mine
                + "and d.received_at >= '2025-06-30T17:00:00Z' and d.commune_code = '25195'")
                .query(String.class).list();
        assertThat(julyAddresses).as("Phường Bình Phước's applicants in July 2025").containsExactly(
                "Phường Bình Phước, Tỉnh Đồng Nai");
        assertThat(jdbc.sql("select distinct d.agency_code || ': ' || (d.applicant ->> 'address')" + mine
                + "and d.received_at >= '2025-06-30T17:00:00Z' and (d.applicant ->> 'address' not like '%Tỉnh Đồng Nai' "
                + "or d.applicant ->> 'address' ~ 'Thành phố |Thị xã |Huyện |Tỉnh Bình Phước')").query(String.class)
                .list()).as("no address filed from July names a district or the former province").isEmpty();
        assertThat(jdbc.sql("select distinct d.applicant ->> 'address'" + mine
                + "and d.received_at < '2025-06-30T17:00:00Z' and d.commune_code = '25213'")
                .query(String.class).list())
                .containsExactly("Xã Tiến Hưng, Thành phố Đồng Xoài, Tỉnh Bình Phước");
        var y2024 = generator.generate(new DossierGenerator.Options(200, LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 3, 31), 2024, 500, null, null), null);
        assertThat(y2024.total()).isEqualTo(200);
        List<String> addresses2024 = jdbc.sql("select distinct d.applicant ->> 'address'" + mine
                + "and d.received_at < '2024-03-31T17:00:00Z' and d.commune_code is not null")
                .query(String.class).list();
        assertThat(addresses2024).as("2024: commune, district, Bình Phước").isNotEmpty()
                .allMatch(a -> a.split(", ").length == 3 && a.endsWith(", Tỉnh Bình Phước")
                        && a.split(", ")[1].matches("(Thành phố|Thị xã|Huyện) .+"))
                .noneMatch(a -> a.contains("Tỉnh Đồng Nai")); // Xã Đồng Nai of Huyện Bù Đăng is a commune

        // the index: June by the units then (Bình Phước 70), July re-mapped to today's (Tỉnh Đồng Nai 75)
        var june = index.period("2025-06");
        var july = index.period("2025-07");
        long byOldJune = index.numbers(index.unit("70", Locale.of("vi")), june).r()[Contributions.N];
        assertThat(byOldJune).as("June 2025 by Bình Phước").isGreaterThan(1000);
        assertThat(index.numbersToday("75", june).r()[Contributions.N]).as("June 2025 re-mapped to Đồng Nai")
                .isEqualTo(byOldJune);
        long todayJuly = index.numbersToday("75", july).r()[Contributions.N];
        assertThat(todayJuly).as("July 2025 by Tỉnh Đồng Nai (what was filed under 70 and under 75)")
                .isGreaterThanOrEqualTo(julyCommunes);
        assertThat(index.numbers(index.unit("70", Locale.of("vi")), july).r()[Contributions.N])
                .as("July 2025 by Bình Phước: only what its remaining agencies (provincial departments, not mapped) "
                        + "received").isLessThan(todayJuly);
    }
}
