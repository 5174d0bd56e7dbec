package vn.motcua.signing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What a notice prints: form 02 (supplement request), form 03 (reception refusal) and the refusal after
 * appraisal. Times are printed in the province's zone (the calendar's); a {@code null} size means A4.
 *
 * @param dossierCode  the dossier's code; blank for a slip given at the counter without a dossier (a walk-in's form
 *                     02 or 03: no code is printed)
 * @param at           when the notice is issued (date line)
 * @param reason       the reason; line breaks are kept
 * @param items        form 02: what to supplement or correct; forms 03 and refusal: the details of the reason
 * @param officer      who signs: the guiding or receiving officer, or for the refusal the competent person
 * @param trackingUrl  the public tracking page, encoded in the QR code; {@code null}: no QR code
 * @param officerTitle the signer's title for the refusal after appraisal, e.g. "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH";
 *                     {@code null} uses the form's default. Forms 02 and 03 have fixed titles.
 */
public record NoticeData(String dossierCode, String agencyName, String agencyPlace, String procedureName,
                         String applicantName, OffsetDateTime at, String reason, List<String> items,
                         String officer, String trackingUrl, PaperSize size, String officerTitle) {

    public NoticeData {
        Objects.requireNonNull(dossierCode, "dossierCode");
        Objects.requireNonNull(agencyName, "agencyName");
        Objects.requireNonNull(procedureName, "procedureName");
        Objects.requireNonNull(applicantName, "applicantName");
        Objects.requireNonNull(at, "at");
        items = items == null ? List.of() : List.copyOf(items);
        size = size == null ? PaperSize.A4 : size;
    }

    /** A notice signed under the form's default title. */
    public NoticeData(String dossierCode, String agencyName, String agencyPlace, String procedureName,
                      String applicantName, OffsetDateTime at, String reason, List<String> items, String officer,
                      String trackingUrl, PaperSize size) {
        this(dossierCode, agencyName, agencyPlace, procedureName, applicantName, at, reason, items, officer,
                trackingUrl, size, null);
    }
}
