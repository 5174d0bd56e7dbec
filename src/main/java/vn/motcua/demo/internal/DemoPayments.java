package vn.motcua.demo.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.stereotype.Service;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.FeeInputs;
import vn.motcua.catalog.FeeQuote;
import vn.motcua.dossier.DossierBulkLoad;
import vn.motcua.dossier.PaymentReceived;
import vn.motcua.payment.PaymentHistoryLoad;
import vn.motcua.payment.PaymentHistoryLoad.Attempt;
import vn.motcua.payment.PaymentHistoryLoad.PastPayment;
import vn.motcua.payment.PaymentHistoryLoad.Refund;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.platform.Channel;

/**
 * The payments of the demo history: for every generated dossier whose fee was paid (its history has the payment
 * request and its confirmation, {@code paid_at}), the attempts the real flow would have recorded, handed to the
 * payment module's bulk load ({@link PaymentHistoryLoad}), which writes its own tables, issues the e-receipts and has
 * the 766 index recount; then the dossiers' histories tell the payments as the live flow does
 * ({@link DossierBulkLoad#notePayments}: "Đã thanh toán trực tuyến … qua VNPAY, mã giao dịch …", confirmed by the
 * system; cash by the officer who took it). The amount is always the catalogue's: the procedure's quote for the dossier's channel
 * ({@link Catalog#quote}), its lines with their kinds (phí / lệ phí); a dossier whose stored fee is not that quote
 * (none in the generator's data) is left unpaid rather than given an invented amount.
 *
 * <p>Demo figures (not statistics; {@link Shares}): the share paid online rises linearly over the first 24 months of
 * the history — from 45 % to 85 % of the fees of dossiers filed online, from 5 % to 30 % of those filed at the
 * counter or by post (the rest cash at the counter); of the online payments, the national payment platform's share
 * rises from 30 % to 60 % (the rest VNPay); 10 % of online payments follow one failed attempt (three in four
 * cancelled at the gateway, one in four left to expire) and 2 % follow two; a fee paid for a dossier then rejected,
 * stopped or withdrawn is refunded in 60 % of cases. Each dossier draws from its own random stream (the seed and its
 * code): the same dossiers give the same payments.
 */
@Service
public class DemoPayments {

    private final DossierBulkLoad dossiers;
    private final PaymentHistoryLoad payments;
    private final Catalog catalog;
    private final WorkingCalendar calendar;

    DemoPayments(DossierBulkLoad dossiers, PaymentHistoryLoad payments, Catalog catalog, WorkingCalendar calendar) {
        this.dossiers = dossiers;
        this.payments = payments;
        this.catalog = catalog;
        this.calendar = calendar;
    }

    /** The proportions, as functions of the months since the history began (demo figures, see the class). */
    record Shares(double onlineOfOnlineFrom, double onlineOfOnlineTo, double onlineOfCounterFrom,
                  double onlineOfCounterTo, double platformFrom, double platformTo, int rampMonths,
                  double oneFailure, double twoFailures, double refundOfEnded) {

        static final Shares DEMO = new Shares(0.45, 0.85, 0.05, 0.30, 0.30, 0.60, 24, 0.10, 0.02, 0.60);

        double online(Channel channel, double t) {
            return channel == Channel.ONLINE ? lerp(onlineOfOnlineFrom, onlineOfOnlineTo, t)
                    : lerp(onlineOfCounterFrom, onlineOfCounterTo, t);
        }

        double platform(double t) {
            return lerp(platformFrom, platformTo, t);
        }

        private static double lerp(double a, double b, double t) {
            return a + (b - a) * Math.max(0, Math.min(1, t));
        }
    }

    /**
     * Loads the payments of the generated dossiers received in [{@code since}, {@code to}] (days in the calendar's
     * zone), nothing after {@code cutoff}.
     *
     * @param marker demo_data_loaded name: skipped when recorded, recorded with the load (null: always)
     */
    public PaymentHistoryLoad.Report load(LocalDate since, LocalDate to, OffsetDateTime cutoff, long seed,
                                          String marker) {
        OffsetDateTime from = since.atStartOfDay(calendar.zone()).toOffsetDateTime();
        OffsetDateTime until = to.plusDays(1).atStartOfDay(calendar.zone()).toOffsetDateTime();
        List<Long> paid = new ArrayList<>();
        PaymentHistoryLoad.Report report = payments.load(marker, seed, () -> {
            List<PastPayment> out = new ArrayList<>();
            Map<String, FeeQuote> quotes = new HashMap<>();
            dossiers.forEachLoaded(Synth.ORIGIN, from, until, d -> {
                if (d.feeAmount() <= 0 || d.paidAt() == null || d.paidAt().isAfter(cutoff)) {
                    return;
                }
                Channel channel = Channel.valueOf(d.channel());
                FeeQuote quote = quotes.computeIfAbsent(d.procedureCode() + "|" + channel,
                        k -> catalog.quote(d.procedureCode(), FeeInputs.of(channel)));
                if (!quote.complete() || quote.total() != d.feeAmount() || quote.items().isEmpty()) {
                    return;
                }
                out.add(plan(d, channel, quote, since, cutoff, seed, Shares.DEMO));
                paid.add(d.id());
            });
            return out;
        });
        // the dossiers' histories tell the payments as the live flow does (the system confirmed an online one)
        dossiers.notePayments(Synth.ORIGIN, marker == null ? null : marker + "-notes", () -> {
            if (paid.isEmpty()) {
                // the payments were loaded by an earlier start, cut before this step
                dossiers.forEachLoaded(Synth.ORIGIN, from, until, d -> {
                    if (d.feeAmount() > 0 && d.paidAt() != null) {
                        paid.add(d.id());
                    }
                });
            }
            return payments.taken(paid).stream().map(t -> new DossierBulkLoad.PaymentNote(t.dossierId(),
                    t.settledAt(), new PaymentReceived(t.reference(), t.amount(), PaymentReceived.Method.valueOf(
                            t.method()), t.gateway(), t.paidAt()))).toList();
        });
        return report;
    }

    /** One dossier's attempts, from its own random stream. */
    static PastPayment plan(DossierBulkLoad.Loaded d, Channel channel, FeeQuote quote, LocalDate since,
                            OffsetDateTime cutoff, long seed, Shares shares) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ d.code().hashCode());
        OffsetDateTime paidAt = d.paidAt();
        double t = ChronoUnit.MONTHS.between(YearMonth.from(since), YearMonth.from(paidAt.toLocalDate()))
                / (double) shares.rampMonths();
        boolean online = rnd.nextDouble() < shares.online(channel, t);
        String gateway = !online ? "CASH" : rnd.nextDouble() < shares.platform(t) ? "PAYMENT_PLATFORM" : "VNPAY";
        List<Attempt> attempts = new ArrayList<>();
        OffsetDateTime start = online ? paidAt.minusMinutes(2 + rnd.nextInt(10)).minusSeconds(rnd.nextInt(60)) : paidAt;
        if (online) {
            double f = rnd.nextDouble();
            int failures = f < shares.twoFailures() ? 2 : f < shares.oneFailure() + shares.twoFailures() ? 1 : 0;
            OffsetDateTime next = start;
            List<Attempt> failed = new ArrayList<>();
            for (int i = 0; i < failures; i++) {
                OffsetDateTime s = next.minusMinutes(20 + rnd.nextInt(160));
                if (!s.isAfter(d.receivedAt())) {
                    break;
                }
                String g = rnd.nextInt(3) == 0 ? (gateway.equals("VNPAY") ? "PAYMENT_PLATFORM" : "VNPAY") : gateway;
                if (rnd.nextInt(4) == 0) {
                    // never paid: the reconciliation asked the gateway after the expiry
                    failed.addFirst(new Attempt(g, PaymentStatus.EXPIRED, s, null, s.plusMinutes(25 + rnd.nextInt(10)),
                            null, g.equals("VNPAY") ? "91" : "4", "QUERY", "NEVER_PAID", null));
                } else {
                    String code = g.equals("VNPAY") ? (rnd.nextInt(5) == 0 ? "51" : "24") : "99";
                    failed.addFirst(new Attempt(g, PaymentStatus.FAILED, s, null, s.plusMinutes(1 + rnd.nextInt(12)),
                            g.equals("VNPAY") ? bank(rnd) : null, code, g.equals("VNPAY") ? "IPN" : "CALLBACK",
                            "GATEWAY_" + code, null));
                }
                next = s;
            }
            attempts.addAll(failed);
        }
        Refund refund = null;
        PaymentStatus status = PaymentStatus.SUCCEEDED;
        boolean ended = "REJECTED".equals(d.status()) || "STOPPED".equals(d.status()) || "WITHDRAWN".equals(d.status());
        if (ended && d.finishedAt() != null && d.finishedAt().isAfter(paidAt)
                && rnd.nextDouble() < shares.refundOfEnded()) {
            OffsetDateTime asked = daysLater(d.finishedAt(), 1 + rnd.nextInt(3), rnd);
            if (!asked.isAfter(cutoff)) {
                OffsetDateTime done = daysLater(asked, 1 + rnd.nextInt(4), rnd);
                String reason = switch (d.status()) {
                    case "REJECTED" -> "Hồ sơ bị từ chối giải quyết: hoàn trả phí, lệ phí đã nộp";
                    case "STOPPED" -> "Dừng giải quyết hồ sơ theo đề nghị của người nộp: hoàn trả phí, lệ phí";
                    default -> "Người nộp rút hồ sơ trước khi giải quyết: hoàn trả phí, lệ phí";
                };
                refund = new Refund(asked, reason, done.isAfter(cutoff) ? null : done);
                status = refund.refundedAt() == null ? PaymentStatus.REFUND_REQUESTED : PaymentStatus.REFUNDED;
            }
        }
        String confirmedBy;
        OffsetDateTime moneyAt = paidAt;
        if (!online) {
            confirmedBy = "COUNTER";
        } else {
            double c = rnd.nextDouble();
            confirmedBy = c < 0.03 ? "QUERY" : gateway.equals("PAYMENT_PLATFORM") ? "CALLBACK" : c < 0.15 ? "RETURN" : "IPN";
            // a lost callback: the money moved, the reconciliation found it later
            moneyAt = confirmedBy.equals("QUERY") ? paidAt.minusMinutes(15 + rnd.nextInt(10)) : paidAt.minusSeconds(5);
            if (moneyAt.isBefore(start)) {
                moneyAt = start.plusSeconds(30);
            }
        }
        attempts.add(new Attempt(gateway, status, start, moneyAt, paidAt, online ? bank(rnd) : null,
                online ? "00" : "CASH", confirmedBy, null, refund));
        return new PastPayment(d.id(), d.code(), d.agencyCode(), d.procedureCode(), d.procedureName(),
                d.applicantName(), d.applicantIdNumber(), d.applicantAddress(), quote.items(), attempts);
    }

    /** A moment some days later, in office hours (an accountant's working day). */
    private static OffsetDateTime daysLater(OffsetDateTime from, int days, SplittableRandom rnd) {
        return from.plusDays(days).withHour(8 + rnd.nextInt(8)).withMinute(rnd.nextInt(60));
    }

    private static final String[] BANKS = {"NCB", "VCB", "BIDV", "VIETINBANK", "AGRIBANK", "TPBANK", "MBBANK",
        "TECHCOMBANK", "ACB", "VPBANK"};

    private static String bank(SplittableRandom rnd) {
        return BANKS[rnd.nextInt(BANKS.length)];
    }
}
