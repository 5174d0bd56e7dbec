package vn.motcua.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.organization.ArchiveCustodyScenario.BINH_PHUOC;
import static vn.motcua.organization.ArchiveCustodyScenario.JUNE_16;
import static vn.motcua.organization.ArchiveCustodyScenario.TAN_PHU;
import static vn.motcua.organization.ArchiveCustodyScenario.listed;
import static vn.motcua.organization.ArchiveCustodyScenario.ledgerOfJune16;

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
import vn.motcua.test.PageSession;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;
import vn.motcua.test.TestConfig;
import vn.motcua.test.TestMail;

/**
 * Archive custody (issue 11, {@link SuccessorCustody}, {@code motcua.reorganisation.successor-custody} on, the
 * default) on the real mapping NQ1662-2025, applied on a database of its own: Phường Bình Phước's officers read the
 * dossiers Phường Tân Phú and Xã Tiến Hưng closed in June 2025 — in their list and search, the dossier, its history
 * and its result, on the API and the pages — and its accountant finds and refunds Tân Phú's past payment; Phường Đồng
 * Xoài's officer (Tiến Hưng's former receiving officer, posted to another ward) gets 404 on all of it, Tiến Hưng's old
 * dossier included, as "an officer of another commune". Reading does not open writes: an action on the closed dossier
 * is refused by the rule book (409).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "motcua.embedded-postgres.enabled=false",
    "motcua.demo.history.enabled=false",
    // the old structure at start: the scenario applies NQ1662-2025 itself, on 1 July 2025 of the application's clock
    "motcua.demo.apply-reorganisation-2025=false",
    // the default, said here so that this class gets an application and a database of its own: with the same
    // properties as Reorganisation2025Test, Spring's context cache gave both one database, and the second to run found
    // NQ1662-2025 applied and the officers already moved
    "motcua.reorganisation.successor-custody=true",
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
class ArchiveCustodyTest {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSuccessorReadsItsPredecessorsClosedDossiersAndRefundsTheirPaymentsAnotherWardDoesNot() {
        ArchiveCustodyScenario.Past past = ArchiveCustodyScenario.june2025ThenReorganised(port, clock, jdbc);
        TestApi desk = new TestApi(port).as("tiepnhan.tanphu");
        TestApi specialist = new TestApi(port).as("chuyenvien.tanphu");
        TestApi other = new TestApi(port).as("tiepnhan.tienhung");
        String code = past.returned();
        assertThat(desk.get("/api/v1/me").json().get("agencyCode").asString()).isEqualTo(BINH_PHUOC);

        // list and search
        assertThat(listed(desk, code)).as("Phường Bình Phước's search finds Tân Phú's returned dossier")
                .containsExactly(code);
        assertThat(listed(specialist, past.tienHungEnded())).as("and Xã Tiến Hưng's: both became Phường Bình Phước")
                .containsExactly(past.tienHungEnded());
        assertThat(listed(other, code)).as("Phường Đồng Xoài's officer: another ward").isEmpty();
        assertThat(listed(other, past.tienHungEnded()))
                .as("Tiến Hưng's old dossier: its successor is Phường Bình Phước, not the ward he works for now")
                .isEmpty();

        // the dossier, its history, its result
        var detail = desk.get("/api/v1/office/dossiers/" + code);
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        JsonNode d = detail.json();
        assertThat(d.get("agencyCode").asString()).as("it keeps the agency that closed it").isEqualTo(TAN_PHU);
        assertThat(d.get("status").asString()).isEqualTo("RETURNED");
        assertThat(d.get("allowedActions")).as("reading, not acting").isEmpty();
        var history = desk.get("/api/v1/office/dossiers/" + code + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.text()).contains("RETURN_RESULT");
        var result = desk.get("/api/v1/office/dossiers/" + code + "/files/" + past.resultFileId());
        assertThat(result.status()).as("the result, for a copy to the citizen").isEqualTo(200);
        assertThat(new String(result.body(), 0, 5)).isEqualTo("%PDF-");
        assertThat(desk.get("/api/v1/office/dossiers/" + past.tienHungEnded() + "/history").status())
                .as("Tiến Hưng's history").isEqualTo(200);
        var write = desk.post("/api/v1/office/dossiers/" + code + "/actions",
                Map.of("action", "RETURN_RESULT", "version", d.get("version").asInt()));
        assertThat(write.status()).as("a write on the closed dossier: the rule book refuses it").isEqualTo(409);

        for (String path : new String[] {"/api/v1/office/dossiers/" + code,
                "/api/v1/office/dossiers/" + code + "/history",
                "/api/v1/office/dossiers/" + code + "/files/" + past.resultFileId(),
                "/api/v1/office/dossiers/" + past.tienHungEnded(),
                "/api/v1/office/dossiers/" + past.tienHungEnded() + "/history",
                "/api/v1/payments/" + past.paymentId()}) {
            assertThat(other.get(path).status()).as("another ward's officer: " + path).isEqualTo(404);
        }

        // the pages
        PageSession page = new PageSession(port).logIn("tiepnhan.tanphu");
        var opened = page.get("/can-bo/ho-so/" + code);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.html()).contains(code);
        assertThat(page.get("/can-bo?view=ALL&q=" + code).html()).as("the queue page links it")
                .contains("/can-bo/ho-so/" + code);
        PageSession otherPage = new PageSession(port).logIn("tiepnhan.tienhung");
        assertThat(otherPage.get("/can-bo/ho-so/" + code).status()).isEqualTo(404);
        assertThat(otherPage.get("/can-bo?view=ALL&q=" + code).html()).doesNotContain("/can-bo/ho-so/" + code);

        // the accountant: Tân Phú's past payment, found and refunded with the version read
        TestApi accountant = new TestApi(port).as("ketoan.tanphu");
        // the accountant's page, and an administrator's, name the past payment's agency as it was: Phường Tân Phú's
        // closed one-stop, not its successor (Organization#agency resolves a closed code to its successor)
        String tanPhuName = agencyName(TAN_PHU);
        String binhPhuocName = agencyName(BINH_PHUOC);
        assertThat(tanPhuName).isNotEqualTo(binhPhuocName);
        for (String user : new String[] {"ketoan.tanphu", "admin"}) {
            String html = new PageSession(port).logIn(user)
                    .get("/ke-toan/thanh-toan?from=" + JUNE_16 + "&to=" + JUNE_16 + "&agency=" + TAN_PHU).html();
            int at = html.indexOf("data-reference=\"" + past.paymentReference() + "\"");
            assertThat(at).as(user + ": the payment row on the accountant's page").isPositive();
            String row = html.substring(at, html.indexOf("</li>", at));
            assertThat(row).as(user + ": the row names the predecessor").contains(tanPhuName)
                    .doesNotContain(binhPhuocName);
            String summary = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
            assertThat(summary).as(user + ": the day's totals name the predecessor").contains(tanPhuName)
                    .doesNotContain(binhPhuocName);
        }
        assertThat(opened.html()).as("the closed dossier's page names the agency it was filed with")
                .contains(tanPhuName);
        assertThat(ledgerOfJune16(accountant, null)).as("the successor's ledger of a day before the date")
                .contains(past.paymentReference());
        assertThat(ledgerOfJune16(accountant, TAN_PHU)).as("asked by the predecessor's code")
                .containsExactly(past.paymentReference());
        var elsewhere = accountant.get("/api/v1/accounting/payments?from=" + JUNE_16 + "&to=" + JUNE_16
                + "&agency=70.689.25207.MC");
        assertThat(elsewhere.status()).as("another ward's predecessor (Xã Tân Thành → Phường Đồng Xoài)")
                .isEqualTo(400);
        assertThat(elsewhere.json().get("errors").get(0).get("field").asString()).isEqualTo("agency");
        assertThat(desk.get("/api/v1/payments/" + past.paymentId()).status())
                .as("the payment of a dossier the officer reads").isEqualTo(200);
        int version = accountant.get("/api/v1/accounting/payments?from=" + JUNE_16 + "&to=" + JUNE_16).json()
                .get("items").valueStream().filter(i -> i.get("reference").asString().equals(past.paymentReference()))
                .findFirst().orElseThrow().get("version").asInt();
        String refund = "/api/v1/accounting/payments/" + past.paymentId() + "/refund";
        assertThat(accountant.post(refund, Map.of("reason", "Hồ sơ đã rút, hoàn lại phí", "version", version + 1))
                .status()).as("a stale version: optimistic locking as for its own").isEqualTo(409);
        var refunded = accountant.post(refund, Map.of("reason", "Hồ sơ đã rút, hoàn lại phí", "version", version));
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(200);
        assertThat(refunded.json().get("status").asString()).as("cash handed back").isEqualTo("REFUNDED");
        assertThat(jdbc.sql("select agency_code from payment_transaction where reference = :r")
                .param("r", past.paymentReference()).query(String.class).single())
                .as("the payment stays the predecessor's").isEqualTo(TAN_PHU);
    }

    /** The agency's one-stop name as the directory records it (its last line, as the pages print it). */
    private String agencyName(String code) {
        String n = jdbc.sql("select name from agency where code = :c").param("c", code).query(String.class).single();
        return n.strip().lines().reduce((a, b) -> b).orElse(n).strip();
    }
}
