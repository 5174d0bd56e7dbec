package vn.motcua.integration.internal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FeeQuote;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierChanged;
import vn.motcua.dossier.DossierContent;
import vn.motcua.dossier.DossierContent.Document;
import vn.motcua.dossier.DossierContent.DocumentKind;
import vn.motcua.dossier.DossierSnapshot;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.integration.OnlinePayment;
import vn.motcua.platform.Channel;

/**
 * The national portal's dossier record (DOMAIN.md §3.1), field by field, from the typed facts of one dossier change:
 * the change and snapshot, the dossier's contents, the procedure, the agencies' names, the online payment confirmed
 * by a gateway, the applicant's VNeID verification and the national databases consulted. Dates are
 * {@code yyyyMMddHHmmss} in Vietnam time (the calendar's zone); absent values are null (absent dates), 0 (flags) or empty lists.
 */
final class NationalPortalPayload {

    static final DateTimeFormatter PORTAL_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** TrichYeuHoSo is at most 1000 characters. */
    static final int SUMMARY_MAX = 1000;
    /** NguoiXuLy is at most 50 characters. */
    static final int ACTOR_MAX = 50;
    /** NoiNopHoSo: every MotCua dossier is filed in the provincial one-stop system (the cited client sends 2). */
    static final int FILED_IN_PROVINCIAL_SYSTEM = 2;
    /** HinhThuc: the result is handed over at the one-stop (0); MotCua records no other delivery method. */
    static final int RESULT_AT_ONE_STOP = 0;

    /**
     * Everything the record is made of.
     *
     * @param procedure        the procedure (null when no longer in the catalogue)
     * @param receivingAgency  the receiving agency's name
     * @param processingAgency the agency of the current processing step (null: the receiving agency)
     * @param payment          the fee paid online as confirmed by a gateway (null: not paid online)
     * @param vneid            the applicant's account was verified with VNeID (level 2)
     * @param vneidSubject     the applicant's national account id (MaDoiTuong), online dossiers only
     * @param databases        MaCSDL of the national databases consulted for the dossier
     * @param link             the portal's download link of a file of the dossier
     * @param label            a Vietnamese label by message key (action and role names)
     */
    record Facts(DossierChanged change, DossierContent content, Procedure procedure, String procedureSuffix,
                 String receivingAgency, String processingAgency, OnlinePayment payment, boolean vneid,
                 String vneidSubject, List<String> databases, Function<UUID, String> link,
                 Function<String, String> label, ZoneId zone) {

        DossierSnapshot dossier() {
            return change.dossier();
        }

        /** A portal date, {@code yyyyMMddHHmmss} in Vietnam time (the calendar's zone): the calendar's zone ({@code zone}). */
        String time(OffsetDateTime t) {
            return t == null ? null : t.atZoneSameInstant(zone).format(PORTAL_TIME);
        }
    }

    private NationalPortalPayload() {
    }

    /** The dossier record sent to URLThemMoi / URLCapNhat. */
    static Map<String, Object> dossier(Facts f) {
        DossierSnapshot d = f.dossier();
        Applicant a = f.content() == null ? null : f.content().applicant();
        boolean organisation = a != null && Applicant.ORGANIZATION.equals(a.type());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("MaHoSo", d.code());
        p.put("MaTTHC", procedureCode(f));
        p.put("TenTTHC", f.procedure() != null ? f.procedure().name() : d.procedureName());
        p.put("MaLinhVuc", f.procedure() == null || f.procedure().field() == null ? null : f.procedure().field().code());
        p.put("TenLinhVuc", f.procedure() == null || f.procedure().field() == null ? null : f.procedure().field().name());
        p.put("KenhThucHien", channel(d.channel()));
        p.put("ChuHoSo", organisation && a.organizationName() != null ? a.organizationName() : d.applicantName());
        p.put("SoGiayToChuHoSo", organisation && a.taxCode() != null ? a.taxCode() : d.applicantIdNumber());
        p.put("LoaiDoiTuong", organisation ? 2 : 1);
        p.put("MaDoiTuong", d.channel() == Channel.ONLINE && f.vneidSubject() != null ? f.vneidSubject() : "");
        p.put("DinhDanhCHS", identifiers(d.applicantIdNumber()));
        p.put("Email", nullToEmpty(d.applicantEmail()));
        p.put("Fax", "");
        p.put("SoDienThoai", nullToEmpty(d.applicantPhone()));
        p.put("ThongTinKhac", a == null || a.address() == null ? "" : "Địa chỉ: " + a.address());
        p.put("TrichYeuHoSo", summary(f, a, organisation));
        p.put("NgayNopHoSo", f.time(d.submittedAt() != null ? d.submittedAt() : d.receivedAt()));
        p.put("NgayTiepNhan", f.time(d.receivedAt()));
        p.put("NgayHenTra", f.time(d.dueAt()));
        p.put("NgayTra", f.time(d.returnedAt()));
        p.put("NgayKetThucXuLy", f.time(d.finishedAt()));
        p.put("NgayTuChoi", d.status() == DossierStatus.REFUSED || d.status() == DossierStatus.REJECTED
                ? f.time(d.finishedAt()) : null);
        p.put("TrangThaiHoSo", d.status() == null ? 0 : d.status().nationalCode());
        p.put("HinhThuc", RESULT_AT_ONE_STOP);
        p.put("DonViXuLy", f.processingAgency() != null ? f.processingAgency() : f.receivingAgency());
        p.put("NoiNopHoSo", FILED_IN_PROVINCIAL_SYSTEM);
        List<Document> inputs = f.content() == null ? List.of() : f.content().documents().stream()
                .filter(x -> x.kind() == DocumentKind.INPUT || x.kind() == DocumentKind.SUPPLEMENT).toList();
        p.put("TaiLieuNop", inputs.stream().map(x -> submitted(x, f)).toList());
        p.put("DanhSachLePhi", fees(f));
        p.put("DanhSachGiayToKetQua", results(f));
        p.put("DanhSachHoSoBoSung", supplements(f));
        p.put("DanhSachTepDinhKemKhac", List.of());
        p.put("HoSoCoThanhPhanSoHoa", d.digitised() || inputs.stream().anyMatch(Document::digitised) ? 1 : 0);
        p.put("TaiKhoanDuocXacThucVoiVNeID", f.vneid() ? 1 : 0);
        p.put("DuocThanhToanTrucTuyen", f.payment() == null ? 0 : f.payment().gateway().nationalCode());
        p.put("DSKetNoiCSDL", f.databases().stream().map(c -> Map.of("MaCSDL", c)).toList());
        return p;
    }

    /** The process history lines (TienTrinh) this change adds: one per change, the receipt first on creation. */
    static List<Map<String, Object>> history(Facts f) {
        DossierChanged c = f.change();
        DossierSnapshot d = c.dossier();
        List<Map<String, Object>> out = new ArrayList<>();
        DossierContent.Step line = f.content() == null ? null : f.content().history().stream()
                .filter(h -> h.action() == c.action() && sameMoment(h.at(), c.at()))
                .reduce((x, y) -> y).orElse(null);
        String actor = c.actorName() != null ? c.actorName() : line == null ? null : line.actorName();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("MaHoSo", d.code());
        t.put("NguoiXuLy", cut(actor == null || actor.isBlank() ? "Hệ thống" : actor, ACTOR_MAX));
        t.put("ChucDanh", line == null || line.actorRole() == null ? ""
                : f.label().apply("office.role." + line.actorRole()));
        t.put("ThoiDiemXuLy", f.time(c.at()));
        t.put("PhongBanXuLy", f.processingAgency() != null ? f.processingAgency() : f.receivingAgency());
        String what = c.action() == null ? "" : f.label().apply("dossier.action." + c.action().name());
        t.put("NoiDungXuLy", c.reason() == null || c.reason().isBlank() ? what : what + ": " + c.reason());
        t.put("TrangThai", d.status() == null ? 0 : d.status().nationalCode());
        t.put("NgayBatDau", f.time(c.at()));
        t.put("NgayKetThucTheoQuyDinh", f.time(d.dueAt()));
        out.add(t);
        return out;
    }

    private static Object procedureCode(Facts f) {
        DossierSnapshot d = f.dossier();
        String national = f.procedure() != null && f.procedure().nationalCode() != null
                ? f.procedure().nationalCode() : d.procedureCode();
        if (national == null) {
            return null;
        }
        // the catalogue keeps the short national code (1.004873); the portal wants the full one
        String base = national.replaceAll("-.*$", "");
        return base.matches("\\d+\\.\\d{6}") ? base + f.procedureSuffix() : base;
    }

    static int channel(Channel c) {
        return c == null ? 1 : switch (c) {
            case COUNTER -> 1;
            case ONLINE -> 2;
            case POSTAL -> 3;
        };
    }

    /** DinhDanhCHS: a 12-digit personal identification number (1) or a 9-digit old identity card (2). */
    static List<Map<String, Object>> identifiers(String idNumber) {
        if (idNumber == null || !idNumber.matches("\\d{9}|\\d{12}")) {
            return List.of();
        }
        return List.of(Map.of("LoaiDinhDanh", idNumber.length() == 12 ? 1 : 2, "SoDinhDanh", idNumber));
    }

    /** TrichYeuHoSo: what is asked, by whom (≤ 1000 characters). */
    static String summary(Facts f, Applicant a, boolean organisation) {
        DossierSnapshot d = f.dossier();
        String who = organisation && a.organizationName() != null ? a.organizationName() : d.applicantName();
        String text = (f.procedure() != null ? f.procedure().name() : d.procedureName())
                + (who == null ? "" : " - " + who);
        return cut(text, SUMMARY_MAX);
    }

    private static Map<String, Object> submitted(Document x, Facts f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("TepDinhKemId", x.fileId().toString());
        m.put("TenTepDinhKem", x.name());
        m.put("IsDeleted", 0);
        m.put("MaThanhPhanHoSo", nullToEmpty(x.componentCode()));
        m.put("DuongDanTaiTepTin", f.link().apply(x.fileId()));
        m.put("DuocSoHoa", x.digitised() ? 1 : 0);
        m.put("DuocTaiSuDung", 0);       // MotCua does not reuse components of other dossiers yet
        m.put("DuocLayTuKhoDMQG", 0);    // nor take them from the citizen's national data warehouse
        m.put("MaKetQuaThayThe", "");
        return m;
    }

    /**
     * DanhSachLePhi: the rows of the catalogue's quote at intake; when an officer set another amount (asking for
     * payment), that amount as one row. LoaiPhiLePhi 1 = phí, 2 = lệ phí; HinhThucThu 1 = at the one-stop,
     * 2 = online.
     */
    static List<Map<String, Object>> fees(Facts f) {
        DossierSnapshot d = f.dossier();
        FeeQuote quote = f.content() == null ? null : f.content().feeQuote();
        int how = f.payment() != null ? 2 : 1;
        List<Map<String, Object>> out = new ArrayList<>();
        boolean quoteHolds = quote != null && !quote.items().isEmpty()
                && (d.feeAmount() == null || d.feeAmount() == quote.total());
        if (quoteHolds) {
            int i = 0;
            for (FeeQuote.Item item : quote.items()) {
                i++;
                if (item.amount() == null) {
                    continue;
                }
                out.add(fee(item.name(), "LP" + i, how, item.amount(), kind(f.procedure(), item.name())));
            }
        } else if (d.feeAmount() != null && d.feeAmount() > 0) {
            out.add(fee("Phí, lệ phí", "LP1", how, d.feeAmount(), 2));
        }
        return out;
    }

    private static Map<String, Object> fee(String name, String code, int how, long amount, int kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("TenPhiLePhi", name);
        m.put("MaPhiLePhi", code);
        m.put("HinhThucThu", how);
        m.put("Gia", amount);
        m.put("LoaiPhiLePhi", kind);
        return m;
    }

    private static int kind(Procedure p, String name) {
        if (p != null) {
            for (Fee fee : p.fees()) {
                if (fee.name().equals(name)) {
                    return "phi".equals(fee.kind()) ? 1 : 2;
                }
            }
        }
        return 2;
    }

    /** DanhSachGiayToKetQua: each electronic result with its download link (766 indicator 4.1). */
    static List<Map<String, Object>> results(Facts f) {
        if (f.content() == null) {
            return List.of();
        }
        String title = f.procedure() != null && f.procedure().result() != null ? f.procedure().result() : null;
        List<Map<String, Object>> out = new ArrayList<>();
        for (Document x : f.content().documents(DocumentKind.RESULT)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("TenGiayTo", title != null ? cut(title, 500) : x.name());
            m.put("MaThanhPhanHoSo", nullToEmpty(x.componentCode()));
            m.put("GiayToId", x.fileId().toString());
            m.put("DuongDanTepTinKetQua", f.link().apply(x.fileId()));
            m.put("MaGiayToKetQua", "");     // the catalogue has no CSDLQG result codes yet
            out.add(m);
        }
        return out;
    }

    /**
     * DanhSachHoSoBoSung: every supplement request with its answer. NgayHenTraTruoc / NgayHenTraMoi: the due moment
     * before the request and after the supply (a supplement during processing restarts the time).
     */
    static List<Map<String, Object>> supplements(Facts f) {
        if (f.content() == null) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (DossierContent.Supplement s : f.content().supplements()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("HoSoBoSungId", s.id());
            m.put("NguoiYeuCauBoSung", nullToEmpty(s.requestedBy()));
            String items = String.join("; ", s.items());
            m.put("NoiDungBoSung", cut(items.isEmpty() ? s.reason() : s.reason() + ": " + items, SUMMARY_MAX));
            m.put("NgayBoSung", f.time(s.requestedAt()));
            m.put("NguoiTiepNhanBoSung", nullToEmpty(s.suppliedTo()));
            m.put("ThongTinTiepNhan", nullToEmpty(s.note()));
            m.put("NgayTiepNhanBoSung", f.time(s.suppliedAt()));
            m.put("TrangThaiBoSung", s.suppliedAt() == null ? 0 : 1);
            m.put("DanhSachGiayToBoSung", s.documents().stream().map(x -> {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("TepDinhKemId", x.fileId().toString());
                g.put("TenTepDinhKem", x.name());
                g.put("MaThanhPhanHoSo", nullToEmpty(x.componentCode()));
                g.put("DuongDanTaiTepTin", f.link().apply(x.fileId()));
                return g;
            }).toList());
            m.put("DanhSachLePhiBoSung", List.of());
            m.put("NgayHenTraTruoc", f.time(dueBefore(f.content(), s.requestedAt())));
            m.put("NgayHenTraMoi", s.suppliedAt() == null ? null : f.time(dueAfter(f.content(), s.suppliedAt())));
            out.add(m);
        }
        return out;
    }

    /** The due moment in force just before {@code at}. */
    private static OffsetDateTime dueBefore(DossierContent c, OffsetDateTime at) {
        OffsetDateTime due = null;
        for (DossierContent.Step h : c.history()) {
            if (h.at() != null && h.at().isBefore(at) && h.dueAt() != null) {
                due = h.dueAt();
            }
        }
        return due;
    }

    /** The due moment set by the supply at {@code at}. */
    private static OffsetDateTime dueAfter(DossierContent c, OffsetDateTime at) {
        return c.history().stream().filter(h -> h.action() == DossierAction.SUPPLY && h.at() != null
                && h.at().isEqual(at)).map(DossierContent.Step::dueAt).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    /** The event's moment and the stored history's (PostgreSQL keeps microseconds) are the same moment. */
    static boolean sameMoment(OffsetDateTime a, OffsetDateTime b) {
        return a != null && b != null && Math.abs(java.time.Duration.between(a, b).toNanos()) < 1_000;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
