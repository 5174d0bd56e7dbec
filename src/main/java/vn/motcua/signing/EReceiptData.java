package vn.motcua.signing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What an electronic receipt for fees and charges prints (biên lai thu phí, lệ phí; DOMAIN-2.md §1c, Decree
 * 254/2026 Art. 23.2): the receipt's name, template symbol, series and number, the collecting organisation and its
 * tax code, the payer, the fee lines with their amounts in figures and the total in words, the date of issue; the
 * collecting organisation's digital signature is added afterwards ({@link DocumentSigner#signAsAgency}).
 *
 * @param templateSymbol ký hiệu mẫu biên lai
 * @param series         ký hiệu biên lai (letters and the last two digits of a year)
 * @param number         the receipt's number as printed (Arabic numerals, at most 8 digits)
 * @param agencyTaxCode  the collecting organisation's tax code, or {@code null} (left blank)
 * @param totalInWords   the total in Vietnamese words ("Tám nghìn đồng")
 * @param paymentLine    how it was paid, e.g. "Trực tuyến qua VNPAY, mã giao dịch 14123456"
 * @param xml            the receipt's data in XML, embedded in the PDF as {@code bien-lai.xml} (covered by the
 *                       signature), or {@code null}
 * @param verifyUrl      the verification page of the signed receipt, encoded in the QR code, or {@code null}
 */
public record EReceiptData(String receiptName, String templateSymbol, String series, String number,
                           String agencyName, String agencyPlace, String agencyTaxCode, String payerName,
                           String payerIdNumber, String payerAddress, String dossierCode, String procedureName,
                           List<Line> lines, long total, String totalInWords, String paymentLine, String reference,
                           OffsetDateTime issuedAt, String xml, String verifyUrl, PaperSize size) {

    public EReceiptData {
        Objects.requireNonNull(receiptName, "receiptName");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(agencyName, "agencyName");
        Objects.requireNonNull(totalInWords, "totalInWords");
        Objects.requireNonNull(issuedAt, "issuedAt");
        lines = lines == null ? List.of() : List.copyOf(lines);
        size = size == null ? PaperSize.A4 : size;
    }

    /**
     * One fee line.
     *
     * @param kind "Phí" or "Lệ phí" as printed
     */
    public record Line(String name, String kind, int quantity, Long unitAmount, long amount) {
    }
}
