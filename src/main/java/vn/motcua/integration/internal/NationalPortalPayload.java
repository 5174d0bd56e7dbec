package vn.motcua.integration.internal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Maps a {@code dossier.changed} snapshot to the national portal's dossier fields (DOMAIN.md §3.1): codes,
 * channel (KenhThucHien 1/2/3), applicant, the key moments as {@code yyyyMMddHHmmss} in Vietnam time, and the
 * national status code (TrangThaiHoSo 1–10).
 */
final class NationalPortalPayload {

    static final DateTimeFormatter PORTAL_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Map<String, Integer> STATUS = Map.ofEntries(Map.entry("SUBMITTED", 1),
            Map.entry("RECEIVED", 2), Map.entry("REFUSED", 3), Map.entry("PROCESSING", 4),
            Map.entry("SUPPLEMENT_REQUESTED", 5), Map.entry("AWAITING_PAYMENT", 6), Map.entry("WITHDRAWN", 7),
            Map.entry("STOPPED", 8), Map.entry("REJECTED", 8), Map.entry("COMPLETED", 9), Map.entry("RETURNED", 10));
    private static final Map<String, Integer> CHANNEL = Map.of("COUNTER", 1, "ONLINE", 2, "POSTAL", 3);

    private NationalPortalPayload() {
    }

    /**
     * @param procedureSuffix appended to national procedure codes as local portals do (e.g. {@code .000.00.00.H10})
     */
    static Map<String, Object> of(JsonNode e, String procedureSuffix, String agencyName) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("MaHoSo", text(e, "code"));
        String procedure = text(e, "procedureCode");
        p.put("MaTTHC", procedure == null ? null : procedure.replaceAll("-.*$", "") + procedureSuffix);
        p.put("TenTTHC", text(e, "procedureName"));
        p.put("KenhThucHien", CHANNEL.getOrDefault(text(e, "channel"), 1));
        p.put("ChuHoSo", text(e, "applicantName"));
        String idNumber = text(e, "applicantIdNumber");
        p.put("SoGiayToChuHoSo", idNumber);
        p.put("LoaiDoiTuong", 1);
        p.put("DinhDanhCHS", idNumber == null ? List.of()
                : List.of(Map.of("LoaiDinhDanh", idNumber.length() == 12 ? 1 : 2, "SoDinhDanh", idNumber)));
        p.put("SoDienThoai", text(e, "applicantPhone"));
        p.put("Email", text(e, "applicantEmail"));
        p.put("NgayNopHoSo", time(text(e, "submittedAt") != null ? text(e, "submittedAt") : text(e, "receivedAt")));
        p.put("NgayTiepNhan", time(text(e, "receivedAt")));
        p.put("NgayHenTra", time(text(e, "dueAt")));
        p.put("NgayKetThucXuLy", time(text(e, "finishedAt")));
        p.put("NgayTra", time(text(e, "returnedAt")));
        p.put("NgayTuChoi", "REFUSED".equals(text(e, "toStatus")) ? time(text(e, "finishedAt")) : null);
        p.put("TrangThaiHoSo", STATUS.getOrDefault(text(e, "toStatus"), 0));
        p.put("DonViXuLy", agencyName);
        p.put("HoSoCoThanhPhanSoHoa", e.path("digitised").asBoolean(false) ? 1 : 0);
        p.put("DuocThanhToanTrucTuyen", text(e, "paidAt") != null && "ONLINE".equals(text(e, "channel")) ? 2 : 0);
        Map<String, Object> apology = null;
        if (e.path("apologyCount").asInt(0) > 0 && text(e, "originalDueAt") != null) {
            apology = Map.of("NgayHenTraTruoc", time(text(e, "originalDueAt")), "NgayHenTraMoi", time(text(e, "dueAt")));
        }
        p.put("DanhSachHoSoBoSung", apology == null ? List.of() : List.of(apology));
        return p;
    }

    static String time(String iso) {
        return iso == null ? null : OffsetDateTime.parse(iso).atZoneSameInstant(ZONE).format(PORTAL_TIME);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
