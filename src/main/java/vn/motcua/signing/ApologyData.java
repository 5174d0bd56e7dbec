package vn.motcua.signing;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What form 04 prints (Phiếu xin lỗi và hẹn lại ngày trả kết quả; Circular 03/2025: Văn bản xin lỗi và đề nghị
 * gia hạn thời gian giải quyết). Times are printed in the province's zone (the calendar's); a {@code null} size means A4.
 *
 * @param agencyName    the agency that apologises (the processing agency)
 * @param receivedAt    when the dossier was received
 * @param originalDueAt the appointment that will be missed
 * @param newDueAt      the new appointment (set at most once)
 * @param at            when the letter is issued (date line)
 * @param signerTitle   e.g. "GIÁM ĐỐC"; {@code null}: "THỦ TRƯỞNG CƠ QUAN"
 */
public record ApologyData(String dossierCode, String agencyName, String agencyPlace, String procedureName,
                          String applicantName, OffsetDateTime receivedAt, OffsetDateTime originalDueAt,
                          OffsetDateTime newDueAt, String reason, OffsetDateTime at, String signerName,
                          String signerTitle, String trackingUrl, PaperSize size) {

    public ApologyData {
        Objects.requireNonNull(dossierCode, "dossierCode");
        Objects.requireNonNull(agencyName, "agencyName");
        Objects.requireNonNull(procedureName, "procedureName");
        Objects.requireNonNull(applicantName, "applicantName");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(originalDueAt, "originalDueAt");
        Objects.requireNonNull(newDueAt, "newDueAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        size = size == null ? PaperSize.A4 : size;
    }
}
