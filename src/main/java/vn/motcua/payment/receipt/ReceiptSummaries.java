package vn.motcua.payment.receipt;

import static vn.motcua.payment.receipt.ReceiptXml.el;
import static vn.motcua.payment.receipt.ReceiptXml.esc;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;

/**
 * The summary of a day's e-receipt data of an agency for the tax authority (bảng tổng hợp dữ liệu biên lai điện tử,
 * Decree 254/2026 Art. 29.3.b, DOMAIN-2.md §1c). Its schema is not in the sources (UNCONFIRMED): the element names
 * follow the tax authority's summary of e-invoice data (form 01/TH-HĐĐT: {@code TTChung} with {@code LKDLieu} N and
 * {@code KDLieu} the day; {@code NDBTHDLieu/DSDLieu/DLieu} one per receipt) in the receipts' namespace. Built from the
 * receipts as issued (both tables: per category and from before the split); made and kept every day only when
 * {@code motcua.payment.receipt.daily-summary=true}; sending it is not done (no channel in the sources).
 */
@Service
public class ReceiptSummaries {

    private static final Log log = LogFactory.getLog(ReceiptSummaries.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcClient jdbc;
    private final ReceiptProperties properties;
    private final Organization organization;
    private final WorkingCalendar calendar;
    private final java.time.Clock clock;

    ReceiptSummaries(JdbcClient jdbc, ReceiptProperties properties, Organization organization,
                     WorkingCalendar calendar, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.organization = organization;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** One summary: the agency's receipts of a day, their number and total, and the XML. */
    public record Summary(String agencyCode, LocalDate day, int receipts, long amount, String xml) {
    }

    private record Line(String templateSymbol, String series, long number, OffsetDateTime issuedAt, String category,
                        long amount, String payerName, String payerId, String dossierCode) {
    }

    /** The summary of an agency's day as the receipts stand now. */
    public Summary build(String agencyCode, LocalDate day) {
        ZoneId zone = calendar.zone();
        OffsetDateTime from = day.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        List<Line> lines = jdbc.sql("""
                select r.template_symbol, r.series, r.number, r.issued_at, r.category, r.amount, t.payer_name,
                       t.payer_id_number, t.dossier_code
                from (select payment_id, template_symbol, series, number, issued_at, category, amount, agency_code
                        from payment_e_receipt
                      union all
                      select payment_id, template_symbol, series, number, issued_at, null, amount, agency_code
                        from payment_receipt) r
                join payment_transaction t on t.id = r.payment_id
                where r.agency_code = :a and r.issued_at >= :f and r.issued_at < :t
                order by r.series, r.number""").param("a", agencyCode).param("f", from).param("t", to)
                .query((rs, i) -> new Line(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getLong(6), rs.getString(7),
                        rs.getString(8), rs.getString(9))).list();
        long total = lines.stream().mapToLong(Line::amount).sum();
        return new Summary(agencyCode, day, lines.size(), total, xml(agencyCode, day, lines, total));
    }

    /** The kept summary of a day, if it was made. */
    public Optional<Summary> kept(String agencyCode, LocalDate day) {
        return jdbc.sql("select agency_code, day, receipts, amount, xml from payment_receipt_summary "
                        + "where agency_code = :a and day = :d").param("a", agencyCode).param("d", day)
                .query((rs, i) -> new Summary(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3),
                        rs.getLong(4), rs.getString(5))).optional();
    }

    /** Makes and keeps the summaries of every agency that issued receipts on a day (a new run replaces them). */
    public List<Summary> run(LocalDate day) {
        ZoneId zone = calendar.zone();
        List<String> agencies = jdbc.sql("""
                select agency_code from payment_e_receipt where issued_at >= :f and issued_at < :t
                union select agency_code from payment_receipt where issued_at >= :f and issued_at < :t""")
                .param("f", day.atStartOfDay(zone).toOffsetDateTime())
                .param("t", day.plusDays(1).atStartOfDay(zone).toOffsetDateTime()).query(String.class).list();
        List<Summary> out = agencies.stream().sorted().map(a -> build(a, day)).toList();
        for (Summary s : out) {
            jdbc.sql("""
                    insert into payment_receipt_summary (agency_code, day, receipts, amount, xml)
                    values (:a, :d, :n, :m, :x)
                    on conflict (agency_code, day) do update set receipts = excluded.receipts,
                        amount = excluded.amount, xml = excluded.xml, made_at = now(),
                        version = payment_receipt_summary.version + 1""")
                    .param("a", s.agencyCode()).param("d", s.day()).param("n", s.receipts()).param("m", s.amount())
                    .param("x", s.xml()).update();
        }
        log.info("e-receipt summaries of " + day + ": " + out.size() + " agencies (kept; sending to the tax "
                + "authority is not configured)");
        return out;
    }

    /** The scheduled run (when enabled): today's receipts, in the calendar's zone. */
    public List<Summary> runToday() {
        return run(LocalDate.now(clock.withZone(calendar.zone())));
    }

    private String xml(String agencyCode, LocalDate day, List<Line> lines, long total) {
        Agency agency = organization.agency(agencyCode).orElse(null);
        StringBuilder x = new StringBuilder(1024 + 400 * lines.size());
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<BTHDLieu xmlns=\"").append(esc(properties.xmlNamespace())).append("\">\n");
        x.append(" <DLBTHop Id=\"DLBTHop\">\n");
        x.append("  <TTChung>\n");
        el(x, "   ", "PBan", "1.0");
        el(x, "   ", "Ten", "Bảng tổng hợp dữ liệu biên lai điện tử");
        el(x, "   ", "LKDLieu", "N");
        el(x, "   ", "KDLieu", day.format(DAY));
        el(x, "   ", "NLap", LocalDate.now(clock.withZone(calendar.zone())).toString());
        el(x, "   ", "TNNT", agency == null ? agencyCode : agency.name().strip().lines().reduce((a, b) -> b)
                .orElse("").strip());
        el(x, "   ", "MDVi", agencyCode);
        el(x, "   ", "MST", properties.taxCodes().get(agencyCode));
        x.append("  </TTChung>\n");
        x.append("  <NDBTHDLieu>\n");
        x.append("   <DSDLieu>\n");
        int n = 0;
        for (Line l : lines) {
            x.append("    <DLieu>\n");
            el(x, "     ", "STT", Integer.toString(++n));
            el(x, "     ", "KHMSBLai", l.templateSymbol());
            el(x, "     ", "KHBLai", l.series());
            el(x, "     ", "SBLai", String.format("%0" + properties.numberDigits() + "d", l.number()));
            el(x, "     ", "NLap", l.issuedAt().atZoneSameInstant(calendar.zone()).toLocalDate().toString());
            el(x, "     ", "Loai", l.category());
            el(x, "     ", "TNMua", l.payerName());
            el(x, "     ", "SDDanh", l.payerId());
            el(x, "     ", "MHSo", l.dossierCode());
            el(x, "     ", "TgTien", Long.toString(l.amount()));
            x.append("    </DLieu>\n");
        }
        x.append("   </DSDLieu>\n");
        x.append("   <TCong>\n");
        el(x, "    ", "SLuong", Integer.toString(lines.size()));
        el(x, "    ", "TgTien", Long.toString(total));
        x.append("   </TCong>\n");
        x.append("  </NDBTHDLieu>\n");
        x.append(" </DLBTHop>\n");
        x.append("</BTHDLieu>\n");
        return x.toString();
    }
}
