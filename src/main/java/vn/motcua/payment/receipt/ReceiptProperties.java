package vn.motcua.payment.receipt;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the electronic receipts under {@code motcua.payment.receipt.*} (docs/PAYMENTS.md "E-receipts"). The
 * receipt's template symbol, the letters of its series and the XML data format are set by the tax authority when an
 * agency registers its e-receipts (form 01/ĐK-BL); the sources give no values (DOMAIN-2.md §1c, UNCONFIRMED), so
 * they are configuration with documented defaults.
 *
 * @param name           the receipt's name as printed (default "Biên lai thu phí, lệ phí")
 * @param templateSymbol ký hiệu mẫu biên lai (default {@code 01BLP0-001}, UNCONFIRMED)
 * @param seriesLetters  letters of the series, followed by the last two digits of the year of issue (default BL)
 * @param series         a series per agency code, replacing letters + year (e.g. the series registered in 2026)
 * @param taxCodes       the collecting agencies' tax codes (mã số thuế), by agency code; unset: left blank
 * @param numberDigits   digits of the printed number, zero-padded: 8 under Decree 254/2026 (7 under Decree 123/2020)
 * @param xmlNamespace   the namespace of the receipt's XML data (default {@code urn:motcua:bien-lai:1})
 * @param dailySummary   make and keep each agency's summary of the day's receipts for the tax authority (Decree
 *                       254/2026 Art. 29.3.b) every day (default false: its format and the way to send it are
 *                       UNCONFIRMED; the summary can still be downloaded by the accountant)
 * @param dailySummaryAt when, in the calendar's zone (default 23:45: on the day of issue)
 */
@ConfigurationProperties(prefix = "motcua.payment.receipt")
public record ReceiptProperties(String name, String templateSymbol, String seriesLetters, Map<String, String> series,
                                Map<String, String> taxCodes, Integer numberDigits, String xmlNamespace,
                                Boolean dailySummary, String dailySummaryAt) {

    public ReceiptProperties {
        name = blank(name) ? "Biên lai thu phí, lệ phí" : name.strip();
        templateSymbol = blank(templateSymbol) ? "01BLP0-001" : templateSymbol.strip();
        seriesLetters = blank(seriesLetters) ? "BL" : seriesLetters.strip();
        series = series == null ? Map.of() : Map.copyOf(series);
        taxCodes = taxCodes == null ? Map.of() : Map.copyOf(taxCodes);
        numberDigits = numberDigits == null ? 8 : Math.clamp(numberDigits, 1, 8);
        xmlNamespace = blank(xmlNamespace) ? "urn:motcua:bien-lai:1" : xmlNamespace.strip();
        dailySummary = Boolean.TRUE.equals(dailySummary);
        dailySummaryAt = blank(dailySummaryAt) ? "23:45" : dailySummaryAt.strip();
    }

    /** The series an agency issues from in a year. */
    public String seriesOf(String agencyCode, int year) {
        String s = series.get(agencyCode);
        return blank(s) ? seriesLetters + String.format("%02d", year % 100) : s.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
