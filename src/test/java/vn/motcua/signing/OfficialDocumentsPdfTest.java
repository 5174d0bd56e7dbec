package vn.motcua.signing;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.motcua.signing.internal.PdfOfficialDocuments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.motcua.signing.PdfTestSupport.MM;
import static vn.motcua.signing.PdfTestSupport.fonts;
import static vn.motcua.signing.PdfTestSupport.glyphs;
import static vn.motcua.signing.PdfTestSupport.load;
import static vn.motcua.signing.PdfTestSupport.pageText;
import static vn.motcua.signing.PdfTestSupport.qrOnFirstPage;
import static vn.motcua.signing.PdfTestSupport.text;

/**
 * Renders every document with Vietnamese data and reads it back: the text comes out exactly as given (glyphs
 * embedded and mapped to Unicode), the QR code decodes to the link, the paper size and pagination are right.
 */
class OfficialDocumentsPdfTest {

    private static final OfficialDocuments DOCS = new PdfOfficialDocuments(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

    private static final String CODE = "H10.689.25195-310506-0001";
    // Bộ phận Một cửa
    private static final String AGENCY = "Bộ phận Một cửa Ủy ban nhân dân phường Tân Phú";
    private static final String PLACE = "Đồng Xoài";
    private static final String PROCEDURE = "Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế"
            + " cho trẻ em dưới 6 tuổi";
    private static final String APPLICANT = "Nguyễn Thị Hương";
    private static final String OFFICER = "Trần Đức Thắng";
    private static final String SIGNER = "Lê Ngọc Ánh";
    private static final String ADDRESS = "Số 12 đường Lê Duẩn, Phường Tân Phú, thành phố Đồng Xoài";
    private static final String TRACKING = "https://dichvucong.binhphuoc.gov.vn/tra-cuu/" + CODE;
    // 10:00 in Vietnam, given in UTC: printing must convert
    private static final OffsetDateTime RECEIVED = OffsetDateTime.of(2031, 5, 6, 3, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime DUE = OffsetDateTime.parse("2031-05-13T16:30:00+07:00");

    /** Every Vietnamese letter: the vowels with the six tones, and đ, in both cases, as precomposed letters. */
    static final String ALL_LETTERS;

    static {
        String[] vowels = {"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"};
        String[] tones = {"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"};
        StringBuilder letters = new StringBuilder();
        for (String v : vowels) {
            for (String t : tones) {
                String lower = Normalizer.normalize(v + t, Normalizer.Form.NFC);
                letters.append(lower).append(lower.toUpperCase()).append(' ');
            }
        }
        letters.append("đĐ");
        ALL_LETTERS = letters.toString();
    }

    static ReceiptData receipt(PaperSize size, int componentCount) {
        List<ComponentLine> components = new ArrayList<>();
        components.add(new ComponentLine("Tờ khai đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế", 1,
                0));
        components.add(new ComponentLine("Giấy chứng sinh do cơ sở y tế cấp", 1, 0));
        components.add(new ComponentLine("Bản sao giấy chứng nhận kết hôn của cha, mẹ (đã chứng thực)", 0, 2));
        for (int i = components.size() + 1; i <= componentCount; i++) {
            components.add(new ComponentLine("Thành phần số %02d: giấy tờ chứng minh chỗ ở hợp pháp của Lê Ngọc Ánh"
                    .formatted(i), i % 2, 1));
        }
        return new ReceiptData(CODE, AGENCY, PLACE, PROCEDURE, APPLICANT, "070190001234", "0912 345 678", ADDRESS,
                components.subList(0, Math.min(componentCount, components.size())), RECEIVED, DUE, OFFICER,
                "Trực tiếp", TRACKING, size);
    }

    static NoticeData notice(PaperSize size) {
        return new NoticeData(CODE, AGENCY, PLACE, PROCEDURE, APPLICANT, RECEIVED,
                "Hồ sơ thiếu giấy tờ theo quy định.\nThông tin trên tờ khai chưa khớp với giấy chứng sinh.",
                List.of("Bản sao giấy chứng nhận kết hôn của cha, mẹ", "Sửa ngày sinh trên tờ khai cho khớp với giấy"
                        + " chứng sinh số 0123/GCS do Trung tâm Y tế thành phố Đồng Xoài cấp"),
                OFFICER, TRACKING, size);
    }

    static ApologyData apology(PaperSize size) {
        return new ApologyData(CODE, AGENCY, PLACE, PROCEDURE, APPLICANT, RECEIVED, DUE,
                OffsetDateTime.parse("2031-05-20T09:15:00+07:00"),
                "cần xác minh thông tin cư trú với Công an tỉnh Bình Phước.", DUE.minusDays(1), SIGNER,
                "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", TRACKING, size);
    }

    static ResultData result(PaperSize size) {
        return new ResultData(CODE, "125/GXN-UBND", "Giấy xác nhận tình trạng hôn nhân",
                "Ủy ban nhân dân tỉnh Bình Phước\nỦy ban nhân dân phường Tân Phú", PLACE,
                List.of("Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;",
                        "Căn cứ Nghị định số 123/2015/NĐ-CP ngày 15 tháng 11 năm 2015 của Chính phủ quy định chi tiết"
                                + " một số điều và biện pháp thi hành Luật Hộ tịch;"),
                List.of(new ResultData.Line("Họ, chữ đệm, tên", APPLICANT),
                        new ResultData.Line("Ngày, tháng, năm sinh", "12/03/1990"),
                        new ResultData.Line("Nơi cư trú", ADDRESS),
                        new ResultData.Line("Tình trạng hôn nhân", "Chưa đăng ký kết hôn với ai"),
                        new ResultData.Line("Mục đích sử dụng", "Đăng ký kết hôn với ông Trần Đức Thắng")),
                APPLICANT, SIGNER, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", DUE,
                "https://dichvucong.binhphuoc.gov.vn/xac-thuc/" + CODE + "?k=7f3a9c", size);
    }

    // ------------------------------------------------------------------------------------------- form 01

    @Nested
    class Receipt {

        @Test
        void printsTheVietnameseTextTheCodeTheMomentsAndTheAgencyExactly() throws Exception {
            byte[] pdf = DOCS.receipt(receipt(PaperSize.A4, 3));
            String text = text(pdf);

            assertThat(text)
                    .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
                    .contains("BỘ PHẬN MỘT CỬA ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHÚ")
                    .contains("Bộ phận tiếp nhận và trả kết quả: " + AGENCY)
                    .contains("Đồng Xoài, ngày 06 tháng 5 năm 2031")
                    .contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
                    .contains("Mã hồ sơ: " + CODE)
                    .contains("Tiếp nhận hồ sơ của: " + APPLICANT)
                    .contains("Số định danh cá nhân: 070190001234")
                    .contains("Địa chỉ: " + ADDRESS)
                    .contains("Số điện thoại: 0912 345 678")
                    .contains("Nội dung yêu cầu giải quyết: " + PROCEDURE)
                    .contains("Cách thức nộp hồ sơ: Trực tiếp")
                    .contains("Giấy chứng sinh do cơ sở y tế cấp")
                    .contains("Bản sao giấy chứng nhận kết hôn của cha, mẹ (đã chứng thực)")
                    .contains("3. Thời gian tiếp nhận hồ sơ: 10 giờ 00 phút, thứ Ba, ngày 06/05/2031.")
                    .contains("4. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, thứ Ba, ngày 13/05/2031.")
                    .contains(TRACKING)
                    .contains("NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)")
                    .contains(OFFICER)
                    .contains("Ghi chú:");
        }

        @Test
        void qrCodeOnPageOneLinksToTheTrackingPage() throws Exception {
            assertThat(qrOnFirstPage(DOCS.receipt(receipt(PaperSize.A4, 3)))).isEqualTo(TRACKING);
            assertThat(qrOnFirstPage(DOCS.receipt(receipt(PaperSize.A5, 3)))).isEqualTo(TRACKING);
        }

        @Test
        void printsOnA4AndA5() throws Exception {
            try (PDDocument a4 = load(DOCS.receipt(receipt(PaperSize.A4, 3)));
                 PDDocument a5 = load(DOCS.receipt(receipt(PaperSize.A5, 3)))) {
                assertSize(a4, PDRectangle.A4);
                assertSize(a5, PDRectangle.A5);
                assertThat(a4.getNumberOfPages()).isEqualTo(1);
                assertThat(a5.getNumberOfPages()).isEqualTo(1);
            }
            assertThat(text(DOCS.receipt(receipt(PaperSize.A5, 3))))
                    .contains("Mã hồ sơ: " + CODE, APPLICANT, "16 giờ 30 phút, thứ Ba, ngày 13/05/2031");
        }

        @Test
        void aSixtyComponentReceiptRunsOverSeveralPagesAndLosesNothing() throws Exception {
            for (PaperSize size : PaperSize.values()) {
                byte[] pdf = DOCS.receipt(receipt(size, 60));
                int pages;
                try (PDDocument doc = load(pdf)) {
                    pages = doc.getNumberOfPages();
                }
                assertThat(pages).as(size.name()).isGreaterThanOrEqualTo(2);

                String text = text(pdf);
                for (int i = 4; i <= 60; i++) {
                    assertThat(text).as(size + " component " + i)
                            .contains("Thành phần số %02d: giấy tờ chứng minh chỗ ở hợp pháp của Lê Ngọc Ánh"
                                    .formatted(i));
                }
                assertThat(text).contains("4. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, thứ Ba,"
                        + " ngày 13/05/2031.");
                // the table header repeats and the pages after the first are numbered
                assertThat(pageText(pdf, 1)).doesNotContain("Trang 1/");
                for (int p = 2; p <= pages; p++) {
                    assertThat(pageText(pdf, p)).as(size + " page " + p)
                            .contains("Trang " + p + "/" + pages + " · Mã hồ sơ: " + CODE);
                }
                assertThat(pageText(pdf, 2)).contains("TT Tên giấy tờ Bản chính Bản sao");
                assertThat(pageText(pdf, pages)).contains("NGƯỜI TIẾP NHẬN HỒ SƠ", OFFICER);
                assertAllGlyphsInsideThePage(pdf);
            }
        }

        @Test
        void aComponentNameLongerThanAPageIsSplitNotCut() throws Exception {
            String longName = IntStream.rangeClosed(1, 400).mapToObj(i -> "dòng" + i)
                    .reduce((a, b) -> a + " " + b).orElseThrow();
            ReceiptData base = receipt(PaperSize.A5, 1);
            ReceiptData d = new ReceiptData(CODE, AGENCY, PLACE, PROCEDURE, APPLICANT, null, null, null,
                    List.of(new ComponentLine(longName, 1, 0)), RECEIVED, DUE, OFFICER, null, TRACKING, base.size());
            byte[] pdf = DOCS.receipt(d);
            try (PDDocument doc = load(pdf)) {
                assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            }
            // the cell continues on the next page (after the repeated table header): every word once, in order
            List<String> words = java.util.regex.Pattern.compile("dòng\\d+").matcher(text(pdf)).results()
                    .map(java.util.regex.MatchResult::group).toList();
            assertThat(words).containsExactlyElementsOf(List.of(longName.split(" ")));
            assertAllGlyphsInsideThePage(pdf);
        }

        @Test
        void missingOptionalValuesLeaveABlankToFillInByHand() throws Exception {
            ReceiptData d = new ReceiptData(CODE, AGENCY, null, PROCEDURE, APPLICANT, null, null, null, null,
                    RECEIVED, DUE, null, null, null, null);
            byte[] pdf = DOCS.receipt(d);
            assertThat(text(pdf)).contains("Số điện thoại: ……………………", "Ngày 06 tháng 5 năm 2031",
                    "(Không có thành phần hồ sơ.)");
            try (PDDocument doc = load(pdf)) {
                assertSize(doc, PDRectangle.A4);
                assertThat(doc.getPage(0).getAnnotations()).as("no QR link without a URL").isEmpty();
            }
        }
    }

    // ------------------------------------------------------------------------------------------- forms 02, 03

    @Nested
    class Notices {

        @Test
        void supplementRequestListsWhatToSupplement() throws Exception {
            byte[] pdf = DOCS.supplementRequest(notice(PaperSize.A5));
            assertThat(text(pdf))
                    .contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Mã hồ sơ: " + CODE)
                    .contains("Hồ sơ của: " + APPLICANT)
                    .contains("Nội dung yêu cầu giải quyết: " + PROCEDURE)
                    .contains("1. Bản sao giấy chứng nhận kết hôn của cha, mẹ")
                    .contains("2. Sửa ngày sinh trên tờ khai cho khớp với giấy chứng sinh số 0123/GCS do Trung tâm"
                            + " Y tế thành phố Đồng Xoài cấp")
                    .contains("Lý do: Hồ sơ thiếu giấy tờ theo quy định. Thông tin trên tờ khai chưa khớp với giấy"
                            + " chứng sinh.")
                    .contains("liên hệ với " + OFFICER + ", " + AGENCY + " để được hướng dẫn")
                    .contains("NGƯỜI HƯỚNG DẪN")
                    .contains("Đồng Xoài, ngày 06 tháng 5 năm 2031");
            assertThat(qrOnFirstPage(pdf)).isEqualTo(TRACKING);
            try (PDDocument doc = load(pdf)) {
                assertSize(doc, PDRectangle.A5);
            }
        }

        @Test
        void receptionRefusalGivesTheReason() throws Exception {
            byte[] pdf = DOCS.receptionRefusal(notice(PaperSize.A4));
            assertThat(text(pdf))
                    .contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Mã hồ sơ: " + CODE)
                    .contains("Bộ phận tiếp nhận và trả kết quả: " + AGENCY)
                    .contains("Tiếp nhận hồ sơ của: " + APPLICANT)
                    .contains(AGENCY + " từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:")
                    .contains("Hồ sơ thiếu giấy tờ theo quy định. Thông tin trên tờ khai chưa khớp với giấy chứng"
                            + " sinh.")
                    .contains("- Bản sao giấy chứng nhận kết hôn của cha, mẹ")
                    .contains("NGƯỜI TIẾP NHẬN HỒ SƠ", OFFICER);
            assertThat(qrOnFirstPage(pdf)).isEqualTo(TRACKING);
        }

        @Test
        void rejectionAfterAppraisalIsSignedByTheCompetentPerson() throws Exception {
            NoticeData base = notice(PaperSize.A4);
            NoticeData d = new NoticeData(base.dossierCode(), base.agencyName(), base.agencyPlace(),
                    base.procedureName(), base.applicantName(), base.at(), base.reason(), base.items(), SIGNER,
                    base.trackingUrl(), null, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
            byte[] pdf = DOCS.rejection(d);
            assertThat(text(pdf))
                    .contains("PHIẾU TỪ CHỐI GIẢI QUYẾT HỒ SƠ", "Mã hồ sơ: " + CODE)
                    .contains("Kính gửi: " + APPLICANT)
                    .contains(AGENCY + " đã tiếp nhận hồ sơ của ông/bà, mã hồ sơ " + CODE
                            + ", nội dung yêu cầu giải quyết: " + PROCEDURE + ".")
                    .contains(AGENCY + " từ chối giải quyết hồ sơ với lý do cụ thể như sau:")
                    .contains("KT. CHỦ TỊCH PHÓ CHỦ TỊCH", SIGNER);
            assertThat(qrOnFirstPage(pdf)).isEqualTo(TRACKING);
            try (PDDocument doc = load(pdf)) {
                assertSize(doc, PDRectangle.A4);
            }
        }

        @Test
        void everyVietnameseLetterSurvivesEvenWhenGivenDecomposed() throws Exception {
            String decomposed = Normalizer.normalize(ALL_LETTERS, Normalizer.Form.NFD);
            NoticeData base = notice(PaperSize.A4);
            NoticeData d = new NoticeData(CODE, AGENCY, PLACE, PROCEDURE,
                    Normalizer.normalize(APPLICANT, Normalizer.Form.NFD), RECEIVED, decomposed, List.of(), OFFICER,
                    TRACKING, base.size());
            String text = text(DOCS.receptionRefusal(d));
            assertThat(text).contains(ALL_LETTERS.strip()).contains("Tiếp nhận hồ sơ của: " + APPLICANT);
        }
    }

    // ------------------------------------------------------------------------------------------- form 04

    @Nested
    class Apology {

        @Test
        void apologisesWithTheOldAndTheNewAppointment() throws Exception {
            byte[] pdf = DOCS.apology(apology(PaperSize.A5));
            assertThat(text(pdf))
                    .contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Mã hồ sơ: " + CODE)
                    .contains("Kính gửi: " + APPLICANT)
                    .contains("Ngày 06/05/2031, " + AGENCY + " tiếp nhận giải quyết hồ sơ của ông/bà")
                    .contains("Thời hạn trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, thứ Ba, ngày 13/05/2031.")
                    .contains("lý do: cần xác minh thông tin cư trú với Công an tỉnh Bình Phước.")
                    .contains(AGENCY + " xin lỗi ông/bà và sẽ trả kết quả giải quyết hồ sơ vào 9 giờ 15 phút, thứ"
                            + " Ba, ngày 20/05/2031.")
                    .contains("Đồng Xoài, ngày 12 tháng 5 năm 2031")
                    .contains("KT. CHỦ TỊCH PHÓ CHỦ TỊCH", SIGNER);
            assertThat(qrOnFirstPage(pdf)).isEqualTo(TRACKING);
            try (PDDocument doc = load(pdf)) {
                assertSize(doc, PDRectangle.A5);
            }
        }
    }

    // ------------------------------------------------------------------------------------------- results

    @Nested
    class Result {

        @Test
        void printsTheTemplateWithLegalBasisContentAndSigner() throws Exception {
            ResultData d = result(null);
            byte[] pdf = DOCS.result(d);
            assertThat(text(pdf))
                    .contains("ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC", "ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHÚ")
                    .contains("Số: 125/GXN-UBND")
                    .contains("Đồng Xoài, ngày 13 tháng 5 năm 2031")
                    .contains("GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN")
                    .contains("Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;")
                    .contains("Căn cứ Nghị định số 123/2015/NĐ-CP ngày 15 tháng 11 năm 2015 của Chính phủ quy định"
                            + " chi tiết một số điều và biện pháp thi hành Luật Hộ tịch;")
                    .contains("Họ, chữ đệm, tên: " + APPLICANT)
                    .contains("Nơi cư trú: " + ADDRESS)
                    .contains("Mục đích sử dụng: Đăng ký kết hôn với ông Trần Đức Thắng")
                    .contains("Nơi nhận:", "- " + APPLICANT + ";")
                    .contains("KT. CHỦ TỊCH PHÓ CHỦ TỊCH", SIGNER)
                    .contains("Mã hồ sơ: " + CODE)
                    .contains(d.verifyUrl());
            assertThat(qrOnFirstPage(pdf)).isEqualTo(d.verifyUrl());
            try (PDDocument doc = load(pdf)) {
                assertSize(doc, PDRectangle.A4);
            }
        }

        @Test
        void aLongResultRunsOntoMorePages() throws Exception {
            ResultData base = result(PaperSize.A5);
            List<ResultData.Line> lines = IntStream.rangeClosed(1, 80)
                    .mapToObj(i -> new ResultData.Line("Thửa đất số " + i, "Tờ bản đồ số 12, diện tích " + (100 + i)
                            + " m², đất ở tại đô thị, Phường Tân Phú, thành phố Đồng Xoài"))
                    .toList();
            ResultData d = new ResultData(CODE, base.documentNumber(), base.title(), base.agencyName(), PLACE,
                    base.legalBasis(), lines, APPLICANT, SIGNER, "CHỦ TỊCH", base.issuedAt(), base.verifyUrl(),
                    PaperSize.A5);
            byte[] pdf = DOCS.result(d);
            try (PDDocument doc = load(pdf)) {
                assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            }
            String text = text(pdf);
            for (int i = 1; i <= 80; i++) {
                assertThat(text).contains("Thửa đất số " + i + ": Tờ bản đồ số 12, diện tích " + (100 + i) + " m²");
            }
            assertAllGlyphsInsideThePage(pdf);
            assertThat(qrOnFirstPage(pdf)).isEqualTo(d.verifyUrl());
        }
    }

    // ------------------------------------------------------------------------------------------- dates

    @Test
    void datesTakeLeadingZerosForSmallDaysAndJanuaryFebruaryAndCrossMidnightIntoVietnamTime() throws Exception {
        // 31/01/2032 18:05 UTC is Sunday 01/02/2032 01:05 in Vietnam
        OffsetDateTime received = OffsetDateTime.parse("2032-01-31T18:05:00Z");
        OffsetDateTime due = OffsetDateTime.parse("2032-02-04T07:30:00+07:00");
        ReceiptData d = new ReceiptData(CODE, AGENCY, PLACE, PROCEDURE, APPLICANT, null, null, null, null, received,
                due, OFFICER, null, TRACKING, PaperSize.A5);
        assertThat(text(DOCS.receipt(d)))
                .contains("Đồng Xoài, ngày 01 tháng 02 năm 2032")
                .contains("Thời gian tiếp nhận hồ sơ: 1 giờ 05 phút, Chủ nhật, ngày 01/02/2032.")
                .contains("Thời gian trả kết quả giải quyết hồ sơ: 7 giờ 30 phút, thứ Tư, ngày 04/02/2032.");
    }

    // ------------------------------------------------------------------------------------------- every document

    @Test
    void documentsRenderedAtTheSameTimeDoNotMixTheirContent() throws Exception {
        List<String> names = List.of(APPLICANT, "Trần Đức Thắng", "Lê Ngọc Ánh", "Phạm Thị Ỷ Lan", "Đỗ Văn Ưng",
                "Hồ Thị Ẩn", "Vũ Ngọc Ỹ", "Bùi Thị Ợ");
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<String>> texts = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (String name : names) {
                    texts.add(pool.submit(() -> text(DOCS.receipt(new ReceiptData(CODE, AGENCY, PLACE, PROCEDURE,
                            name, null, null, null, null, RECEIVED, DUE, OFFICER, null, TRACKING, PaperSize.A5)))));
                }
            }
            for (int i = 0; i < texts.size(); i++) {
                assertThat(texts.get(i).get()).contains("Tiếp nhận hồ sơ của: " + names.get(i % names.size()));
            }
        }
    }


    @Test
    void everyDocumentEmbedsItsFontsAsSubsets() throws Exception {
        for (byte[] pdf : everyDocument()) {
            List<PDFont> fonts = fonts(pdf);
            assertThat(fonts).isNotEmpty();
            assertThat(fonts).allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).matches("[A-Z]{6}\\+DejaVuSans(-Bold)?");
            });
        }
    }

    @Test
    void everyDocumentDescribesItselfInVietnamese() throws Exception {
        byte[] pdf = DOCS.receipt(receipt(PaperSize.A5, 3));
        try (PDDocument doc = load(pdf)) {
            PDDocumentInformation info = doc.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Giấy tiếp nhận hồ sơ và hẹn trả kết quả – " + CODE);
            assertThat(info.getAuthor()).isEqualTo(AGENCY);
            assertThat(info.getSubject()).contains("Mẫu số 01", "01/2018/TT-VPCP");
            assertThat(info.getCreationDate().toInstant()).isEqualTo(RECEIVED.toInstant());
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("vi");
            assertThat(doc.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "<rdf:li>vi</rdf:li>",
                    "2031-05-06T10:00:00+07:00");
        }
        try (PDDocument doc = load(DOCS.result(result(null)))) {
            assertThat(doc.getDocumentInformation().getAuthor()).isEqualTo("Ủy ban nhân dân phường Tân Phú");
        }
    }

    @Test
    void everyGlyphOfEveryDocumentStaysInsideThePage() throws Exception {
        for (byte[] pdf : everyDocument()) {
            assertAllGlyphsInsideThePage(pdf);
        }
    }

    @Test
    void aCharacterTheFontLacksBecomesAQuestionMarkInsteadOfFailing() throws Exception {
        NoticeData base = notice(PaperSize.A4);
        NoticeData d = new NoticeData(CODE, AGENCY, PLACE, PROCEDURE, APPLICANT, RECEIVED,
                "Thiếu chữ ký \uD83D\uDD8A và con dấu\u200B.\tHết.", List.of(), OFFICER, TRACKING, base.size());
        assertThat(text(DOCS.supplementRequest(d))).contains("Lý do: Thiếu chữ ký ? và con dấu. Hết.");
    }

    private static List<byte[]> everyDocument() {
        List<byte[]> all = new ArrayList<>();
        for (PaperSize size : PaperSize.values()) {
            all.add(DOCS.receipt(receipt(size, 3)));
            all.add(DOCS.supplementRequest(notice(size)));
            all.add(DOCS.receptionRefusal(notice(size)));
            all.add(DOCS.rejection(notice(size)));
            all.add(DOCS.apology(apology(size)));
            all.add(DOCS.result(result(size)));
        }
        return all;
    }

    private static void assertSize(PDDocument doc, PDRectangle paper) {
        for (int i = 0; i < doc.getNumberOfPages(); i++) {
            PDRectangle box = doc.getPage(i).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(paper.getWidth(), within(0.5f));
            assertThat(box.getHeight()).isCloseTo(paper.getHeight(), within(0.5f));
        }
    }

    /** No glyph closer than 8 mm to an edge: nothing is cut off or printed into the unprintable border. */
    private static void assertAllGlyphsInsideThePage(byte[] pdf) {
        float edge = 8 * MM;
        assertThat(glyphs(pdf)).isNotEmpty().allSatisfy(g -> {
            String where = "page %d glyph '%s' at (%.1f, %.1f)".formatted(g.page(), g.text(), g.x(), g.top());
            assertThat(g.x()).as(where).isGreaterThanOrEqualTo(edge);
            assertThat(g.x() + g.width()).as(where).isLessThanOrEqualTo(g.pageWidth() - edge);
            assertThat(g.top()).as(where).isGreaterThanOrEqualTo(edge);
            assertThat(g.top() + g.height()).as(where).isLessThanOrEqualTo(g.pageHeight() - edge);
        });
    }
}
