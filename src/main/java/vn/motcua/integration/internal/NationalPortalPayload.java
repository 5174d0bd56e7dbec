package vn.motcua.integration.internal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.dossier.DossierChanged;
import vn.motcua.dossier.DossierSnapshot;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.platform.Channel;

/**
 * Maps a {@link DossierChanged} event to the national portal's dossier fields (DOMAIN.md §3.1): codes,
 * channel (KenhThucHien 1/2/3), applicant, the key moments as {@code yyyyMMddHHmmss} in Vietnam time, and the
 * national status code (TrangThaiHoSo 1–10).
 */
final class NationalPortalPayload {

    static final DateTimeFormatter PORTAL_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Map<String, Integer> CHANNEL = Map.of("COUNTER", 1, "ONLINE", 2, "POSTAL", 3);

    private NationalPortalPayload() {
    }

    /**
     * @param procedureSuffix appended to national procedure codes as local portals do (e.g. {@code .000.00.00.H10})
     */
    static Map<String, Object> of(DossierChanged e, String procedureSuffix, String agencyName) {
        DossierSnapshot d = e.dossier();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("MaHoSo", d.code());
        String procedure = d.procedureCode();
        p.put("MaTTHC", procedure == null ? null : procedure.replaceAll("-.*$", "") + procedureSuffix);
        p.put("TenTTHC", d.procedureName());
        p.put("KenhThucHien", d.channel() == null ? 1 : CHANNEL.getOrDefault(d.channel().name(), 1));
        p.put("ChuHoSo", d.applicantName());
        String idNumber = d.applicantIdNumber();
        p.put("SoGiayToChuHoSo", idNumber);
        p.put("LoaiDoiTuong", 1);
        p.put("DinhDanhCHS", idNumber == null ? List.of()
                : List.of(Map.of("LoaiDinhDanh", idNumber.length() == 12 ? 1 : 2, "SoDinhDanh", idNumber)));
        p.put("SoDienThoai", d.applicantPhone());
        p.put("Email", d.applicantEmail());
        p.put("NgayNopHoSo", time(d.submittedAt() != null ? d.submittedAt() : d.receivedAt()));
        p.put("NgayTiepNhan", time(d.receivedAt()));
        p.put("NgayHenTra", time(d.dueAt()));
        p.put("NgayKetThucXuLy", time(d.finishedAt()));
        p.put("NgayTra", time(d.returnedAt()));
        p.put("NgayTuChoi", d.status() == DossierStatus.REFUSED ? time(d.finishedAt()) : null);
        p.put("TrangThaiHoSo", d.status() == null ? 0 : d.status().nationalCode());
        p.put("DonViXuLy", agencyName);
        p.put("HoSoCoThanhPhanSoHoa", d.digitised() ? 1 : 0);
        p.put("DuocThanhToanTrucTuyen", d.paidAt() != null && d.channel() == Channel.ONLINE ? 2 : 0);
        Map<String, Object> apology = null;
        if (d.apologyCount() > 0 && d.originalDueAt() != null) {
            apology = Map.of("NgayHenTraTruoc", time(d.originalDueAt()), "NgayHenTraMoi", time(d.dueAt()));
        }
        p.put("DanhSachHoSoBoSung", apology == null ? List.of() : List.of(apology));
        return p;
    }

    static String time(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(ZONE).format(PORTAL_TIME);
    }

    static String time(String iso) {
        return iso == null ? null : OffsetDateTime.parse(iso).atZoneSameInstant(ZONE).format(PORTAL_TIME);
    }
}
