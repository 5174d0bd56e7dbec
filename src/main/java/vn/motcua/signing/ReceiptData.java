package vn.motcua.signing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What form 01 prints (Giấy tiếp nhận hồ sơ và hẹn trả kết quả). Times are printed in the province's zone (the calendar's).
 * Optional values may be {@code null}: they are left blank (phone, identification number, address, channel,
 * officer) or omitted (tracking URL: no QR code). A {@code null} size means A4.
 *
 * @param agencyName  the receiving agency; a line break separates the parent agency (cơ quan chủ quản) above it
 * @param agencyPlace the place name of the date line, e.g. "Đồng Xoài"
 * @param channelLabel how the dossier came in, e.g. "Trực tiếp" (cách thức nộp)
 * @param trackingUrl the public tracking page of this dossier, encoded in the QR code
 */
public record ReceiptData(String dossierCode, String agencyName, String agencyPlace, String procedureName,
                          String applicantName, String applicantIdNumber, String applicantPhone,
                          String applicantAddress, List<ComponentLine> components, OffsetDateTime receivedAt,
                          OffsetDateTime dueAt, String receivingOfficer, String channelLabel, String trackingUrl,
                          PaperSize size) {

    public ReceiptData {
        Objects.requireNonNull(dossierCode, "dossierCode");
        Objects.requireNonNull(agencyName, "agencyName");
        Objects.requireNonNull(procedureName, "procedureName");
        Objects.requireNonNull(applicantName, "applicantName");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        components = components == null ? List.of() : List.copyOf(components);
        size = size == null ? PaperSize.A4 : size;
    }
}
