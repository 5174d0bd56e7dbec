package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.payment.internal.DailyReconciliation;
import vn.motcua.payment.internal.Reconciliation;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;

/**
 * Reconciliation against the gateway's own record (the built-in VNPay sandbox's querydr), on the real PostgreSQL of
 * the tests: open attempts whose callbacks never came are settled from the gateway (pending → paid, pending → failed,
 * never reached → expired); the daily report compares every attempt of the day to the đồng and lists the mismatches
 * for the accountant.
 */
@IntegrationTest
class ReconciliationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    DailyReconciliation daily;

    @Autowired
    WorkingCalendar calendar;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    TestApi api() {
        return new TestApi(port);
    }

    @Test
    void lostCallbacksAreSettledFromTheGatewayAndTheDailyReportFindsEveryMismatchToTheDong() {
        TestApi citizen = api().as("congdan1");
        LocalDate today = clock.now().atZoneSameInstant(calendar.zone()).toLocalDate();

        // paid at the gateway, but neither the IPN nor the browser's return arrived
        Attempt lost = start(citizen);
        assertThat(PaymentFlows.decide(port, lost.redirect, "pay", "never").status()).isEqualTo(302);
        // cancelled at the gateway, no callback either
        Attempt cancelled = start(citizen);
        PaymentFlows.decide(port, cancelled.redirect, "cancel", "never");
        // the citizen never reached the gateway's page
        Attempt never = start(citizen);
        assertThat(status(lost)).isEqualTo("INITIATED");
        assertThat(status(cancelled)).isEqualTo("INITIATED");

        clock.advance(Duration.ofMinutes(21)); // past the expiry (15 min) and the grace (5 min)
        reconciliation.run();
        assertThat(status(lost)).as("pending → paid from querydr").isEqualTo("SUCCEEDED");
        assertThat(status(cancelled)).as("pending → failed").isEqualTo("FAILED");
        assertThat(status(never)).as("never reached the gateway → expired").isEqualTo("EXPIRED");
        JsonNode dossier = citizen.get("/api/v1/dossiers/" + lost.code).json();
        assertThat(dossier.get("paidAt").isNull()).as("the dossier took the payment").isFalse();
        assertThat(citizen.get("/api/v1/payments/" + lost.id + "/receipt.pdf").status()).as("and its receipt")
                .isEqualTo(200);
        assertThat(jdbc.sql("select confirmed_by from payment_transaction where id = cast(:id as uuid)")
                .param("id", lost.id).query(String.class).single()).isEqualTo("QUERY");
        clock.reset();

        // two payments that went well here; then the gateway's record disagrees with each
        Attempt more = start(citizen);
        PaymentFlows.decide(port, more.redirect, "pay", "now");
        Attempt unpaid = start(citizen);
        PaymentFlows.decide(port, unpaid.redirect, "pay", "now");
        assertThat(status(more)).isEqualTo("SUCCEEDED");
        assertThat(status(unpaid)).isEqualTo("SUCCEEDED");
        jdbc.sql("update payment_sandbox_txn set amount = amount + 50000 where txn_ref = :r").param("r", more.reference)
                .update();
        jdbc.sql("update payment_sandbox_txn set transaction_status = '02', response_code = '51' where txn_ref = :r")
                .param("r", unpaid.reference).update();

        DailyReconciliation.Report report = daily.run(today).stream().filter(r -> r.gateway().equals("VNPAY"))
                .findFirst().orElseThrow();
        assertThat(report.checked()).isGreaterThanOrEqualTo(5);
        Map<String, DailyReconciliation.Mismatch> byRef = new java.util.HashMap<>();
        report.mismatches().forEach(m -> byRef.put(m.reference(), m));
        assertThat(byRef.get(more.reference).kind()).isEqualTo("AMOUNT_DIFFERS");
        assertThat(byRef.get(more.reference).ourAmount()).isEqualTo(8000);
        assertThat(byRef.get(more.reference).gatewayAmount()).isEqualTo(8500);
        assertThat(byRef.get(unpaid.reference).kind()).isEqualTo("PAID_ONLY_HERE");
        assertThat(byRef).as("the settled ones that agree are not reported")
                .doesNotContainKeys(lost.reference, cancelled.reference, never.reference);

        long oursBySql = jdbc.sql("""
                select coalesce(sum(amount), 0) from payment_transaction where gateway = 'VNPAY' and method = 'ONLINE'
                and status in ('SUCCEEDED', 'REFUND_REQUESTED', 'REFUNDED')
                and (created_at at time zone :z)::date = :d""").param("z", calendar.zone().getId()).param("d", today)
                .query(Long.class).single();
        assertThat(report.ourPaidTotal()).as("what we hold as paid, to the đồng").isEqualTo(oursBySql);
        Set<String> paidHere = Set.of("SUCCEEDED", "REFUND_REQUESTED", "REFUNDED");
        Set<String> paidThere = Set.of("PAID", "REFUNDED", "REFUND_PENDING");
        long explained = report.mismatches().stream().mapToLong(m ->
                (paidHere.contains(m.ourStatus()) && !"QUERY_FAILED".equals(m.kind()) ? m.ourAmount() : 0)
                        - (m.gatewayOutcome() != null && paidThere.contains(m.gatewayOutcome())
                        && m.gatewayAmount() != null ? m.gatewayAmount() : 0)).sum();
        assertThat(report.difference()).as("every đồng of difference is explained by a listed mismatch")
                .isEqualTo(explained);

        // the accountant reads it; others may not; bad input names the field
        TestApi accountant = api().as("ketoan.tanphu");
        var read = accountant.get("/api/v1/accounting/reconciliations?date=" + today);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("items").toString()).contains(more.reference).contains("AMOUNT_DIFFERS");
        var rerun = accountant.post("/api/v1/accounting/reconciliations", Map.of("date", today.toString()));
        assertThat(rerun.status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from payment_reconciliation where day = :d and gateway = 'VNPAY'")
                .param("d", today).query(Long.class).single()).as("a new run replaces the day's report").isEqualTo(1);
        assertThat(citizen.get("/api/v1/accounting/reconciliations?date=" + today).status()).isEqualTo(403);
        var bad = accountant.get("/api/v1/accounting/reconciliations?date=04/12/2026");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("date");
        assertThat(accountant.post("/api/v1/accounting/reconciliations", Map.of()).status()).isEqualTo(400);
    }

    record Attempt(String code, String id, String reference, String redirect) {
    }

    private Attempt start(TestApi citizen) {
        String code = PaymentFlows.submitted(citizen).get("code").asString();
        JsonNode p = PaymentFlows.start(citizen, code, "VNPAY").json();
        return new Attempt(code, p.get("paymentId").asString(), p.get("reference").asString(),
                p.get("redirectUrl").asString());
    }

    private String status(Attempt a) {
        return jdbc.sql("select status from payment_transaction where id = cast(:id as uuid)").param("id", a.id)
                .query(String.class).single();
    }
}
