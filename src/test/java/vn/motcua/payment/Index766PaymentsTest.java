package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.TestDossiers.TAN_PHU;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.motcua.index766.IndexReadings;
import vn.motcua.index766.internal.Index766Recount;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;

/**
 * The 766 indicators 3.6 and 3.5b count real payments (DOMAIN.md §1.2: DuocThanhToanTrucTuyen 1 on the national
 * platform, 2 on the provincial gateway, over the fee-bearing dossiers): a dossier paid through VNPay (the sandbox and
 * its IPN) counts; one paid in cash at the counter, one not paid, and one paid online then refunded do not — though
 * all four were submitted online, which the former proxy took for "paid online". The index learns it from the payment
 * module's PaymentSettled events, and a recount (from PaymentFacts) gives the same facts.
 */
@IntegrationTest
class Index766PaymentsTest {

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

    @Test
    void onlyAGatewayPaymentNotRefundedCountsAsPaidOnline() {
        TestApi citizen = api().as("congdan1");
        TestApi desk = api().as("tiepnhan.tanphu");
        TestApi accountant = api().as("ketoan.tanphu");
        indexCaughtUp();
        // Tân Phú and the month are every test's: 3.6 is read with the dossiers it lists, and this test's are told
        // apart from any other (a payment another test left settled by the reconciliation job meanwhile) by their codes
        IndexReadings readings = new IndexReadings(api(), api().as("giamsat"), TAN_PHU, MONTH);
        IndexReadings.Listing denBefore = readings.counted("3.6", "denominator");
        IndexReadings.Listing numBefore = readings.counted("3.6", "numerator");

        String online = received(citizen, desk);
        JsonNode p = PaymentFlows.start(citizen, online, "VNPAY").json();
        PaymentFlows.decide(port, p.get("redirectUrl").asString(), "pay", "now");
        String cash = received(citizen, desk);
        assertThat(desk.post("/api/v1/office/dossiers/" + cash + "/payments/cash", Map.of()).status()).isEqualTo(201);
        String unpaid = received(citizen, desk);
        String refunded = received(citizen, desk);
        JsonNode r = PaymentFlows.start(citizen, refunded, "VNPAY").json();
        PaymentFlows.decide(port, r.get("redirectUrl").asString(), "pay", "now");
        JsonNode paidThenRefunded = citizen.get("/api/v1/payments/" + r.get("paymentId").asString()).json();
        assertThat(paidThenRefunded.get("status").asString()).isEqualTo("SUCCEEDED");
        indexCaughtUp();
        assertThat(paidOnline(refunded)).as("paid online, before the refund").isTrue();
        var back = accountant.post("/api/v1/accounting/payments/" + r.get("paymentId").asString() + "/refund",
                Map.of("reason", "Nộp nhầm hồ sơ", "version", paidThenRefunded.get("version").asInt()));
        assertThat(back.json().get("status").asString()).isEqualTo("REFUNDED");
        indexCaughtUp();

        assertThat(paidOnline(online)).as("paid through VNPay").isTrue();
        assertThat(paidOnline(cash)).as("cash at the counter is never online, though submitted online").isFalse();
        assertThat(paidOnline(unpaid)).isFalse();
        assertThat(paidOnline(refunded)).as("refunded: no longer paid").isFalse();

        Set<String> mine = Set.of(online, cash, unpaid, refunded);
        IndexReadings.Listing denAfter = readings.counted("3.6", "denominator");
        assertThat(denAfter.rows().keySet()).as("a fee-bearing dossier received this month stays counted")
                .containsAll(denBefore.rows().keySet());
        assertThat(IndexReadings.mine(IndexReadings.entered("3.6 denominator", denBefore, denAfter), mine))
                .as("four fee-bearing dossiers received").containsExactlyInAnyOrderElementsOf(mine);
        assertThat(IndexReadings.mine(IndexReadings.entered("3.6 numerator", numBefore,
                readings.counted("3.6", "numerator")), mine)).as("one paid online").containsExactly(online);
        Map<String, JsonNode> numerator = drill("3.6", "numerator");
        assertThat(numerator).containsKey(online).doesNotContainKeys(cash, unpaid, refunded);
        assertThat(numerator.get(online).get("why").asString()).contains("thanh toán trực tuyến qua cổng");
        assertThat(drill("3.6", "denominator")).containsKeys(online, cash, unpaid, refunded);
        long[] b35 = fraction("3.5b");
        assertThat(b35[0]).as("the extract-copy procedure has an online payment this month").isPositive();

        // the facts the events gave are those a recount builds from the dossiers and PaymentFacts
        String facts = "select dossier_id, code, fee_bearing, paid_online from index766_dossier where code = any(?) "
                + "order by dossier_id";
        String[] codes = {online, cash, unpaid, refunded};
        var live = jdbc.queryForList(facts, (Object) codes);
        var payments = "select payment_id, dossier_id, refunded from index766_payment order by payment_id";
        var livePayments = jdbc.queryForList(payments);
        var recounted = tx.execute(status -> {
            recount.recount();
            var rows = List.of(jdbc.queryForList(facts, (Object) codes), jdbc.queryForList(payments));
            status.setRollbackOnly();
            return rows;
        });
        assertThat(recounted.get(0)).isEqualTo(live);
        // the recount keeps only the payments held; the live table also remembers the refunded one
        assertThat(recounted.get(1)).isEqualTo(livePayments.stream().filter(m -> !(Boolean) m.get("refunded")).toList());
    }

    /** An online application for an extract copy (8,000 đ), accepted at the counter so that the index counts it. */
    private static String received(TestApi citizen, TestApi desk) {
        JsonNode d = PaymentFlows.submitted(citizen);
        JsonNode fresh = citizen.get("/api/v1/dossiers/" + d.get("code").asString()).json();
        PaymentApiTest.act(desk, fresh, "ACCEPT", Map.of());
        return d.get("code").asString();
    }

    private boolean paidOnline(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select paid_online from index766_dossier where code = ?",
                Boolean.class, code));
    }

    long[] fraction(String indicator) {
        JsonNode j = api().get("/api/v1/index766?unit=" + TAN_PHU + "&period=" + MONTH).json();
        for (JsonNode g : j.get("groups")) {
            for (JsonNode i : g.get("indicators")) {
                if (i.get("id").asString().equals(indicator)) {
                    return new long[] {i.get("numerator").asLong(), i.get("denominator").asLong()};
                }
            }
        }
        throw new AssertionError(indicator);
    }

    Map<String, JsonNode> drill(String indicator, String part) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        TestApi monitoring = api().as("giamsat");
        for (int page = 0; page < 20; page++) {
            JsonNode j = monitoring.get("/api/v1/index766/" + indicator + "/dossiers?unit=" + TAN_PHU + "&period="
                    + MONTH + "&part=" + part + "&size=500&page=" + page).json();
            j.get("items").forEach(i -> out.put(i.get("code").asString(), i));
            if ((page + 1) * 500L >= j.get("total").asLong()) {
                break;
            }
        }
        return out;
    }

    void indexCaughtUp() {
        vn.motcua.notification.NotificationTestEvents.await("the index766 consumer", () -> jdbc.queryForObject("""
                select count(*) from outbox_event e, outbox_cursor c
                where c.consumer = 'index766' and (e.xid, e.id) > (c.last_xid, c.last_id)""", Long.class),
                n -> n == 0);
    }
}
