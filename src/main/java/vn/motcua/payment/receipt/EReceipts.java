package vn.motcua.payment.receipt;

import static vn.motcua.payment.receipt.ReceiptXml.el;
import static vn.motcua.payment.receipt.ReceiptXml.esc;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.documents.FileStore;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.payment.PaymentCategory;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.payment.internal.PaymentCategories;
import vn.motcua.payment.internal.PaymentRecord;
import vn.motcua.platform.ProblemException;
import vn.motcua.signing.DocumentSigner;
import vn.motcua.signing.EReceiptData;
import vn.motcua.signing.OfficialDocuments;
import vn.motcua.signing.PaperSize;
import vn.motcua.signing.SignedDocuments;

/**
 * Electronic receipts for fees and charges (biên lai điện tử, DOMAIN-2.md §1c): a number is taken when a payment
 * is settled, in the settlement's transaction (per agency, series and calendar year, from 1, without gaps), with the
 * receipt's XML data; the PDF is laid out, signed by the collecting agency (PAdES, its XML embedded and so covered by
 * the signature), kept in the file store and entered in the register of signed documents the first time it is asked
 * for, then served as kept.
 */
@Service
@EnableConfigurationProperties(ReceiptProperties.class)
public class EReceipts {

    private static final Log audit = LogFactory.getLog("vn.motcua.audit");
    private static final DateTimeFormatter XML_DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter XML_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final JdbcClient jdbc;
    private final ReceiptProperties properties;
    private final Organization organization;
    private final WorkingCalendar calendar;
    private final OfficialDocuments documents;
    private final DocumentSigner signer;
    private final SignedDocuments register;
    private final FileStore files;
    private final TransactionTemplate tx;
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    EReceipts(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, ReceiptProperties properties, Organization organization, WorkingCalendar calendar,
              OfficialDocuments documents, DocumentSigner signer, SignedDocuments register, FileStore files,
              TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.properties = properties;
        this.organization = organization;
        this.calendar = calendar;
        this.documents = documents;
        this.signer = signer;
        this.register = register;
        this.files = files;
        this.tx = tx;
    }

    /**
     * One issued receipt.
     *
     * @param category the category of its lines (null: a receipt issued before receipts were split, every line)
     * @param number   the number as taken (printed zero-padded)
     */
    public record Receipt(UUID paymentId, PaymentCategory category, String agencyCode, String templateSymbol,
                          String series, int year, long number, OffsetDateTime issuedAt, long amount, String xml,
                          UUID fileId, UUID signedDocumentId, int version) {

        boolean legacy() {
            return category == null;
        }
    }

    /**
     * Issues the receipts of a payment that was just settled: one per category of its lines — phí, lệ phí, other
     * financial obligations ({@link PaymentCategories}; DOMAIN-2.md §1c: separate receipts for phí and lệ phí) —
     * each taking the next number of the agency's series for the year, with its lines, amount and XML. In the
     * caller's transaction (the payment's row is locked by it); a payment that already has receipts keeps them.
     *
     * @param gatewayTxnNo the gateway's transaction number, once known (printed with the payment method)
     */
    public List<Receipt> issue(PaymentRecord r, OffsetDateTime at, String gatewayTxnNo) {
        List<Receipt> existing = find(r.id());
        if (!existing.isEmpty()) {
            return existing;
        }
        ZonedDateTime local = at.atZoneSameInstant(calendar.zone());
        int year = local.getYear();
        String series = properties.seriesOf(r.agencyCode(), year);
        OffsetDateTime issuedAt = local.toOffsetDateTime();
        for (var part : parts(r).entrySet()) {
            long amount = part.getValue().stream().mapToLong(i -> i.path("amount").asLong(0)).sum();
            if (amount <= 0) {
                continue;
            }
            long number = jdbc.sql("""
                    insert into payment_receipt_series (agency_code, series, year, last_number) values (:a, :s, :y, 1)
                    on conflict (agency_code, series, year)
                    do update set last_number = payment_receipt_series.last_number + 1
                    returning last_number""")
                    .param("a", r.agencyCode()).param("s", series).param("y", year).query(Long.class).single();
            if (Long.toString(number).length() > properties.numberDigits()) {
                throw new IllegalStateException("receipt series " + series + " of " + r.agencyCode() + " is full");
            }
            Receipt receipt = new Receipt(r.id(), part.getKey(), r.agencyCode(), properties.templateSymbol(), series,
                    year, number, issuedAt, amount, null, null, null, 0);
            String xml = xml(r, receipt, part.getValue(), gatewayTxnNo);
            jdbc.sql("""
                    insert into payment_e_receipt (payment_id, category, agency_code, template_symbol, series, year,
                        number, issued_at, amount, xml)
                    values (:p, :c, :a, :t, :s, :y, :n, :at, :amount, :xml)""")
                    .param("p", r.id()).param("c", part.getKey().name()).param("a", r.agencyCode())
                    .param("t", receipt.templateSymbol()).param("s", series).param("y", year).param("n", number)
                    .param("at", issuedAt).param("amount", amount).param("xml", xml).update();
            audit.info("e-receipt " + series + " no. " + formatted(number) + " (" + part.getKey() + ") issued for payment "
                    + r.reference() + " (" + amount + " đ of " + r.amount() + " đ, " + r.agencyCode() + ")");
        }
        return find(r.id());
    }

    /**
     * Issues at once the receipts of payments settled in the past (a bulk load of history, in the caller's
     * transaction, the payments' rows written by it): the same receipts {@link #issue} gives — one per category, with
     * its lines, amount and XML, dated when the payment was settled — numbered in order of settlement within each
     * agency's series and calendar year. The numbers are reserved a block per series and year in one statement each
     * (live receipts meanwhile wait for the block's row, then continue after it: no gaps, no duplicates). Payments
     * that already have receipts are not given here.
     *
     * @return the receipts issued
     */
    public long issueAll(List<PaymentRecord> paid) {
        record Part(PaymentRecord payment, PaymentCategory category, List<JsonNode> lines, long amount,
                    OffsetDateTime issuedAt, String series, int year) {
        }
        Map<String, List<Part>> bySeries = new java.util.LinkedHashMap<>();
        paid.stream().sorted(java.util.Comparator.comparing(PaymentRecord::settledAt).thenComparing(PaymentRecord::reference))
                .forEach(r -> {
                    ZonedDateTime local = r.settledAt().atZoneSameInstant(calendar.zone());
                    int year = local.getYear();
                    String series = properties.seriesOf(r.agencyCode(), year);
                    for (var part : parts(r).entrySet()) {
                        long amount = part.getValue().stream().mapToLong(i -> i.path("amount").asLong(0)).sum();
                        if (amount > 0) {
                            bySeries.computeIfAbsent(r.agencyCode() + "|" + series + "|" + year,
                                    k -> new ArrayList<>()).add(new Part(r, part.getKey(), part.getValue(), amount,
                                    local.toOffsetDateTime(), series, year));
                        }
                    }
                });
        List<Object[]> rows = new ArrayList<>();
        for (List<Part> parts : bySeries.values()) {
            Part first = parts.getFirst();
            long last = jdbc.sql("""
                    insert into payment_receipt_series (agency_code, series, year, last_number) values (:a, :s, :y, :n)
                    on conflict (agency_code, series, year)
                    do update set last_number = payment_receipt_series.last_number + :n
                    returning last_number""")
                    .param("a", first.payment().agencyCode()).param("s", first.series()).param("y", first.year())
                    .param("n", parts.size()).query(Long.class).single();
            if (Long.toString(last).length() > properties.numberDigits()) {
                throw new IllegalStateException("receipt series " + first.series() + " of "
                        + first.payment().agencyCode() + " is full");
            }
            long number = last - parts.size();
            for (Part p : parts) {
                Receipt receipt = new Receipt(p.payment().id(), p.category(), p.payment().agencyCode(),
                        properties.templateSymbol(), p.series(), p.year(), ++number, p.issuedAt(), p.amount(), null,
                        null, null, 0);
                rows.add(new Object[] {p.payment().id(), p.category().name(), p.payment().agencyCode(),
                        receipt.templateSymbol(), p.series(), p.year(), number, p.issuedAt(), p.amount(),
                        xml(p.payment(), receipt, p.lines(), p.payment().gatewayTxnNo())});
            }
        }
        for (int from = 0; from < rows.size(); from += 2000) {
            batch.batchUpdate("""
                    insert into payment_e_receipt (payment_id, category, agency_code, template_symbol, series, year,
                        number, issued_at, amount, xml)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows.subList(from, Math.min(rows.size(), from + 2000)));
        }
        return rows.size();
    }

    /** The lines of a payment by category, in the order phí, lệ phí, other obligations. */
    static Map<PaymentCategory, List<JsonNode>> parts(PaymentRecord r) {
        Map<PaymentCategory, List<JsonNode>> out = new EnumMap<>(PaymentCategory.class);
        for (JsonNode i : r.items()) {
            out.computeIfAbsent(PaymentCategories.stored(i.path("category").asString(null), i.path("kind").asString(null)),
                    k -> new ArrayList<>()).add(i);
        }
        return out;
    }

    /** The receipts of a payment, by category; a payment receipted before the split: its one receipt. */
    public List<Receipt> find(UUID paymentId) {
        List<Receipt> parts = jdbc.sql("""
                select payment_id, category, agency_code, template_symbol, series, year, number, issued_at, amount, xml,
                    file_id, signed_document_id, version
                from payment_e_receipt where payment_id = :p order by number""").param("p", paymentId)
                .query((rs, i) -> receipt(rs, PaymentCategory.valueOf(rs.getString("category")))).list();
        if (!parts.isEmpty()) {
            return parts;
        }
        return jdbc.sql("""
                select payment_id, agency_code, template_symbol, series, year, number, issued_at, amount, xml, file_id,
                    signed_document_id, version
                from payment_receipt where payment_id = :p""").param("p", paymentId)
                .query((rs, i) -> receipt(rs, null)).list();
    }

    private static Receipt receipt(java.sql.ResultSet rs, PaymentCategory category) throws java.sql.SQLException {
        return new Receipt(rs.getObject("payment_id", UUID.class), category, rs.getString("agency_code"),
                rs.getString("template_symbol"), rs.getString("series"), rs.getInt("year"), rs.getLong("number"),
                rs.getObject("issued_at", OffsetDateTime.class), rs.getLong("amount"), rs.getString("xml"),
                rs.getObject("file_id", UUID.class), rs.getObject("signed_document_id", UUID.class),
                rs.getInt("version"));
    }

    /** The receipt of one category (null: the first); a receipt from before the split serves every category. */
    private Optional<Receipt> one(List<Receipt> receipts, PaymentCategory category) {
        return receipts.stream().filter(x -> category == null || x.legacy() || x.category() == category).findFirst();
    }

    /**
     * The signed PDF of a paid attempt's receipt of one category (null: the first): made, signed and kept the first
     * time (the receipt's row locked meanwhile, so two downloads at once sign once), then served as kept. A payment
     * settled before receipts existed gets its receipts now. Not paid, or no receipt of that category: 404.
     */
    public byte[] pdf(PaymentRecord r, PaymentCategory category) {
        if (!r.status().paid() && r.status() != PaymentStatus.REFUNDED || r.settledAt() == null) {
            throw ProblemException.notFound("payment.receipt.none", r.reference());
        }
        return tx.execute(s -> {
            jdbc.sql("select id from payment_transaction where id = :p for update").param("p", r.id())
                    .query(UUID.class).optional();
            List<Receipt> all = find(r.id());
            if (all.isEmpty()) {
                all = issue(r, r.settledAt(), r.gatewayTxnNo());
            }
            Receipt receipt = one(all, category).orElseThrow(() -> ProblemException.notFound("payment.receipt.none",
                    r.reference()));
            if (receipt.fileId() != null) {
                return files.content(receipt.fileId()).orElseThrow(
                        () -> new IllegalStateException("receipt file " + receipt.fileId() + " missing"));
            }
            UUID key = UUID.randomUUID();
            byte[] pdf = signer.signAsAgency(r.agencyCode(), documents.eReceipt(data(r, receipt, register.verifyUrl(key))),
                    DocumentSigner.Placement.below(OfficialDocuments.E_RECEIPT_SIGNER));
            var f = files.storeGenerated("bien-lai-" + receipt.series() + "-" + formatted(receipt.number()) + ".pdf",
                    "application/pdf", pdf);
            String agencyName = agencyName(r.agencyCode());
            register.register(new SignedDocuments.SignedDocument(key, SignedDocuments.Kind.E_RECEIPT,
                    r.dossierCode(), r.agencyCode(), f.id(), f.sha256(), agencyName, receipt.issuedAt().toInstant()));
            int n = receipt.legacy()
                    ? jdbc.sql("""
                        update payment_receipt set file_id = :f, sha256 = :h, signed_document_id = :k, version = version + 1
                        where payment_id = :p and version = :v and file_id is null""")
                        .param("f", f.id()).param("h", f.sha256()).param("k", key).param("p", r.id())
                        .param("v", receipt.version()).update()
                    : jdbc.sql("""
                        update payment_e_receipt set file_id = :f, sha256 = :h, signed_document_id = :k,
                            version = version + 1
                        where payment_id = :p and category = :c and version = :v and file_id is null""")
                        .param("f", f.id()).param("h", f.sha256()).param("k", key).param("p", r.id())
                        .param("c", receipt.category().name()).param("v", receipt.version()).update();
            if (n != 1) {
                throw ProblemException.conflict("error.stale.detail");
            }
            return pdf;
        });
    }

    /** The XML data of a payment's receipt of one category (null: the first; issued receipts only). */
    public Optional<String> xml(UUID paymentId, PaymentCategory category) {
        return one(find(paymentId), category).map(Receipt::xml);
    }

    /** The number as printed: zero-padded to the configured digits. */
    public String formatted(long number) {
        return String.format("%0" + properties.numberDigits() + "d", number);
    }

    private EReceiptData data(PaymentRecord r, Receipt receipt, String verifyUrl) {
        Agency agency = organization.agency(r.agencyCode()).orElse(null);
        List<EReceiptData.Line> lines = new ArrayList<>();
        for (JsonNode i : lines(r, receipt)) {
            lines.add(new EReceiptData.Line(i.path("name").asString(""), kindLabel(i),
                    i.path("quantity").asInt(1), i.hasNonNull("unitAmount") ? i.get("unitAmount").asLong() : null,
                    i.path("amount").asLong(0)));
        }
        return new EReceiptData(properties.name(), receipt.templateSymbol(), receipt.series(),
                formatted(receipt.number()), agency == null ? r.agencyCode() : agency.name(),
                agency == null ? null : place(agency, receipt.issuedAt()), properties.taxCodes().get(r.agencyCode()), r.payerName(),
                r.payerIdNumber(), r.payerAddress(), r.dossierCode(), r.procedureName(), lines, receipt.amount(),
                VietnameseAmounts.inWords(receipt.amount()), paymentLine(r, r.gatewayTxnNo()), r.reference(),
                receipt.issuedAt(), receipt.xml(), verifyUrl, PaperSize.A4);
    }

    /** The payment's lines a receipt carries: those of its category (all of them for a receipt before the split). */
    private static List<JsonNode> lines(PaymentRecord r, Receipt receipt) {
        if (receipt.legacy()) {
            List<JsonNode> all = new ArrayList<>();
            r.items().forEach(all::add);
            return all;
        }
        return parts(r).getOrDefault(receipt.category(), List.of());
    }

    /** How it was paid, as the receipt prints it. */
    static String paymentLine(PaymentRecord r, String gatewayTxnNo) {
        if (r.cash()) {
            return "Tiền mặt, nộp tại Bộ phận tiếp nhận và trả kết quả";
        }
        String gateway = switch (r.gateway()) {
            case "VNPAY" -> "cổng thanh toán VNPAY";
            case "PAYMENT_PLATFORM" -> "Nền tảng thanh toán trực tuyến của Cổng Dịch vụ công quốc gia";
            default -> r.gateway();
        };
        return "Chuyển khoản trực tuyến qua " + gateway
                + (gatewayTxnNo == null || gatewayTxnNo.isBlank() ? "" : ", mã giao dịch " + gatewayTxnNo);
    }

    /** The line's kind as printed: Phí, Lệ phí, or Nghĩa vụ tài chính. */
    static String kindLabel(JsonNode line) {
        return switch (PaymentCategories.stored(line.path("category").asString(null), line.path("kind").asString(null))) {
            case PHI -> "Phí";
            case LE_PHI -> "Lệ phí";
            case NGHIA_VU_TAI_CHINH -> "Nghĩa vụ tài chính";
        };
    }

    private String agencyName(String agencyCode) {
        return organization.agency(agencyCode).map(a -> a.name().strip().lines().reduce((x, y) -> y).orElse("").strip())
                .orElse(agencyCode);
    }

    /** The place in the date line of a receipt issued at {@code at}: {@link Organization#placeName}. */
    private String place(Agency agency, OffsetDateTime at) {
        return organization.placeName(agency, at.atZoneSameInstant(calendar.zone()).toLocalDate());
    }

    /**
     * The receipt's business data in XML. The tax authority's schema for e-receipts is not in the sources
     * (UNCONFIRMED): the element names follow its e-invoice data format (TTChung, NDBLai, NBan, NMua, TToan) in the
     * configured namespace; the digital-signature part is the agency's PAdES signature of the PDF that embeds this
     * data (docs/PAYMENTS.md).
     */
    String xml(PaymentRecord r, Receipt receipt, List<JsonNode> lines, String gatewayTxnNo) {
        Agency agency = organization.agency(r.agencyCode()).orElse(null);
        StringBuilder x = new StringBuilder(2048);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<BLai xmlns=\"").append(esc(properties.xmlNamespace())).append("\">\n");
        x.append(" <DLBLai Id=\"DLBLai\">\n");
        x.append("  <TTChung>\n");
        el(x, "   ", "PBan", "1.0");
        el(x, "   ", "TBLai", properties.name());
        el(x, "   ", "KHMSBLai", receipt.templateSymbol());
        el(x, "   ", "KHBLai", receipt.series());
        el(x, "   ", "SBLai", formatted(receipt.number()));
        el(x, "   ", "NLap", receipt.issuedAt().format(XML_DATE));
        el(x, "   ", "TGLap", receipt.issuedAt().format(XML_TIME));
        el(x, "   ", "DVTTe", "VND");
        el(x, "   ", "HTTToan", r.cash() ? "TM" : "CK");
        el(x, "   ", "MTChieu", r.reference());
        el(x, "   ", "MGDich", gatewayTxnNo);
        el(x, "   ", "KThanhToan", r.gateway());
        x.append("  </TTChung>\n");
        x.append("  <NDBLai>\n");
        x.append("   <NBan>\n");
        el(x, "    ", "Ten", agency == null ? r.agencyCode() : agencyName(r.agencyCode()));
        el(x, "    ", "MDVi", r.agencyCode());
        el(x, "    ", "MST", properties.taxCodes().get(r.agencyCode()));
        x.append("   </NBan>\n");
        x.append("   <NMua>\n");
        el(x, "    ", "Ten", r.payerName());
        el(x, "    ", "SDDanh", r.payerIdNumber());
        el(x, "    ", "DChi", r.payerAddress());
        x.append("   </NMua>\n");
        x.append("   <HSo>\n");
        el(x, "    ", "MHSo", r.dossierCode());
        el(x, "    ", "MTTHC", r.procedureCode());
        el(x, "    ", "TTTHC", r.procedureName());
        x.append("   </HSo>\n");
        x.append("   <DSKThu>\n");
        int n = 0;
        for (JsonNode i : lines) {
            x.append("    <KThu>\n");
            el(x, "     ", "STT", Integer.toString(++n));
            el(x, "     ", "Ten", i.path("name").asString(""));
            el(x, "     ", "Loai", PaymentCategories.stored(i.path("category").asString(null),
                    i.path("kind").asString(null)).name());
            el(x, "     ", "SLuong", Integer.toString(i.path("quantity").asInt(1)));
            el(x, "     ", "DGia", i.hasNonNull("unitAmount") ? Long.toString(i.get("unitAmount").asLong()) : null);
            el(x, "     ", "ThTien", Long.toString(i.path("amount").asLong(0)));
            x.append("    </KThu>\n");
        }
        x.append("   </DSKThu>\n");
        x.append("   <TToan>\n");
        el(x, "    ", "TgTTTBSo", Long.toString(receipt.amount()));
        el(x, "    ", "TgTTTBChu", VietnameseAmounts.inWords(receipt.amount()));
        x.append("   </TToan>\n");
        x.append("  </NDBLai>\n");
        x.append(" </DLBLai>\n");
        x.append(" <DSCKS>\n");
        x.append("  <NBan Loai=\"PAdES\">").append(esc(agency == null ? r.agencyCode() : agencyName(r.agencyCode())))
                .append("</NBan>\n");
        x.append(" </DSCKS>\n");
        x.append("</BLai>\n");
        return x.toString();
    }
}
