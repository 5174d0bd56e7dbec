package vn.motcua.payment.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.NonNull;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.payment.PaymentCategory;
import vn.motcua.platform.Actor;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;

/**
 * The payment reports (docs/REPORTS.md "Payments"): attempts and amounts per unit (the collecting agency) and per day,
 * month or year, for phí, for lệ phí and for other financial obligations ({@link PaymentCategories}), and success
 * rates (attempts that succeeded ÷ attempts started) per channel. An attempt counts in the period of the day it started
 * (calendar time zone), like the ledger and the daily reconciliation; amounts are the lines of the payments as kept, so
 * the categories add up to the amount collected to the đồng.
 */
@Component
public class PaymentReports {

    /** The longest period by day, and by month or year. */
    public static final int MAX_DAYS_BY_DAY = 366, MAX_YEARS = 10;
    private static final List<String> CHANNELS = List.of("VNPAY", "PAYMENT_PLATFORM", "CASH");
    private static final String SUCCEEDED = "status in ('SUCCEEDED', 'REFUND_REQUESTED', 'REFUNDED')";
    private static final String PAID = "status in ('SUCCEEDED', 'REFUND_REQUESTED')";

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final Organization organization;
    private final java.time.Clock clock;

    PaymentReports(JdbcClient jdbc, WorkingCalendar calendar, Organization organization, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.organization = organization;
        this.clock = clock;
    }

    /** How the rows of a report are cut: by day, by month, by year. */
    @Schema(name = "PaymentReportGranularity")
    public enum Granularity {
        DAY("YYYY-MM-DD"), MONTH("YYYY-MM"), YEAR("YYYY");

        private final String format;

        Granularity(String format) {
            this.format = format;
        }
    }

    /** What is asked: days [from, to], cut by day / month / year, one agency (null: all the actor may see), a channel. */
    public record Filter(LocalDate from, LocalDate to, Granularity by, String agencyCode, String channel) {
    }

    @Schema(name = "PaymentCategoryFigures", description = "The attempts with a line of one category and the amount "
            + "of those lines collected")
    public record CategoryFigures(@Schema(description = "attempts with a line of this category") int attempts,
                                  @Schema(description = "of them, paid at some point") int succeeded,
                                  @Schema(description = "succeeded ÷ attempts, percent, one decimal; null when none")
                                  Double successRate,
                                  @Schema(description = "attempts whose money is held (SUCCEEDED, REFUND_REQUESTED)")
                                  int paid,
                                  @Schema(description = "đồng: the lines of this category of the paid attempts")
                                  long paidAmount) {
    }

    @Schema(name = "PaymentChannelFigures", description = "The attempts through one channel")
    public record ChannelFigures(@NonNull @Schema(allowableValues = {"VNPAY", "PAYMENT_PLATFORM", "CASH"})
                                 String channel, int attempts, int succeeded,
                                 @Schema(description = "succeeded ÷ attempts, percent, one decimal; null when none")
                                 Double successRate, int paid, @Schema(description = "đồng") long paidAmount) {
    }

    @Schema(name = "PaymentReportFigures", description = "The figures of a row or of the whole report")
    public record Figures(@Schema(description = "attempts started (every status)") int attempts,
                          @Schema(description = "attempts paid at some point (SUCCEEDED, REFUND_REQUESTED, REFUNDED)")
                          int succeeded,
                          @Schema(description = "succeeded ÷ attempts, percent, one decimal; null when none")
                          Double successRate,
                          @Schema(description = "attempts whose money is held (SUCCEEDED, REFUND_REQUESTED)") int paid,
                          @Schema(description = "đồng collected = phi + lePhi + obligations") long paidAmount,
                          @Schema(description = "attempts refunded") int refunded,
                          @Schema(description = "đồng refunded") long refundedAmount,
                          @NonNull @Schema(description = "phí") CategoryFigures phi,
                          @NonNull @Schema(description = "lệ phí") CategoryFigures lePhi,
                          @NonNull @Schema(description = "other financial obligations (nghĩa vụ tài chính)")
                          CategoryFigures obligations,
                          @NonNull @Schema(description = "success rates per channel") List<ChannelFigures> channels) {
    }

    @Schema(name = "PaymentReportRow", description = "One collecting agency in one day, month or year")
    public record Row(@NonNull @Schema(description = "yyyy-MM-dd, yyyy-MM or yyyy") String period,
                      @NonNull String agencyCode, @NonNull String agencyName, @NonNull Figures figures) {
    }

    @Schema(name = "PaymentReport", description = "Payments per unit and period: phí, lệ phí, other financial "
            + "obligations, success rates per channel; the rows add up to the total to the đồng")
    public record Report(@NonNull @Schema(format = "date") String from, @NonNull @Schema(format = "date") String to,
                         @NonNull Granularity by,
                         @Schema(description = "the agency asked (null: every agency the caller may see)")
                         String agency,
                         @Schema(allowableValues = {"VNPAY", "PAYMENT_PLATFORM", "CASH"}) String channel,
                         @NonNull List<Row> rows, @NonNull Figures total) {
    }

    /**
     * The checked filter. An agency's accountant or leader sees their agency (another one is a 400 naming
     * {@code agency}); the province administrator any or all. Defaults: {@code to} today, {@code from} the first
     * day of the month (by day) or of the year (by month or year).
     */
    public Filter filter(Actor actor, String from, String to, String by, String agency, String channel) {
        if (!actor.isAdmin() && !((actor.has(Role.ACCOUNTANT) || actor.has(Role.LEADER)) && actor.agencyCode() != null)) {
            throw ProblemException.forbidden("payment.report.only");
        }
        List<FieldProblem> errors = new ArrayList<>();
        Granularity g = Granularity.DAY;
        if (by != null && !by.isBlank()) {
            try {
                g = Granularity.valueOf(by.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(FieldProblem.of("by", "payment.report.by.invalid", by));
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        LocalDate t = date("to", to, errors);
        if (t == null && (to == null || to.isBlank())) {
            t = today;
        }
        LocalDate f = date("from", from, errors);
        if (f == null && (from == null || from.isBlank()) && t != null) {
            f = g == Granularity.DAY ? t.withDayOfMonth(1) : t.withDayOfYear(1);
        }
        if (f != null && t != null) {
            if (t.isBefore(f)) {
                errors.add(FieldProblem.of("to", "payment.accounting.period.order"));
            } else if (g == Granularity.DAY && ChronoUnit.DAYS.between(f, t) >= MAX_DAYS_BY_DAY) {
                errors.add(FieldProblem.of("to", "payment.report.period.tooLongByDay", MAX_DAYS_BY_DAY));
            } else if (!t.isBefore(f.plusYears(MAX_YEARS))) {
                errors.add(FieldProblem.of("to", "payment.report.period.tooLong", MAX_YEARS));
            }
        }
        String a = agency == null || agency.isBlank() ? null : agency.strip();
        if (!actor.isAdmin()) {
            // their own agency, or one it succeeded (archive custody: its past collections)
            boolean readable = a != null && organization.readableBy(actor.agencyCode()).contains(a);
            if (a != null && !readable) {
                errors.add(FieldProblem.of("agency", "payment.report.agency.other"));
            }
            a = readable ? a : actor.agencyCode();
        } else if (a != null && organization.agency(a).isEmpty()) {
            errors.add(FieldProblem.of("agency", "payment.report.agency.unknown", a));
        }
        String c = channel == null || channel.isBlank() ? null : channel.strip().toUpperCase(Locale.ROOT);
        if (c != null && !CHANNELS.contains(c)) {
            errors.add(FieldProblem.of("channel", "payment.channel.unknown", String.join(", ", CHANNELS)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Filter(f, t, g, a, c);
    }

    /**
     * The report of a checked filter: two aggregate queries over the period's attempts (the second sums each
     * attempt's lines per category in a lateral subquery: 3–4.5 s instead of 9–10 s for 500,000 attempts of a year
     * on the loaded 2-core machine, docs/REPORTS.md).
     */
    public Report report(Filter f) {
        ZoneId zone = calendar.zone();
        OffsetDateTime start = f.from().atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = f.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        String unit = f.by().name().toLowerCase(Locale.ROOT);
        StringBuilder where = new StringBuilder("t.created_at >= :start and t.created_at < :end");
        if (f.agencyCode() != null) {
            where.append(" and t.agency_code = :agency");
        }
        if (f.channel() != null) {
            where.append(" and t.gateway = :channel");
        }
        String period = "to_char(date_trunc('" + unit + "', t.created_at at time zone :zone), '" + f.by().format
                + "')";
        Map<String, Acc> rows = new TreeMap<>();
        Acc total = new Acc();
        var byTransaction = jdbc.sql("select " + period + " as period, t.agency_code, t.gateway, count(*) as attempts, "
                        + "count(*) filter (where " + SUCCEEDED + ") as succeeded, "
                        + "count(*) filter (where " + PAID + ") as paid, "
                        + "coalesce(sum(amount) filter (where " + PAID + "), 0) as paid_amount, "
                        + "count(*) filter (where status = 'REFUNDED') as refunded, "
                        + "coalesce(sum(amount) filter (where status = 'REFUNDED'), 0) as refunded_amount "
                        + "from payment_transaction t where " + where + " group by 1, 2, 3");
        bind(byTransaction, f, zone, start, end).query((rs, n) -> {
            long[] v = {rs.getLong("attempts"), rs.getLong("succeeded"), rs.getLong("paid"), rs.getLong("paid_amount"),
                rs.getLong("refunded"), rs.getLong("refunded_amount")};
            String gateway = rs.getString("gateway");
            rows.computeIfAbsent(rs.getString("period") + "|" + rs.getString("agency_code"), k -> new Acc())
                    .add(gateway, v);
            total.add(gateway, v);
            return 0;
        }).list();
        // per line category; a line kept before categories existed falls back on its kind (the policy's stored())
        var byCategory = jdbc.sql("select " + period + " as period, t.agency_code, c.category, c.kind, "
                        + "count(*) as attempts, count(*) filter (where " + SUCCEEDED + ") as succeeded, "
                        + "count(*) filter (where " + PAID + ") as paid, "
                        + "coalesce(sum(c.amount) filter (where " + PAID + "), 0) as paid_amount "
                        + "from payment_transaction t cross join lateral (select e ->> 'category' as category, "
                        + "e ->> 'kind' as kind, sum((e ->> 'amount')::bigint) as amount "
                        + "from jsonb_array_elements(t.items) e group by 1, 2) c where " + where
                        + " group by 1, 2, 3, 4");
        bind(byCategory, f, zone, start, end).query((rs, n) -> {
            PaymentCategory c = PaymentCategories.stored(rs.getString("category"), rs.getString("kind"));
            long[] v = {rs.getLong("attempts"), rs.getLong("succeeded"), rs.getLong("paid"), rs.getLong("paid_amount")};
            rows.computeIfAbsent(rs.getString("period") + "|" + rs.getString("agency_code"), k -> new Acc())
                    .category(c, v);
            total.category(c, v);
            return 0;
        }).list();
        List<Row> out = new ArrayList<>(rows.size());
        Map<String, String> names = new java.util.HashMap<>();
        rows.forEach((key, acc) -> {
            int bar = key.indexOf('|');
            String agency = key.substring(bar + 1);
            String name = names.computeIfAbsent(agency, a -> organization.agencyAsRecorded(a).map(Agency::name).orElse(a));
            out.add(new Row(key.substring(0, bar), agency, name, acc.figures()));
        });
        return new Report(f.from().toString(), f.to().toString(), f.by(), f.agencyCode(), f.channel(), out,
                total.figures());
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec s, Filter f, ZoneId zone,
                                                 OffsetDateTime start, OffsetDateTime end) {
        s = s.param("zone", zone.getId()).param("start", start).param("end", end);
        if (f.agencyCode() != null) {
            s = s.param("agency", f.agencyCode());
        }
        if (f.channel() != null) {
            s = s.param("channel", f.channel());
        }
        return s;
    }

    /** Percent with one decimal; null when nothing was attempted. */
    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
    }

    private static LocalDate date(String field, String value, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(FieldProblem.of(field, "payment.report.date.invalid", value, field));
            return null;
        }
    }

    /** Sums of one row (or of the total). */
    private static final class Acc {
        /** attempts, succeeded, paid, paid amount, refunded, refunded amount — per channel */
        private final Map<String, long[]> channels = new TreeMap<>();
        /** attempts, succeeded, paid, paid amount — per category */
        private final Map<PaymentCategory, long[]> categories = new EnumMap<>(PaymentCategory.class);

        void add(String channel, long[] v) {
            long[] a = channels.computeIfAbsent(channel, k -> new long[6]);
            for (int i = 0; i < 6; i++) {
                a[i] += v[i];
            }
        }

        void category(PaymentCategory c, long[] v) {
            long[] a = categories.computeIfAbsent(c, k -> new long[4]);
            for (int i = 0; i < 4; i++) {
                a[i] += v[i];
            }
        }

        Figures figures() {
            long[] s = new long[6];
            List<ChannelFigures> list = new ArrayList<>();
            for (var e : channels.entrySet()) {
                long[] v = e.getValue();
                for (int i = 0; i < 6; i++) {
                    s[i] += v[i];
                }
                list.add(new ChannelFigures(e.getKey(), (int) v[0], (int) v[1], rate(v[1], v[0]), (int) v[2], v[3]));
            }
            return new Figures((int) s[0], (int) s[1], rate(s[1], s[0]), (int) s[2], s[3], (int) s[4], s[5],
                    category(PaymentCategory.PHI), category(PaymentCategory.LE_PHI),
                    category(PaymentCategory.NGHIA_VU_TAI_CHINH), list);
        }

        private CategoryFigures category(PaymentCategory c) {
            long[] v = categories.getOrDefault(c, new long[4]);
            return new CategoryFigures((int) v[0], (int) v[1], rate(v[1], v[0]), (int) v[2], v[3]);
        }
    }
}
