package vn.motcua.payment.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.platform.Actor;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;

/**
 * The accountant's ledger: the payment attempts of a period by day (calendar time zone), agency and channel, with
 * totals — attempts, paid and their amount, refunded, success rate. An agency's accountant sees their agency's and,
 * by archive custody ({@link vn.motcua.organization.SuccessorCustody}), those of the closed agencies it succeeded
 * (past payments and refunds of their dossiers); the province administrator any agency or all.
 */
@Component
public class PaymentLedger {

    /** The longest period one request covers. */
    public static final int MAX_DAYS = 92;

    private final PaymentRepository payments;
    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final vn.motcua.organization.Organization organization;

    PaymentLedger(PaymentRepository payments, JdbcClient jdbc, WorkingCalendar calendar,
                  vn.motcua.organization.Organization organization) {
        this.payments = payments;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.organization = organization;
    }

    /**
     * What is asked: a period of days, an agency (null: all the actor may see), a channel (null: all); {@code agencies}
     * the agencies whose attempts are listed (the one asked, or for an accountant asking none their own and those it
     * succeeded; null: all).
     */
    public record Filter(LocalDate from, LocalDate to, String agencyCode, String channel, List<String> agencies) {
    }

    /** Totals of a group (a day, agency and channel; or everything). */
    public record Totals(LocalDate day, String agencyCode, String channel, int attempts, int paid, long paidAmount,
                         int refunded, long refundedAmount) {

        /** Paid attempts of the settled-or-open ones, in percent (one decimal); null when none. */
        public Double successRate() {
            return attempts == 0 ? null : Math.round(1000.0 * (paid + refunded) / attempts) / 10.0;
        }

        Totals add(PaymentRecord r) {
            boolean isPaid = r.status().paid();
            boolean isRefunded = r.status() == PaymentStatus.REFUNDED;
            return new Totals(day, agencyCode, channel, attempts + 1, paid + (isPaid ? 1 : 0),
                    paidAmount + (isPaid ? r.amount() : 0), refunded + (isRefunded ? 1 : 0),
                    refundedAmount + (isRefunded ? r.amount() : 0));
        }
    }

    /** The attempts, the totals by day, agency and channel, and the grand total. */
    public record Ledger(Filter filter, List<PaymentRecord> payments, List<Totals> groups, Totals total) {
    }

    /** The checked filter: dates required and in order, at most {@value #MAX_DAYS} days, the agency the actor's. */
    public Filter filter(Actor actor, String from, String to, String agency, String channel) {
        if (!actor.has(Role.ACCOUNTANT) && !actor.isAdmin()) {
            throw ProblemException.forbidden("payment.accounting.only");
        }
        LocalDate f = date("from", from);
        LocalDate t = to == null || to.isBlank() ? f : date("to", to);
        if (t.isBefore(f)) {
            throw ProblemException.invalid("to", "payment.accounting.period.order");
        }
        if (ChronoUnit.DAYS.between(f, t) >= MAX_DAYS) {
            throw ProblemException.invalid("to", "payment.accounting.period.tooLong", MAX_DAYS);
        }
        String a = agency == null || agency.isBlank() ? null : agency.strip();
        List<String> agencies = a == null ? null : List.of(a);
        if (!actor.isAdmin()) {
            List<String> readable = List.copyOf(organization.readableBy(actor.agencyCode()));
            if (a != null && !readable.contains(a)) {
                throw ProblemException.invalid("agency", "payment.accounting.agency.other");
            }
            agencies = a == null ? readable : agencies;
            a = a == null ? actor.agencyCode() : a;
        }
        String c = channel == null || channel.isBlank() ? null : channel.strip().toUpperCase(Locale.ROOT);
        if (c != null && !List.of("VNPAY", "PAYMENT_PLATFORM", "CASH").contains(c)) {
            throw ProblemException.invalid("channel", "payment.channel.unknown", "VNPAY, PAYMENT_PLATFORM, CASH");
        }
        return new Filter(f, t, a, c, agencies);
    }

    /**
     * Whether the actor reads the payment records of an agency (a reconciliation's mismatches): the administrator or an
     * officer without an agency every one, an accountant their agency's and those it succeeded (archive custody).
     */
    public boolean reads(Actor actor, String agencyCode) {
        return actor.isAdmin() || actor.agencyCode() == null
                || organization.readableBy(actor.agencyCode()).contains(agencyCode);
    }

    public Ledger ledger(Filter f) {
        ZoneId zone = calendar.zone();
        OffsetDateTime from = f.from().atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = f.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        List<PaymentRecord> list = payments.between(from, to, f.agencies(), f.channel());
        Map<String, Totals> groups = new TreeMap<>();
        Totals total = new Totals(null, f.agencyCode(), f.channel(), 0, 0, 0, 0, 0);
        for (PaymentRecord r : list) {
            LocalDate day = r.createdAt().atZoneSameInstant(zone).toLocalDate();
            String key = day + "|" + r.agencyCode() + "|" + r.gateway();
            groups.compute(key, (k, v) -> (v == null ? new Totals(day, r.agencyCode(), r.gateway(), 0, 0, 0, 0, 0) : v)
                    .add(r));
            total = total.add(r);
        }
        return new Ledger(f, list, new ArrayList<>(groups.values()), total);
    }

    /** The calendar's local time of a moment, for display. */
    public java.time.ZonedDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(calendar.zone());
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "payment.accounting.date.required");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(field, "payment.accounting.date.invalid", value);
        }
    }
}
