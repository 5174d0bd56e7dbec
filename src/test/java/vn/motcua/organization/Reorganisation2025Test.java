package vn.motcua.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
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
import vn.motcua.index766.internal.Numbers;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;
import vn.motcua.test.TestConfig;
import vn.motcua.test.TestDossiers;
import vn.motcua.test.TestMail;

/**
 * The reorganisation of 1 July 2025 as loaded from the shared data (NQ1662-2025: Bình Phước's 111 communes into 40
 * communes and wards of Đồng Nai, no district level), APPLIED on a demo database of its own (the shared test database
 * stays three-level for the other tests). On the application's clock: dossiers filed in June 2025 under the old units,
 * the reorganisation applied on 1 July 2025 (open dossiers handed over through the rule book, each with a history
 * line, keeping code and units), a dossier filed afterwards under today's units, and the 766 index of June and July
 * 2025 by the units in force then and re-mapped to today's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "motcua.embedded-postgres.enabled=false",
    "motcua.demo.history.enabled=false",
    // the old structure at start: the test applies NQ1662-2025 itself, on 1 July 2025 of the application's clock
    "motcua.demo.apply-reorganisation-2025=false",
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
class Reorganisation2025Test {

    private static final String TAN_PHU = "70.689.25195.MC";
    private static final String TIEN_HUNG = "70.689.25213.MC";
    private static final String BINH_PHUOC = "75.25195.MC";

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IndexService index;
    @Autowired
    Organization organization;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static OffsetDateTime at(int year, int month, int day, int hour) {
        return OffsetDateTime.of(year, month, day, hour, 0, 0, 0, ZoneOffset.ofHours(7));
    }

    private JsonNode fileAndAccept(TestApi citizen, String agency, String officer) {
        var filed = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, TestDossiers.MARITAL, agency,
                "0912345678"));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        TestApi desk = new TestApi(port).as(officer);
        JsonNode d = filed.json();
        var accepted = desk.post("/api/v1/office/dossiers/" + d.get("code").asString() + "/actions",
                Map.of("action", "ACCEPT", "version", d.get("version").asInt()));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        return accepted.json();
    }

    private List<String> units(String row, String code) {
        return jdbc.sql("select province_code, district_code, commune_code from dossier where code = :c")
                .param("c", code).query((rs, i) -> {
                    List<String> l = new ArrayList<>();
                    l.add(rs.getString(1));
                    l.add(rs.getString(2));
                    l.add(rs.getString(3));
                    return l;
                }).single();
    }

    private long received(Numbers n) {
        return n.r()[Contributions.N];
    }

    private long open(Numbers n) {
        return n.o()[Contributions.N];
    }

    @Test
    void filedUnderTheOldUnitsHandedOverOnTheFirstOfJulyThenFiledUnderTodaysAndTheIndexBothWays() {
        // --- June 2025: the three-level Bình Phước
        clock.set(at(2025, 6, 16, 9));
        TestApi citizen = new TestApi(port).as("congdan2");
        JsonNode tanPhu = fileAndAccept(citizen, TAN_PHU, "tiepnhan.tanphu");
        JsonNode tienHung = fileAndAccept(citizen, TIEN_HUNG, "tiepnhan.tienhung");
        String tienHungCode = tienHung.get("code").asString();
        assertThat(units("before", tienHungCode)).containsExactly("70", "689", "25213");
        assertThat(units("before", tanPhu.get("code").asString())).containsExactly("70", "689", "25195");
        assertThat(tienHungCode).as("the old one-stop's identifier").startsWith("H10.89.");

        TestApi anonymous = new TestApi(port);
        JsonNode districts = anonymous.get("/api/v1/units?parent=70&at=2025-06-30&size=50").json();
        List<String> levels = new ArrayList<>();
        districts.get("items").forEach(u -> levels.add(u.get("level").asString()));
        assertThat(levels).hasSize(11).containsOnly("DISTRICT");

        // --- 1 July 2025: NQ1662-2025 applied by the administrator
        clock.set(at(2025, 7, 1, 8));
        TestApi admin = new TestApi(port).as("admin");
        JsonNode reorganisation = admin.get("/api/v1/admin/reorganisations/NQ1662-2025").json();
        assertThat(reorganisation.get("status").asString()).isEqualTo("PENDING");
        JsonNode preview = admin.get("/api/v1/admin/reorganisations/NQ1662-2025/preview").json();
        assertThat(preview.toString()).contains(TIEN_HUNG).contains(BINH_PHUOC);
        var applied = admin.post("/api/v1/admin/reorganisations/NQ1662-2025/apply",
                Map.of("version", reorganisation.get("version").asInt()));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.json().get("handedOver").asInt()).as("both open dossiers").isGreaterThanOrEqualTo(2);

        JsonNode handed = citizen.get("/api/v1/dossiers/" + tienHungCode).json();
        assertThat(handed.get("agencyCode").asString()).as("handed over to the successor").isEqualTo(BINH_PHUOC);
        assertThat(handed.get("code").asString()).as("its code is kept").isEqualTo(tienHungCode);
        assertThat(handed.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(handed.get("dueAt").asString()).as("its clock is kept").isEqualTo(tienHung.get("dueAt").asString());
        assertThat(units("after", tienHungCode)).as("filed before: keeps the units it was filed under")
                .containsExactly("70", "689", "25213");
        var line = jdbc.sql("""
                select h.action, h.reason, h.note from dossier_history h join dossier d on d.id = h.dossier_id
                where d.code = :c order by h.id desc limit 1""").param("c", tienHungCode)
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single();
        assertThat(line.get(0)).isEqualTo("HAND_OVER");
        assertThat(line.get(1)).contains("1662/NQ-UBTVQH15");
        assertThat(line.get(2)).isEqualTo(TIEN_HUNG + " → " + BINH_PHUOC);

        assertThat(anonymous.get("/api/v1/agencies/" + TIEN_HUNG).json().get("code").asString())
                .as("the old code still resolves").isEqualTo(BINH_PHUOC);
        assertThat(anonymous.get("/api/v1/agencies/" + TAN_PHU).json().get("code").asString()).isEqualTo(BINH_PHUOC);
        JsonNode today = anonymous.get("/api/v1/units?parent=75&size=100").json();
        List<String> communes = new ArrayList<>();
        today.get("items").forEach(u -> communes.add(u.get("level").asString()));
        assertThat(communes).as("the communes and wards formed from former Bình Phước").hasSize(40)
                .containsOnly("COMMUNE");

        // the accounts are not moved by the reorganisation: until the administrator moves them, Tân Phú's officer
        // sees nothing of the successor's
        TestApi tanPhuDesk = new TestApi(port).as("tiepnhan.tanphu");
        assertThat(tanPhuDesk.get("/api/v1/office/dossiers/" + tienHungCode + "/history").status()).isEqualTo(404);
        JsonNode account = admin.get("/api/v1/admin/accounts/tiepnhan.tanphu").json();
        var moved = admin.put("/api/v1/admin/accounts/tiepnhan.tanphu", Map.of("fullName",
                account.get("fullName").asString(), "agencyCode", BINH_PHUOC, "roles", List.of("RECEPTION"),
                "version", account.get("version").asInt()));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(tanPhuDesk.get("/api/v1/office/dossiers/" + tienHungCode + "/history").status())
                .as("the officer of the successor works on the handed-over dossier").isEqualTo(200);

        // a dossier filed after the date, addressed to the old code: the successor, under today's units
        JsonNode after = fileAndAccept(citizen, TAN_PHU, "tiepnhan.tanphu");
        String afterCode = after.get("code").asString();
        assertThat(after.get("agencyCode").asString()).isEqualTo(BINH_PHUOC);
        assertThat(afterCode).as("the successor's identifier (Đồng Nai, H19)").startsWith("H19.");
        assertThat(units("new", afterCode)).as("Phường Bình Phước directly under Tỉnh Đồng Nai, no district")
                .containsExactly("75", null, "25195");

        // --- the 766 index: June 2025 by the units in force then, and re-mapped to today's
        vn.motcua.notification.NotificationTestEvents.await("the index766 consumer", () -> jdbc.sql("""
                select count(*) from outbox_event e, outbox_cursor c
                where c.consumer = 'index766' and (e.xid, e.id) > (c.last_xid, c.last_id)""").query(Long.class)
                .single(), n -> n == 0);
        var june = index.period("2025-06");
        Numbers tienHungJune = index.numbers(index.unit("25213", Locale.of("vi")), june);
        Numbers tanPhuJune = index.numbers(index.unit("25195", Locale.of("vi")), june);
        assertThat(received(tienHungJune)).as("Xã Tiến Hưng, June 2025").isEqualTo(1);
        assertThat(received(tanPhuJune)).as("Phường Tân Phú, June 2025").isEqualTo(1);
        Numbers binhPhuocJune = index.numbersToday("25195", june);
        assertThat(received(binhPhuocJune)).as("Phường Bình Phước re-mapped over June 2025 = Tân Phú + Tiến Hưng + …")
                .isEqualTo(2);
        assertThat(received(index.numbers(index.unit("70", Locale.of("vi")), june)))
                .as("Bình Phước province, June 2025").isEqualTo(2);
        JsonNode byOld = anonymous.get("/api/v1/index766?unit=25213&period=2025-06").json();
        assertThat(byOld.get("unitName").asString()).isEqualTo("Xã Tiến Hưng");
        JsonNode remapped = anonymous.get("/api/v1/index766?unit=25195&period=2025-06&units=TODAY").json();
        assertThat(remapped.get("unitName").asString()).isEqualTo("Phường Bình Phước");

        // July 2025: the dossier filed under today's units counts for Phường Bình Phước; the handed-over ones stay
        // open under the units they were filed under, and count for today's ward once re-mapped
        var july = index.period("2025-07");
        Numbers binhPhuocJuly = index.numbersToday("25195", july);
        assertThat(received(binhPhuocJuly)).as("received in July 2025 by today's ward").isEqualTo(1);
        assertThat(open(binhPhuocJuly)).as("open at the end of July: the two handed over and the new one")
                .isEqualTo(3);
        assertThat(received(index.numbers(index.unit("25213", Locale.of("vi")), july)))
                .as("nothing filed under Xã Tiến Hưng after it ceased").isZero();
        assertThat(open(index.numbers(index.unit("25213", Locale.of("vi")), july)))
                .as("its handed-over dossier, by the units it was filed under").isEqualTo(1);
        assertThat(received(index.numbersToday("75", july))).as("Tỉnh Đồng Nai (former Bình Phước), July 2025")
                .isEqualTo(1);
        assertThat(organization.predecessors("75")).contains("70");
    }
}
