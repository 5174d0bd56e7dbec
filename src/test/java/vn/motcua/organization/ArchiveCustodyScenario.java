package vn.motcua.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;
import vn.motcua.test.TestDossiers;

/**
 * The past that archive custody is about, on a database of its own applying NQ1662-2025 itself (the shared test
 * database stays three-level): in June 2025 Phường Tân Phú returns a result and takes a fee in cash for a dossier the
 * citizen then withdraws, Xã Tiến Hưng ends a dossier; on 1 July 2025 the administrator applies the reorganisation
 * (nothing of these is handed over: they are closed) and moves the officers where the demo posts them — Tân Phú's to
 * Phường Bình Phước (75.25195.MC, the successor of both communes), Tiến Hưng's receiving officer to Phường Đồng Xoài
 * (75.25210.MC, another ward).
 */
final class ArchiveCustodyScenario {

    static final String TAN_PHU = "70.689.25195.MC";
    static final String TIEN_HUNG = "70.689.25213.MC";
    static final String BINH_PHUOC = "75.25195.MC";
    static final String DONG_XOAI = "75.25210.MC";
    /** Cấp bản sao trích lục hộ tịch: a fee at submission. */
    static final String EXTRACT_COPY = "2.000635";
    static final String JUNE_16 = "2025-06-16";

    /** What June 2025 left behind. */
    record Past(String returned, String resultFileId, String tienHungEnded, String withdrawnPaid, String paymentId,
                String paymentReference) {
    }

    private ArchiveCustodyScenario() {
    }

    static OffsetDateTime at(int year, int month, int day, int hour) {
        return OffsetDateTime.of(year, month, day, hour, 0, 0, 0, ZoneOffset.ofHours(7));
    }

    static Past june2025ThenReorganised(int port, TestClock clock, JdbcClient jdbc) {
        clock.set(at(2025, 6, 16, 9));
        TestApi desk = new TestApi(port).as("tiepnhan.tanphu");
        TestApi specialist = new TestApi(port).as("chuyenvien.tanphu");
        TestApi leader = new TestApi(port).as("lanhdao.tanphu");

        // Phường Tân Phú: a counter dossier processed and its result returned
        JsonNode d = created(desk.post("/api/v1/office/dossiers", TestDossiers.body(desk, TestDossiers.MARITAL,
                TAN_PHU, TestDossiers.phone())));
        d = act(desk, d, "FORWARD", Map.of());
        d = act(specialist, d, "FORWARD", Map.of());
        d = act(leader, d, "COMPLETE", Map.of("generateResult", true));
        d = act(desk, d, "RETURN_RESULT", Map.of());
        assertThat(d.get("status").asString()).isEqualTo("RETURNED");
        String returned = d.get("code").asString();
        String resultFile = null;
        for (JsonNode a : d.get("attachments")) {
            if ("RESULT".equals(a.get("kind").asString())) {
                resultFile = a.get("fileId").asString();
            }
        }
        assertThat(resultFile).as("the result issued: " + d.get("attachments")).isNotNull();

        // Phường Tân Phú: an online dossier paid in cash at the counter, then withdrawn by its applicant
        TestApi citizen = new TestApi(port).as("congdan1");
        JsonNode paid = created(citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, EXTRACT_COPY, TAN_PHU,
                TestDossiers.phone())));
        var cash = desk.post("/api/v1/office/dossiers/" + paid.get("code").asString() + "/payments/cash", Map.of());
        assertThat(cash.status()).as(cash.toString()).isEqualTo(201);
        String paidCode = paid.get("code").asString();
        int version = citizen.get("/api/v1/dossiers/" + paidCode).json().get("version").asInt();
        var withdrawn = citizen.post("/api/v1/dossiers/" + paidCode + "/withdraw",
                Map.of("version", version, "reason", "Không còn nhu cầu"));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");

        // Xã Tiến Hưng: a counter dossier withdrawn in writing
        TestApi tienHungDesk = new TestApi(port).as("tiepnhan.tienhung");
        JsonNode th = created(tienHungDesk.post("/api/v1/office/dossiers", TestDossiers.body(tienHungDesk,
                TestDossiers.MARITAL, TIEN_HUNG, TestDossiers.phone())));
        th = act(tienHungDesk, th, "WITHDRAW", Map.of("reason", "Không còn nhu cầu", "attachments",
                List.of(Map.of("fileId", TestDossiers.upload(tienHungDesk, "don-rut.pdf")))));
        assertThat(th.get("status").asString()).isEqualTo("WITHDRAWN");

        // 1 July 2025: NQ1662-2025 applied; the officers posted where the demo posts them
        clock.set(at(2025, 7, 1, 8));
        TestApi admin = new TestApi(port).as("admin");
        JsonNode reorganisation = admin.get("/api/v1/admin/reorganisations/NQ1662-2025").json();
        var applied = admin.post("/api/v1/admin/reorganisations/NQ1662-2025/apply",
                Map.of("version", reorganisation.get("version").asInt()));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        for (String user : List.of("tiepnhan.tanphu", "chuyenvien.tanphu", "lanhdao.tanphu", "ketoan.tanphu")) {
            move(admin, user, BINH_PHUOC);
        }
        move(admin, "tiepnhan.tienhung", DONG_XOAI);
        for (String closed : List.of(returned, paidCode, th.get("code").asString())) {
            assertThat(jdbc.sql("select agency_code from dossier where code = :c").param("c", closed)
                    .query(String.class).single()).as(closed + ": closed before the date, not handed over")
                    .isIn(TAN_PHU, TIEN_HUNG);
        }
        return new Past(returned, resultFile, th.get("code").asString(), paidCode,
                cash.json().get("paymentId").asString(), cash.json().get("reference").asString());
    }

    private static void move(TestApi admin, String user, String agency) {
        JsonNode account = admin.get("/api/v1/admin/accounts/" + user).json();
        List<String> roles = new ArrayList<>();
        account.get("roles").forEach(r -> roles.add(r.asString()));
        Map<String, Object> body = new HashMap<>();
        body.put("fullName", account.get("fullName").asString());
        body.put("agencyCode", agency);
        body.put("roles", roles);
        body.put("version", account.get("version").asInt());
        var moved = admin.put("/api/v1/admin/accounts/" + user, body);
        assertThat(moved.status()).as(user + ": " + moved).isEqualTo(200);
    }

    static JsonNode created(TestApi.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    static JsonNode act(TestApi who, JsonNode d, String action, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("action", action);
        body.put("version", d.get("version").asInt());
        var r = who.post("/api/v1/office/dossiers/" + d.get("code").asString() + "/actions", body);
        assertThat(r.status()).as(action + ": " + r).isEqualTo(200);
        return r.json();
    }

    /** The codes an officer's queue lists for a search text (view ALL). */
    static List<String> listed(TestApi officer, String q) {
        var r = officer.get("/api/v1/office/dossiers?view=ALL&size=50&q=" + q);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        r.json().get("items").forEach(i -> codes.add(i.get("code").asString()));
        return codes;
    }

    /** The references in an accountant's ledger of 16 June 2025. */
    static List<String> ledgerOfJune16(TestApi accountant, String agency) {
        var r = accountant.get("/api/v1/accounting/payments?from=" + JUNE_16 + "&to=" + JUNE_16
                + (agency == null ? "" : "&agency=" + agency));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> refs = new ArrayList<>();
        r.json().get("items").forEach(i -> refs.add(i.get("reference").asString()));
        return refs;
    }
}
