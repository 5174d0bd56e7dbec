package vn.motcua.signing.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.springframework.stereotype.Component;

import vn.motcua.signing.ApologyData;
import vn.motcua.signing.ComponentLine;
import vn.motcua.signing.EReceiptData;
import vn.motcua.signing.FormTemplateData;
import vn.motcua.signing.NoticeData;
import vn.motcua.signing.OfficialDocuments;
import vn.motcua.signing.PaperSize;
import vn.motcua.signing.ReceiptData;
import vn.motcua.signing.ResultData;

import static vn.motcua.signing.internal.PageLayout.Align.CENTER;
import static vn.motcua.signing.internal.PageLayout.Align.LEFT;
import static vn.motcua.signing.internal.PageLayout.bold;
import static vn.motcua.signing.internal.PageLayout.boldItalic;
import static vn.motcua.signing.internal.PageLayout.italic;
import static vn.motcua.signing.internal.PageLayout.plain;

/**
 * The one-stop documents laid out with PDFBox, after the forms of Circular 01/2018/TT-VPCP Art. 9: the national
 * motto at the top right, the agency at the top left with the QR code under it, the place and date line, the
 * title, the body, the signatures and notes. The wording of the forms is fixed by law, so it is Vietnamese here
 * and not in the message files. See docs/DOCUMENTS.md.
 */
@Component
public class PdfOfficialDocuments implements OfficialDocuments {

    private static final Locale VI = Locale.forLanguageTag("vi");
    // Quốc hiệu và tiêu ngữ
    static final String MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String SLOGAN = "Độc lập - Tự do - Hạnh phúc";
    private static final String BLANK = "……………………";
    private static final String SIGN_HINT = "(Ký và ghi rõ họ tên)";
    private static final String SEAL_HINT = "(Ký, ghi rõ họ tên và đóng dấu)";
    // Thủ trưởng cơ quan
    private static final String HEAD_OF_AGENCY = "THỦ TRƯỞNG CƠ QUAN";

    private final FontFaces faces;
    private final VietnameseDates dates;

    /** @param zone the province's time zone (the calendar's), in which every date and time is printed */
    public PdfOfficialDocuments(java.time.ZoneId zone) {
        this.faces = new FontFaces();
        this.dates = new VietnameseDates(zone);
    }

    // ------------------------------------------------------------------ form 01

    @Override
    public byte[] receipt(ReceiptData d) {
        String title = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả";
        return render(new Info(title, d.dossierCode(), d.agencyName(), "Mẫu số 01, Thông tư 01/2018/TT-VPCP",
                d.receivedAt()), d.size(), l -> {
            header(l, d.agencyName(), d.agencyPlace(), d.receivedAt(), null, d.trackingUrl());
            title(l, title, d.dossierCode());
            field(l, "Bộ phận tiếp nhận và trả kết quả", agency(d.agencyName()), false);
            field(l, "Tiếp nhận hồ sơ của", d.applicantName(), true);
            field(l, "Số định danh cá nhân", d.applicantIdNumber(), false);
            field(l, "Địa chỉ", d.applicantAddress(), false);
            field(l, "Số điện thoại", d.applicantPhone(), false);
            field(l, "Nội dung yêu cầu giải quyết", d.procedureName(), true);
            if (present(d.channelLabel())) {
                field(l, "Cách thức nộp hồ sơ", d.channelLabel(), false);
            }
            l.gap(l.metrics().body() * 0.3f);
            l.paragraph(plain("1. Thành phần hồ sơ nộp gồm:"));
            components(l, d.components());
            l.gap(l.metrics().body() * 0.3f);
            l.paragraph(plain("2. Số lượng hồ sơ: 01 (bộ)."));
            l.paragraph(plain("3. Thời gian tiếp nhận hồ sơ: "), plain(dates.moment(d.receivedAt())), plain("."));
            l.paragraph(plain("4. Thời gian trả kết quả giải quyết hồ sơ: "), bold(dates.moment(d.dueAt())), plain("."));
            if (present(d.trackingUrl())) {
                l.paragraph(plain("5. Tra cứu tình trạng hồ sơ: quét mã QR trên phiếu này hoặc truy cập "),
                        plain(d.trackingUrl()), plain(" với mã hồ sơ trên."));
            }
            signatures(l, new Signature("NGƯỜI NỘP HỒ SƠ", SIGN_HINT, d.applicantName()),
                    new Signature("NGƯỜI TIẾP NHẬN HỒ SƠ", SIGN_HINT, d.receivingOfficer()));
            notes(l, List.of(
                    "Mang theo Giấy tiếp nhận này khi đến nhận kết quả.",
                    "Kết quả có thể được trả trước thời gian hẹn; cơ quan sẽ báo trước cho ông/bà.",
                    "Nếu không trả được kết quả đúng hẹn, cơ quan giải quyết gửi Phiếu xin lỗi và hẹn lại ngày trả"
                            + " kết quả."));
        });
    }

    private static void components(PageLayout l, List<ComponentLine> components) {
        if (components.isEmpty()) {
            l.paragraph(l.metrics().body(), LEFT, indent(l), 0, List.of(italic("(Không có thành phần hồ sơ.)")));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            ComponentLine c = components.get(i);
            rows.add(List.of(Integer.toString(i + 1), c.name(), Integer.toString(c.originals()),
                    Integer.toString(c.copies())));
        }
        l.table(List.of(
                new PageLayout.TableColumn("TT", 0.7f, CENTER),
                new PageLayout.TableColumn("Tên giấy tờ", 6.3f, LEFT),
                new PageLayout.TableColumn("Bản chính", 1.5f, CENTER),
                new PageLayout.TableColumn("Bản sao", 1.5f, CENTER)), rows, l.metrics().body() - 0.5f);
    }

    // ------------------------------------------------------------------ form 02

    @Override
    public byte[] supplementRequest(NoticeData d) {
        String title = "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ";
        return render(new Info(title, d.dossierCode(), d.agencyName(), "Mẫu số 02, Thông tư 01/2018/TT-VPCP",
                d.at()), d.size(), l -> {
            header(l, d.agencyName(), d.agencyPlace(), d.at(), null, d.trackingUrl());
            title(l, title, d.dossierCode());
            field(l, "Hồ sơ của", d.applicantName(), true);
            field(l, "Nội dung yêu cầu giải quyết", d.procedureName(), true);
            l.paragraph(plain("Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:"));
            numbered(l, d.items());
            if (present(d.reason())) {
                float body = l.metrics().body();
                l.paragraph(body, LEFT, 0, l.textWidth("Lý do: ", PageLayout.Style.REGULAR, body),
                        List.of(plain("Lý do: "), plain(d.reason())));
            }
            prose(l, plain("Ông/bà bổ sung, hoàn thiện hồ sơ một lần, đầy đủ các nội dung trên. Trong quá trình"
                    + " hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ với "), plain(orBlank(d.officer())),
                    plain(", "), plain(agency(d.agencyName())), plain(" để được hướng dẫn./."));
            tracking(l, d.trackingUrl());
            signatures(l, null, new Signature("NGƯỜI HƯỚNG DẪN", SIGN_HINT, d.officer()));
        });
    }

    // ------------------------------------------------------------------ form 03

    @Override
    public byte[] receptionRefusal(NoticeData d) {
        String title = "Phiếu từ chối tiếp nhận giải quyết hồ sơ";
        return render(new Info(title, d.dossierCode(), d.agencyName(), "Mẫu số 03, Thông tư 01/2018/TT-VPCP",
                d.at()), d.size(), l -> {
            header(l, d.agencyName(), d.agencyPlace(), d.at(), null, d.trackingUrl());
            title(l, title, d.dossierCode());
            field(l, "Bộ phận tiếp nhận và trả kết quả", agency(d.agencyName()), false);
            field(l, "Tiếp nhận hồ sơ của", d.applicantName(), true);
            field(l, "Nội dung yêu cầu giải quyết", d.procedureName(), true);
            prose(l, plain("Sau khi nghiên cứu, đối chiếu với các quy định hiện hành, "),
                    plain(agency(d.agencyName())),
                    plain(" từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:"));
            reasons(l, d.reason(), d.items());
            prose(l, plain("Xin thông báo để ông/bà được biết và thực hiện./."));
            tracking(l, d.trackingUrl());
            signatures(l, null, new Signature("NGƯỜI TIẾP NHẬN HỒ SƠ", SIGN_HINT, d.officer()));
        });
    }

    // ------------------------------------------------------------------ refusal after appraisal

    @Override
    public byte[] rejection(NoticeData d) {
        String title = "Phiếu từ chối giải quyết hồ sơ";
        return render(new Info(title, d.dossierCode(), d.agencyName(),
                "Từ chối giải quyết hồ sơ sau thẩm định (Nghị định 61/2018/NĐ-CP)", d.at()), d.size(), l -> {
            header(l, d.agencyName(), d.agencyPlace(), d.at(), null, d.trackingUrl());
            title(l, title, d.dossierCode());
            field(l, "Kính gửi", d.applicantName(), true);
            prose(l, plain(agency(d.agencyName())), plain(" đã tiếp nhận hồ sơ của ông/bà, mã hồ sơ "),
                    bold(d.dossierCode()), plain(", nội dung yêu cầu giải quyết: "), plain(d.procedureName()),
                    plain("."));
            prose(l, plain("Sau khi thẩm định hồ sơ, đối chiếu với các quy định hiện hành, "),
                    plain(agency(d.agencyName())), plain(" từ chối giải quyết hồ sơ với lý do cụ thể như sau:"));
            reasons(l, d.reason(), d.items());
            prose(l, plain("Nếu không đồng ý với việc từ chối này, ông/bà có quyền khiếu nại theo quy định của"
                    + " pháp luật về khiếu nại."));
            prose(l, plain("Xin thông báo để ông/bà được biết./."));
            tracking(l, d.trackingUrl());
            signatures(l, null, new Signature(present(d.officerTitle()) ? d.officerTitle() : HEAD_OF_AGENCY,
                    SEAL_HINT, d.officer()));
        });
    }

    // ------------------------------------------------------------------ form 04

    @Override
    public byte[] apology(ApologyData d) {
        String title = "Phiếu xin lỗi và hẹn lại ngày trả kết quả";
        return render(new Info(title, d.dossierCode(), d.agencyName(), "Mẫu số 04, Thông tư 01/2018/TT-VPCP",
                d.at()), d.size(), l -> {
            header(l, d.agencyName(), d.agencyPlace(), d.at(), null, d.trackingUrl());
            title(l, title, d.dossierCode());
            field(l, "Kính gửi", d.applicantName(), true);
            String agency = agency(d.agencyName());
            prose(l, plain("Ngày " + dates.date(d.receivedAt()) + ", "), plain(agency),
                    plain(" tiếp nhận giải quyết hồ sơ của ông/bà, mã hồ sơ "), bold(d.dossierCode()),
                    plain(", nội dung yêu cầu giải quyết: "), plain(d.procedureName()), plain("."));
            prose(l, plain("Thời hạn trả kết quả giải quyết hồ sơ: "), plain(dates.moment(d.originalDueAt())),
                    plain("."));
            prose(l, plain("Tuy nhiên đến nay, "), plain(agency),
                    plain(" chưa trả kết quả giải quyết hồ sơ của ông/bà, lý do: "), plain(d.reason()));
            prose(l, plain("Sự chậm trễ này đã gây phiền hà cho ông/bà. "), plain(agency),
                    plain(" xin lỗi ông/bà và sẽ trả kết quả giải quyết hồ sơ vào "), bold(dates.moment(d.newDueAt())),
                    plain("."));
            prose(l, plain("Mong nhận được sự thông cảm của ông/bà vì sự chậm trễ này./."));
            tracking(l, d.trackingUrl());
            signatures(l, null, new Signature(present(d.signerTitle()) ? d.signerTitle() : HEAD_OF_AGENCY,
                    SEAL_HINT, d.signerName()));
        });
    }

    // ------------------------------------------------------------------ result documents

    @Override
    public byte[] result(ResultData d) {
        return render(new Info(d.title(), d.dossierCode(), d.agencyName(),
                "Kết quả giải quyết thủ tục hành chính" + (present(d.documentNumber()) ? ", số "
                        + d.documentNumber() : ""), d.issuedAt()), d.size(), l -> {
            header(l, d.agencyName(), d.agencyPlace(), d.issuedAt(),
                    "Số: " + (present(d.documentNumber()) ? d.documentNumber() : BLANK), d.verifyUrl());
            title(l, d.title(), null);
            float body = l.metrics().body();
            for (String basis : d.legalBasis()) {
                l.paragraph(body, LEFT, indent(l), 0, List.of(italic(basis)));
            }
            if (!d.legalBasis().isEmpty()) {
                l.gap(body * 0.5f);
            }
            for (ResultData.Line line : d.content()) {
                if (line.heading()) {
                    l.paragraph(body, LEFT, 0, 0, List.of(bold(line.label() + ":")));
                } else {
                    l.paragraph(body, LEFT, 0, 0, List.of(plain(line.label() + ": "), bold(line.value())));
                }
            }
            l.gap(body);
            float small = l.metrics().small();
            PageLayout.Column recipients = l.column(l.width() * 0.44f)
                    .text(small, LEFT, boldItalic("Nơi nhận:"))
                    .text(small, LEFT, plain("- " + (present(d.recipientName()) ? d.recipientName() : BLANK) + ";"));
            if (present(d.receivingOffice())) {
                recipients.text(small, LEFT, plain("- " + d.receivingOffice().strip() + " (trả kết quả);"));
            }
            recipients.text(small, LEFT, plain("- Lưu: VT, hồ sơ " + d.dossierCode() + "."));
            PageLayout.Column signer = l.column(l.width() * 0.52f);
            signerBlock(l, signer, new Signature(present(d.signerTitle()) ? d.signerTitle() : HEAD_OF_AGENCY,
                    null, d.signerName()));
            l.columns(recipients, 0, signer, l.width() * 0.48f);
            List<String> notes = new ArrayList<>();
            notes.add("Mã hồ sơ: " + d.dossierCode() + ".");
            if (present(d.verifyUrl())) {
                notes.add("Kiểm tra tính xác thực của văn bản: quét mã QR hoặc truy cập " + d.verifyUrl() + ".");
            }
            notes(l, notes);
        });
    }

    // ------------------------------------------------------------------ blank form templates

    @Override
    public byte[] formTemplate(FormTemplateData d) {
        // a template carries no date of its own: the metadata's date is a fixed one, so the file is reproducible
        OffsetDateTime fixed = OffsetDateTime.parse("2020-01-01T00:00:00+07:00");
        return render(new Info(d.title(), "", "", "Mẫu tờ khai, thủ tục " + d.procedureCode(), fixed), PaperSize.A4,
                l -> {
                    PageLayout.Metrics m = l.metrics();
                    float size = m.header();
                    l.paragraph(size, CENTER, 0, 0, List.of(bold(MOTTO)));
                    l.paragraph(size, CENTER, 0, 0, List.of(bold(SLOGAN)));
                    l.gap(m.body());
                    l.paragraph(m.title(), CENTER, 0, 0, List.of(bold(upper(d.title()))));
                    if (present(d.basis())) {
                        l.paragraph(m.small(), CENTER, 0, 0, List.of(italic("(" + d.basis().strip() + ")")));
                    }
                    l.gap(m.body() * 0.8f);
                    l.paragraph(m.body(), CENTER, 0, 0, List.of(plain("Kính gửi: "),
                            plain(present(d.addressee()) ? d.addressee() : BLANK + BLANK)));
                    l.gap(m.body() * 0.5f);
                    float body = m.body();
                    for (FormTemplateData.Line line : d.lines()) {
                        float in = indent(l) * line.depth();
                        String label = line.label() + (line.required() ? " (*)" : "");
                        if (line.heading()) {
                            l.gap(body * 0.3f);
                            l.paragraph(body, LEFT, in, 0, List.of(bold(label + ":")));
                        } else if (!line.choices().isEmpty()) {
                            List<PageLayout.Span> spans = new ArrayList<>();
                            spans.add(plain(label + ": "));
                            for (String choice : line.choices()) {
                                spans.add(plain("\u25A1 " + choice + "   "));
                            }
                            l.paragraph(body, LEFT, in, 0, spans);
                        } else {
                            l.paragraph(body, LEFT, in, 0, List.of(plain(label + ": " + BLANK + BLANK + BLANK)));
                        }
                    }
                    l.gap(body);
                    l.paragraph(body, LEFT, 0, 0, List.of(plain(
                            "Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp"
                                    + " luật về cam đoan của mình.")));
                    PageLayout.Column signer = l.column(l.width() * 0.52f);
                    signer.text(body, CENTER, italic("……………, ngày …… tháng …… năm ……"))
                            .text(body, CENTER, bold("NGƯỜI YÊU CẦU"))
                            .text(m.small(), CENTER, italic("(Ký, ghi rõ họ, chữ đệm, tên)"))
                            .gap(m.signatureSpace());
                    l.columns(l.column(l.width() * 0.44f), 0, signer, l.width() * 0.48f);
                    notes(l, List.of("Các mục có dấu (*) là bắt buộc; các mục khác chỉ ghi khi trường hợp của"
                            + " ông/bà cần đến.", "Có thể khai trực tuyến cùng nội dung này trên Cổng dịch vụ công."));
                });
    }

    // ------------------------------------------------------------------ building blocks

    /** Agency (left) and national motto with the place and date (right); the QR code under the agency. */
    private void header(PageLayout l, String agencyName, String place, OffsetDateTime at, String numberLine,
                               String qrUrl) {
        PageLayout.Metrics m = l.metrics();
        float size = m.header();
        float w = l.width();
        PageLayout.Column left = l.column(w * 0.42f);
        List<String> agencyLines = agencyName.strip().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (agencyLines.isEmpty()) {
            agencyLines = List.of(BLANK);
        }
        for (int i = 0; i < agencyLines.size() - 1; i++) {
            // cơ quan chủ quản
            left.text(size, CENTER, plain(upper(agencyLines.get(i))));
        }
        String issuer = upper(agencyLines.getLast());
        left.text(size, CENTER, bold(issuer));
        left.rule(Math.min(left.width() * 0.4f, l.textWidth(issuer, PageLayout.Style.BOLD, size)));
        if (numberLine != null) {
            left.gap(size * 0.3f).text(size, CENTER, plain(numberLine));
        }
        if (present(qrUrl)) {
            left.gap(size * 0.3f).qr(qrUrl, m.qr());
        }

        PageLayout.Column right = l.column(w * 0.56f);
        float mottoSize = size;
        while (mottoSize > 6 && l.textWidth(MOTTO, PageLayout.Style.BOLD, mottoSize) > right.width()) {
            mottoSize -= 0.25f;
        }
        right.text(mottoSize, CENTER, bold(MOTTO))
                .text(mottoSize, CENTER, bold(SLOGAN))
                .rule(l.textWidth(SLOGAN, PageLayout.Style.BOLD, mottoSize))
                .gap(size * 0.5f)
                .text(size, CENTER, italic(dates.placeAndDate(place, at)));
        l.columns(left, 0, right, w - right.width());
    }

    private static void title(PageLayout l, String title, String dossierCode) {
        PageLayout.Metrics m = l.metrics();
        l.gap(m.body() * 1.2f);
        l.paragraph(m.title(), CENTER, 0, 0, List.of(bold(upper(title))));
        if (dossierCode != null && !dossierCode.isBlank()) {
            l.paragraph(m.body(), CENTER, 0, 0, List.of(plain("Mã hồ sơ: "), bold(dossierCode)));
        }
        l.gap(m.body() * 0.8f);
    }

    /** A paragraph of running text: first line indented, a little space after. */
    private static void prose(PageLayout l, PageLayout.Span... spans) {
        float size = l.metrics().body();
        l.paragraph(size, LEFT, indent(l), -indent(l), List.of(spans));
        l.gap(size * 0.25f);
    }

    /** "Label: value", the value in bold when it is what the reader looks for; a blank line when unknown. */
    private static void field(PageLayout l, String label, String value, boolean emphasis) {
        String v = present(value) ? value.strip() : BLANK;
        l.paragraph(plain(label + ": "), emphasis && present(value) ? bold(v) : plain(v));
    }

    private static void numbered(PageLayout l, List<String> items) {
        float size = l.metrics().body();
        float number = l.textWidth("00. ", PageLayout.Style.REGULAR, size);
        for (int i = 0; i < items.size(); i++) {
            String n = (i + 1) + ". ";
            float hanging = Math.max(number, l.textWidth(n, PageLayout.Style.REGULAR, size));
            l.paragraph(size, LEFT, indent(l), hanging, List.of(plain(n), plain(items.get(i))));
        }
        l.gap(size * 0.25f);
    }

    private static void reasons(PageLayout l, String reason, List<String> items) {
        float size = l.metrics().body();
        if (present(reason)) {
            l.paragraph(size, LEFT, indent(l), 0, List.of(plain(reason)));
        }
        float dash = l.textWidth("- ", PageLayout.Style.REGULAR, size);
        for (String item : items) {
            l.paragraph(size, LEFT, indent(l), dash, List.of(plain("- "), plain(item)));
        }
        l.gap(size * 0.25f);
    }

    private static void tracking(PageLayout l, String url) {
        if (present(url)) {
            l.gap(l.metrics().body() * 0.3f);
            l.paragraph(l.metrics().small(), LEFT, 0, 0,
                    List.of(italic("Tra cứu tình trạng hồ sơ: quét mã QR trên phiếu hoặc truy cập "), italic(url)));
        }
    }

    record Signature(String title, String hint, String name) {
    }

    /** Two signature blocks side by side (left may be absent), kept on one page. */
    private static void signatures(PageLayout l, Signature left, Signature right) {
        float w = l.width();
        l.gap(l.metrics().body());
        PageLayout.Column leftColumn = l.column(w * 0.46f);
        if (left != null) {
            signerBlock(l, leftColumn, left);
        }
        PageLayout.Column rightColumn = l.column(w * 0.5f);
        signerBlock(l, rightColumn, right);
        l.columns(leftColumn, 0, rightColumn, w * 0.5f);
    }

    private static void signerBlock(PageLayout l, PageLayout.Column c, Signature s) {
        PageLayout.Metrics m = l.metrics();
        for (String line : s.title().strip().lines().toList()) {
            c.text(m.body(), CENTER, bold(upper(line.strip())));
        }
        if (s.hint() != null) {
            c.text(m.small(), CENTER, italic(s.hint()));
        }
        c.gap(m.signatureSpace());
        if (present(s.name())) {
            c.text(m.body(), CENTER, bold(s.name().strip()));
        }
    }

    /** "Ghi chú" and its lines, kept on one page. */
    private static void notes(PageLayout l, List<String> notes) {
        float size = l.metrics().small();
        float dash = l.textWidth("- ", PageLayout.Style.ITALIC, size);
        l.gap(l.metrics().body() * 0.8f);
        float height = l.height(size, 0, 0, List.of(boldItalic("Ghi chú:")));
        for (String note : notes) {
            height += l.height(size, 0, dash, List.of(italic("- " + note)));
        }
        l.ensure(height);
        l.paragraph(size, LEFT, 0, 0, List.of(boldItalic("Ghi chú:")));
        for (String note : notes) {
            l.paragraph(size, LEFT, 0, dash, List.of(italic("- " + note)));
        }
    }

    private static float indent(PageLayout l) {
        return l.metrics().body() * 1.5f;
    }

    // ------------------------------------------------------------------ e-receipt

    @Override
    public byte[] eReceipt(EReceiptData d) {
        String subject = "Biên lai điện tử: ký hiệu " + d.series() + ", số " + d.number()
                + (present(d.reference()) ? ", giao dịch " + d.reference() : "");
        return render(new Info(d.receiptName(), d.dossierCode() == null ? "" : d.dossierCode(), d.agencyName(),
                subject, d.issuedAt()), d.size(), l -> {
            header(l, d.agencyName(), d.agencyPlace(), d.issuedAt(), null, d.verifyUrl());
            PageLayout.Metrics m = l.metrics();
            l.gap(m.body() * 1.2f);
            l.paragraph(m.title(), CENTER, 0, 0, List.of(bold(upper(d.receiptName()))));
            l.paragraph(m.body(), CENTER, 0, 0, List.of(italic("(Biên lai điện tử)")));
            l.paragraph(m.body(), CENTER, 0, 0, List.of(plain("Mẫu số: "), plain(orBlank(d.templateSymbol())),
                    plain("    Ký hiệu: "), bold(d.series()), plain("    Số: "), bold(d.number())));
            l.paragraph(m.body(), CENTER, 0, 0, List.of(plain("Ngày lập: " + dates.date(d.issuedAt()))));
            l.gap(m.body() * 0.8f);
            field(l, "Đơn vị thu", agency(d.agencyName()), true);
            field(l, "Mã số thuế", d.agencyTaxCode(), false);
            field(l, "Họ và tên người nộp tiền", d.payerName(), true);
            field(l, "Số định danh cá nhân", d.payerIdNumber(), false);
            field(l, "Địa chỉ", d.payerAddress(), false);
            field(l, "Nội dung thu", "Phí, lệ phí giải quyết thủ tục hành chính: " + orBlank(d.procedureName())
                    + (present(d.dossierCode()) ? " (hồ sơ " + d.dossierCode() + ")" : ""), false);
            field(l, "Hình thức thanh toán", d.paymentLine(), false);
            l.gap(m.body() * 0.4f);
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < d.lines().size(); i++) {
                EReceiptData.Line line = d.lines().get(i);
                rows.add(List.of(Integer.toString(i + 1), line.name(), orBlank(line.kind()),
                        Integer.toString(line.quantity()),
                        line.unitAmount() == null ? "" : money(line.unitAmount()), money(line.amount())));
            }
            rows.add(List.of("", "Tổng cộng", "", "", "", money(d.total())));
            l.table(List.of(
                    new PageLayout.TableColumn("TT", 0.6f, CENTER),
                    new PageLayout.TableColumn("Tên khoản thu", 4.6f, LEFT),
                    new PageLayout.TableColumn("Loại", 1.2f, CENTER),
                    new PageLayout.TableColumn("Số lượng", 1.1f, CENTER),
                    new PageLayout.TableColumn("Đơn giá (đồng)", 1.5f, PageLayout.Align.RIGHT),
                    new PageLayout.TableColumn("Thành tiền (đồng)", 1.6f, PageLayout.Align.RIGHT)), rows,
                    m.body() - 0.5f);
            l.gap(m.body() * 0.4f);
            l.paragraph(plain("Tổng số tiền: "), bold(money(d.total()) + " đồng"));
            l.paragraph(plain("Số tiền viết bằng chữ: "), boldItalic(d.totalInWords() + "."));
            signatures(l, new Signature("NGƯỜI NỘP TIỀN", null, d.payerName()),
                    new Signature(E_RECEIPT_SIGNER, "(Chữ ký số của đơn vị thu)", null));
            List<String> notes = new ArrayList<>();
            if (present(d.reference())) {
                notes.add("Mã giao dịch thanh toán: " + d.reference() + ".");
            }
            notes.add("Biên lai điện tử có chữ ký số của đơn vị thu; dữ liệu biên lai dạng XML đính kèm trong tệp"
                    + " (bien-lai.xml).");
            if (present(d.verifyUrl())) {
                notes.add("Kiểm tra biên lai: quét mã QR hoặc truy cập " + d.verifyUrl() + ".");
            }
            notes(l, notes);
        }, d.xml() == null ? null : doc -> attach(doc, "bien-lai.xml", "Dữ liệu biên lai điện tử (XML)",
                d.xml().getBytes(StandardCharsets.UTF_8), d.issuedAt()));
    }

    /** An embedded file (the receipt's XML data), so that the signature of the PDF covers it too. */
    private void attach(PDDocument doc, String name, String description, byte[] content,
                               OffsetDateTime at) {
        try {
            PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(content));
            file.setSubtype("application/xml");
            file.setSize(content.length);
            file.setCreationDate(GregorianCalendar.from(dates.local(at).truncatedTo(ChronoUnit.SECONDS)));
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(name);
            spec.setFileUnicode(name);
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            spec.setFileDescription(description);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(java.util.Map.of(name, spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 8.000 — the Vietnamese grouping of đồng. */
    static String money(long dong) {
        return String.format(Locale.ROOT, "%,d", dong).replace(',', '.');
    }

    // ------------------------------------------------------------------ document

    /** What the document says about itself (metadata). */
    record Info(String title, String dossierCode, String agencyName, String subject, OffsetDateTime created) {
    }

    private byte[] render(Info info, PaperSize size, Consumer<PageLayout> body) {
        return render(info, size, body, null);
    }

    private byte[] render(Info info, PaperSize size, Consumer<PageLayout> body, Consumer<PDDocument> extra) {
        try (PDDocument doc = new PDDocument(); FontFaces.Fonts fonts = faces.load(doc)) {
            PageLayout layout = new PageLayout(doc, fonts, size);
            body.accept(layout);
            layout.finish(info.dossierCode().isBlank() ? info.title() : "Mã hồ sơ: " + info.dossierCode());
            describe(doc, info);
            if (extra != null) {
                extra.accept(doc);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(48 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Title, author, subject, dates, language "vi" and "show the title" (PDF/UA basics), also as XMP. */
    private void describe(PDDocument doc, Info info) throws IOException {
        String title = info.dossierCode().isBlank() ? info.title() : info.title() + " – " + info.dossierCode();
        String author = agency(info.agencyName());
        GregorianCalendar created = GregorianCalendar.from(dates.local(info.created())
                .truncatedTo(ChronoUnit.SECONDS));
        PDDocumentInformation pdi = doc.getDocumentInformation();
        pdi.setTitle(title);
        pdi.setAuthor(author);
        pdi.setSubject(info.subject());
        pdi.setKeywords(info.dossierCode());
        pdi.setCreator("MotCua");
        pdi.setProducer("MotCua (Apache PDFBox)");
        pdi.setCreationDate(created);
        pdi.setModificationDate(created);

        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        catalog.setLanguage("vi");
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xmp(title, author, info, created).getBytes(StandardCharsets.UTF_8));
        catalog.setMetadata(metadata);
    }

    private static String xmp(String title, String author, Info info, GregorianCalendar created) {
        String date = created.toZonedDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
                    xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
                   <dc:format>application/pdf</dc:format>
                   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
                   <dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>
                   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:description>
                   <dc:language><rdf:Bag><rdf:li>vi</rdf:li></rdf:Bag></dc:language>
                   <xmp:CreateDate>%s</xmp:CreateDate>
                   <xmp:ModifyDate>%s</xmp:ModifyDate>
                   <xmp:CreatorTool>MotCua</xmp:CreatorTool>
                   <pdf:Producer>MotCua (Apache PDFBox)</pdf:Producer>
                   <pdf:Keywords>%s</pdf:Keywords>
                  </rdf:Description>
                 </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""".formatted(xml(title), xml(author), xml(info.subject()), date, date,
                xml(info.dossierCode()));
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ------------------------------------------------------------------ text helpers

    /** The issuing agency: the last line of a "parent agency \n agency" name. */
    private static String agency(String agencyName) {
        List<String> lines = agencyName.strip().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        return lines.isEmpty() ? agencyName : lines.getLast();
    }

    private static String upper(String s) {
        return s.toUpperCase(VI);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String orBlank(String s) {
        return present(s) ? s.strip() : BLANK;
    }
}
