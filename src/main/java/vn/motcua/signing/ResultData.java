package vn.motcua.signing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A result document generated from a procedure's template (văn bản kết quả giải quyết TTHC). Times are printed
 * in the province's zone (the calendar's); a {@code null} size means A4.
 *
 * @param documentNumber the number and symbol (số, ký hiệu), e.g. "125/GXN-UBND"
 * @param title          the procedure's result name, e.g. "Giấy xác nhận tình trạng hôn nhân"
 * @param legalBasis     the "Căn cứ ..." lines, each printed as given
 * @param content        the decided content as label/value lines
 * @param recipientName  printed under "Nơi nhận" (the applicant)
 * @param signerTitle    e.g. "CHỦ TỊCH" or "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
 * @param verifyUrl      where the document can be verified, encoded in the QR code; {@code null}: no QR code
 * @param agencyName     the competent authority that issues the result (cơ quan có thẩm quyền), its superior on a
 *                       first line when it has one ("Ủy ban nhân dân tỉnh Bình Phước\nSở Tư pháp")
 * @param receivingOffice the one-stop section that received the dossier and returns the result (listed under "Nơi
 *                       nhận"); {@code null} when the issuer received it itself
 */
public record ResultData(String dossierCode, String documentNumber, String title, String agencyName,
                         String agencyPlace, List<String> legalBasis, List<Line> content, String recipientName,
                         String signerName, String signerTitle, OffsetDateTime issuedAt, String verifyUrl,
                         PaperSize size, String receivingOffice) {

    public ResultData(String dossierCode, String documentNumber, String title, String agencyName, String agencyPlace,
                      List<String> legalBasis, List<Line> content, String recipientName, String signerName,
                      String signerTitle, OffsetDateTime issuedAt, String verifyUrl, PaperSize size) {
        this(dossierCode, documentNumber, title, agencyName, agencyPlace, legalBasis, content, recipientName,
                signerName, signerTitle, issuedAt, verifyUrl, size, null);
    }

    public ResultData {
        Objects.requireNonNull(dossierCode, "dossierCode");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(agencyName, "agencyName");
        Objects.requireNonNull(issuedAt, "issuedAt");
        legalBasis = legalBasis == null ? List.of() : List.copyOf(legalBasis);
        content = content == null ? List.of() : List.copyOf(content);
        size = size == null ? PaperSize.A4 : size;
    }

    /** One line of the decided content: "label: value", or a heading naming the block of lines after it. */
    public record Line(String label, String value, boolean heading) {

        public Line {
            Objects.requireNonNull(label, "label");
            value = value == null ? "" : value;
        }

        public Line(String label, String value) {
            this(label, value, false);
        }

        /** A heading for the lines that follow, e.g. "Người được xác nhận tình trạng hôn nhân". */
        public static Line heading(String label) {
            return new Line(label, "", true);
        }
    }
}
