package vn.motcua.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.FeeInputs;
import vn.motcua.dossier.PaymentReceived;
import vn.motcua.index766.internal.Index766Recount;
import vn.motcua.payment.PaymentHistoryLoad;
import vn.motcua.platform.Channel;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;

/**
 * The demo history's payments (docs/PAYMENTS.md "The demo history"): a small history of the first half of 2017 (a
 * period no other test uses) is generated as the demo does, then its payments are loaded through the payment module's
 * bulk load. Every amount is the catalogue's fee of the procedure, fee-free dossiers have no payment, one attempt at
 * most took a dossier's fee, cash never counts for 3.6, the 766 figure of a month is positive and what a recount gives,
 * the accountant's report sees the month's money, the dossiers' histories tell the payments as the live flow does,
 * and a second load adds nothing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPaymentsTest {

    static final LocalDate FROM = LocalDate.of(2017, 1, 1);
    static final LocalDate TO = LocalDate.of(2017, 6, 30);
    static final OffsetDateTime CUTOFF = OffsetDateTime.parse("2017-08-01T00:00+07:00");
    /** The generated dossiers of the range (the history's origin). */
    static final String MINE = """
             exists (select 1 from dossier_history g where g.dossier_id = d.id and g.origin = 'generator')
            and d.received_at >= '2017-01-01T00:00+07:00' and d.received_at < '2017-07-01T00:00+07:00'
             """;

    @LocalServerPort
    int port;
    @Autowired
    DossierGenerator generator;
    @Autowired
    DemoPayments payments;
    @Autowired
    Catalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Index766Recount recount;

    @BeforeAll
    void load() throws Exception {
        // markers as the demo's: a second run of this class on the same database loads nothing again
        generator.generate(new DossierGenerator.Options(3_000, FROM, TO, 2017, 1000, CUTOFF,
                "test-dossier-history-2017"), null);
        payments.load(FROM, TO, CUTOFF, 766, "test-payment-history-2017");
    }

    @Test
    void everyPaymentIsTheCataloguesFeeOfItsProcedure() {
        record P(String code, String procedure, String channel, long fee, OffsetDateTime paidAt, String status,
                 String gateway, String method, long amount, long lines, OffsetDateTime settledAt) {
        }
        List<P> rows = jdbc.sql("""
                select d.code, d.procedure_code, d.channel, d.fee_amount, d.paid_at, t.status, t.gateway, t.method,
                    t.amount, (select sum((i ->> 'amount')::bigint) from jsonb_array_elements(t.items) i), t.settled_at
                from payment_transaction t join dossier d on d.id = t.dossier_id where""" + MINE)
                .query((rs, i) -> new P(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getLong(9), rs.getLong(10), rs.getObject(11, OffsetDateTime.class))).list();
        assertThat(rows).hasSizeGreaterThan(100);
        Map<String, Integer> paidAttempts = new HashMap<>();
        for (P p : rows) {
            long quoted = catalog.quote(p.procedure(), FeeInputs.of(Channel.valueOf(p.channel()))).total();
            assertThat(p.amount()).as("payment of %s (%s)", p.code(), p.procedure()).isEqualTo(quoted)
                    .isEqualTo(p.fee()).isEqualTo(p.lines()).isPositive();
            assertThat(p.method()).isEqualTo(p.gateway().equals("CASH") ? "CASH" : "ONLINE");
            if (!p.status().equals("FAILED") && !p.status().equals("EXPIRED")) {
                paidAttempts.merge(p.code(), 1, Integer::sum);
                assertThat(p.settledAt()).as("paid when the dossier's history says").isEqualTo(p.paidAt());
            } else {
                assertThat(p.settledAt()).as("%s failed before it was paid", p.code()).isBefore(p.paidAt());
            }
        }
        assertThat(paidAttempts.values()).as("one attempt took each fee").containsOnly(1);
        // every dossier whose fee was paid has its payment, unless the catalogue cannot say the whole amount (an
        // officer would set it: the demo invents none); none without a fee has one
        jdbc.sql("select d.code, d.procedure_code, d.channel, d.fee_amount from dossier d where d.fee_amount > 0 "
                + "and d.paid_at is not null and " + MINE
                + " and not exists (select 1 from payment_transaction t where t.dossier_id = d.id)")
                .query((rs, i) -> {
                    var quote = catalog.quote(rs.getString(2), FeeInputs.of(Channel.valueOf(rs.getString(3))));
                    assertThat(quote.complete() && quote.total() == rs.getLong(4))
                            .as("%s paid %d đ of %s without a payment (quote %s)", rs.getString(1), rs.getLong(4),
                                    rs.getString(2), quote).isFalse();
                    return 1;
                }).list();
        assertThat(jdbc.sql("select count(*) from dossier d where coalesce(d.fee_amount, 0) = 0 and " + MINE
                + " and exists (select 1 from payment_transaction t where t.dossier_id = d.id)")
                .query(Long.class).single()).isZero();
        // a mix: online through both gateways, cash, failed attempts first, refunds
        Map<String, Long> byKind = new HashMap<>();
        rows.forEach(p -> byKind.merge(p.gateway() + " " + p.status(), 1L, Long::sum));
        assertThat(byKind).containsKeys("VNPAY SUCCEEDED", "PAYMENT_PLATFORM SUCCEEDED", "CASH SUCCEEDED");
        assertThat(byKind.keySet()).anyMatch(k -> k.endsWith("FAILED")).anyMatch(k -> k.endsWith("REFUNDED"));
    }

    @Test
    void receiptsAreOnePerCategoryAndAddUpToThePayment() {
        assertThat(jdbc.sql("""
                select count(*) from payment_transaction t join dossier d on d.id = t.dossier_id
                where t.paid_at is not null and""" + MINE + """
                and t.amount <> (select coalesce(sum(r.amount), 0) from payment_e_receipt r where r.payment_id = t.id)
                """).query(Long.class).single()).as("paid attempts whose receipts do not add up").isZero();
        assertThat(jdbc.sql("""
                select count(*) from payment_e_receipt r join payment_transaction t on t.id = r.payment_id
                join dossier d on d.id = t.dossier_id where r.issued_at <> t.settled_at and""" + MINE)
                .query(Long.class).single()).as("receipts dated otherwise than the collection").isZero();
        assertThat(jdbc.sql("""
                select count(*) from payment_e_receipt r join payment_transaction t on t.id = r.payment_id
                join dossier d on d.id = t.dossier_id where t.paid_at is null and""" + MINE)
                .query(Long.class).single()).as("receipts of failed attempts").isZero();
    }

    @Test
    void cashNeverCountsAsOnlineAndTheMonthsFigureIsTheRecounts() {
        // the index's facts: paid online exactly when a gateway's payment is held, never for cash
        assertThat(jdbc.sql("""
                select count(*) from index766_dossier f join dossier d on d.id = f.dossier_id where""" + MINE + """
                and f.paid_online <> exists (select 1 from payment_transaction t where t.dossier_id = d.id
                    and t.method = 'ONLINE' and t.status in ('SUCCEEDED', 'REFUND_REQUESTED'))""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from index766_dossier f join dossier d on d.id = f.dossier_id where""" + MINE + """
                and f.paid_online and exists (select 1 from payment_transaction t where t.dossier_id = d.id
                    and t.gateway = 'CASH' and t.paid_at is not null)""").query(Long.class).single())
                .as("dossiers paid in cash counted online").isZero();

        long[] live = fraction("3.6");
        long[] procedures = fraction("3.5b");
        assertThat(live[0]).as("3.6 numerator of 2017-03").isPositive();
        assertThat(live[0]).isLessThan(live[1]);
        assertThat(procedures[0]).as("3.5b numerator of 2017-03").isPositive();
        recount.recount();
        assertThat(fraction("3.6")).isEqualTo(live);
        assertThat(fraction("3.5b")).isEqualTo(procedures);
    }

    @Test
    void theAccountantsReportSeesTheMonth() {
        JsonNode r = new TestApi(port).as("admin")
                .get("/api/v1/accounting/payment-report?from=2017-03-01&to=2017-03-31&by=MONTH").json();
        long mine = jdbc.sql("""
                select coalesce(sum(t.amount), 0) from payment_transaction t join dossier d on d.id = t.dossier_id
                where t.status in ('SUCCEEDED', 'REFUND_REQUESTED')
                  and t.created_at >= '2017-03-01T00:00+07:00' and t.created_at < '2017-04-01T00:00+07:00' and"""
                + MINE).query(Long.class).single();
        assertThat(mine).isPositive();
        JsonNode total = r.get("total");
        assertThat(total.get("paidAmount").asLong()).isGreaterThanOrEqualTo(mine);
        assertThat(total.get("phi").get("paidAmount").asLong() + total.get("lePhi").get("paidAmount").asLong())
                .isEqualTo(total.get("paidAmount").asLong() - total.get("obligations").get("paidAmount").asLong());
        assertThat(total.get("channels").findValuesAsString("channel")).contains("VNPAY", "PAYMENT_PLATFORM", "CASH");
    }

    @Test
    void theDossiersHistoriesTellThePaymentsAsTheLiveFlowDoes() {
        record L(String reference, String method, String gateway, long amount, String note, String actor, String role) {
        }
        List<L> lines = jdbc.sql("""
                select t.reference, t.method, t.gateway, t.amount, h.note, h.actor_name, h.actor_role
                from payment_transaction t join dossier d on d.id = t.dossier_id
                join dossier_history h on h.dossier_id = d.id and h.action = 'CONFIRM_PAYMENT'
                where t.paid_at is not null and h.at = t.settled_at and""" + MINE)
                .query((rs, i) -> new L(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getString(7))).list();
        assertThat(lines).hasSizeGreaterThan(100);
        for (L l : lines) {
            assertThat(l.note()).isEqualTo(new PaymentReceived(l.reference(), l.amount(),
                    PaymentReceived.Method.valueOf(l.method()), l.gateway(), null).note());
            if (l.method().equals("ONLINE")) {
                assertThat(l.actor()).as("a gateway's payment is confirmed by the system").isEqualTo("Hệ thống");
            } else {
                assertThat(l.role()).as("cash is taken by the one-stop").isEqualTo("RECEPTION");
            }
        }
        assertThat(lines).anyMatch(l -> l.note().startsWith("Đã thanh toán trực tuyến"))
                .anyMatch(l -> l.note().startsWith("Đã nộp"));
        // every payment that took a fee is told, once
        assertThat(lines).hasSize((int) count("""
                select count(*) from payment_transaction t join dossier d on d.id = t.dossier_id
                where t.paid_at is not null and""" + MINE));
    }

    @Test
    void aSecondLoadAddsNothing() {
        long before = count();
        PaymentHistoryLoad.Report again = payments.load(FROM, TO, CUTOFF, 766, "test-payment-history-2017");
        assertThat(again.skipped()).as("the same marker: skipped").isTrue();
        // even under another name (a marker lost), a dossier that has its payments is left alone
        PaymentHistoryLoad.Report other = payments.load(FROM, TO, CUTOFF, 766, "test-" + UUID.randomUUID());
        assertThat(other.skipped()).isFalse();
        assertThat(count()).isEqualTo(before);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private long count() {
        return jdbc.sql("select count(*) from payment_transaction t join dossier d on d.id = t.dossier_id where " + MINE)
                .query(Long.class).single();
    }

    private long[] fraction(String indicator) {
        JsonNode j = new TestApi(port).get("/api/v1/index766?unit=70&period=2017-03").json();
        for (JsonNode g : j.get("groups")) {
            for (JsonNode i : g.get("indicators")) {
                if (i.get("id").asString().equals(indicator)) {
                    return new long[] {i.get("numerator").asLong(), i.get("denominator").asLong()};
                }
            }
        }
        throw new AssertionError(indicator);
    }
}
