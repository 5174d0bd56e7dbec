package vn.motcua.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.TestDossiers.MARITAL;
import static vn.motcua.test.TestDossiers.TAN_PHU;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * The record queued for the national portal at each status (TrangThaiHoSo 1–10), compared field by field with
 * DOMAIN.md §3.1, through real dossiers driven over the HTTP API.
 */
@IntegrationTest
class NationalPortalPayloadTest {

    /** Every field of the DOMAIN.md §3.1 table (jsonb keeps no order). */
    static final List<String> FIELDS = List.of("MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc",
            "KenhThucHien", "ChuHoSo", "SoGiayToChuHoSo", "LoaiDoiTuong", "MaDoiTuong", "DinhDanhCHS", "Email", "Fax",
            "SoDienThoai", "ThongTinKhac", "TrichYeuHoSo", "NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "NgayTra",
            "NgayKetThucXuLy", "NgayTuChoi", "TrangThaiHoSo", "HinhThuc", "DonViXuLy", "NoiNopHoSo", "TaiLieuNop",
            "DanhSachLePhi", "DanhSachGiayToKetQua", "DanhSachHoSoBoSung", "DanhSachTepDinhKemKhac",
            "HoSoCoThanhPhanSoHoa", "TaiKhoanDuocXacThucVoiVNeID", "DuocThanhToanTrucTuyen", "DSKetNoiCSDL");
    static final Set<String> DATES = Set.of("NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "NgayTra", "NgayKetThucXuLy",
            "NgayTuChoi");
    static final DateTimeFormatter PORTAL = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    TestApi citizen() {
        return new TestApi(port).as("congdan1");
    }

    TestApi desk() {
        return new TestApi(port).as("tiepnhan.tanphu");
    }

    TestApi specialist() {
        return new TestApi(port).as("chuyenvien.tanphu");
    }

    TestApi leader() {
        return new TestApi(port).as("lanhdao.tanphu");
    }

    static JsonNode act(TestApi who, JsonNode d, String action, Map<String, Object> extra) {
        var body = new HashMap<String, Object>(extra);
        body.put("action", action);
        body.putIfAbsent("version", d.get("version").asInt());
        var r = who.post("/api/v1/office/dossiers/" + d.get("code").asString() + "/actions", body);
        assertThat(r.status()).as(action + ": " + r).isEqualTo(200);
        return r.json();
    }

    /** The record and history lines queued for the change that brought the dossier to {@code status}. */
    record Queued(JsonNode record, JsonNode history) {
    }

    Queued queued(String code, int status) throws InterruptedException {
        return queued(code, status, null);
    }

    /** The same, for the change made by {@code action} (null: any). */
    Queued queued(String code, int status, String action) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            var row = jdbc.sql("""
                    select payload::text, history::text from national_sync_change
                    where dossier_code = :c and national_status = :s and (cast(:a as text) is null or action = :a)
                    order by id desc limit 1""")
                    .param("c", code).param("s", status).param("a", action)
                    .query((rs, n) -> new Queued(json.readTree(rs.getString(1)), json.readTree(rs.getString(2))))
                    .optional();
            if (row.isPresent()) {
                return row.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no change of " + code + " queued with status " + status);
    }

    /** The fields every record has, whatever the status: DOMAIN.md §3.1 names, types and formats. */
    static void common(JsonNode p, JsonNode d, int status) {
        assertThat(iterable(p.propertyNames())).containsExactlyInAnyOrderElementsOf(FIELDS);
        assertThat(p.get("MaHoSo").asString()).isEqualTo(d.get("code").asString());
        assertThat(p.get("MaTTHC").asString()).isEqualTo("1.004873.000.00.00.H10");
        assertThat(p.get("TenTTHC").asString()).isEqualTo(d.get("procedureName").asString());
        assertThat(p.get("MaLinhVuc").asString()).isNotBlank();
        assertThat(p.get("TenLinhVuc").asString()).isNotBlank();
        assertThat(p.get("TrangThaiHoSo").asInt()).isEqualTo(status);
        for (String date : DATES) {
            JsonNode v = p.get(date);
            assertThat(v.isNull() || v.asString().matches("\\d{14}")).as(date + " is yyyyMMddHHmmss: " + v).isTrue();
        }
        assertThat(p.get("NgayNopHoSo").asString()).isNotBlank();
        assertThat(p.get("TrichYeuHoSo").asString()).hasSizeLessThanOrEqualTo(1000)
                .contains(d.get("procedureName").asString());
        assertThat(p.get("HinhThuc").asInt()).isZero();
        assertThat(p.get("NoiNopHoSo").asInt()).isEqualTo(2);
        assertThat(p.get("DonViXuLy").asString()).isNotBlank();
        assertThat(p.get("Fax").asString()).isEmpty();
        assertThat(p.get("DanhSachTepDinhKemKhac").isArray()).isTrue();
        assertThat(p.get("TaiKhoanDuocXacThucVoiVNeID").asInt()).as("not a VNeID account").isZero();
        assertThat(p.get("DuocThanhToanTrucTuyen").asInt()).as("no online payment").isZero();
        assertThat(p.get("DSKetNoiCSDL").isArray()).isTrue();
        JsonNode docs = p.get("TaiLieuNop");
        assertThat(docs.size()).isPositive();
        for (JsonNode t : docs) {
            assertThat(iterable(t.propertyNames())).containsExactlyInAnyOrder("TepDinhKemId", "TenTepDinhKem", "IsDeleted",
                    "MaThanhPhanHoSo", "DuongDanTaiTepTin", "DuocSoHoa", "DuocTaiSuDung", "DuocLayTuKhoDMQG",
                    "MaKetQuaThayThe");
            assertThat(t.get("MaThanhPhanHoSo").asString()).startsWith("TP");
            assertThat(t.get("DuongDanTaiTepTin").asString()).contains("/api/v1/public/national-files/"
                    + d.get("code").asString() + "/" + t.get("TepDinhKemId").asString() + "?sig=");
        }
    }

    /** A citizen (LoaiDoiTuong 1) with a 12-digit personal id, as the test applicant is. */
    static void citizenApplicant(JsonNode p, int channel) {
        assertThat(p.get("KenhThucHien").asInt()).isEqualTo(channel);
        assertThat(p.get("ChuHoSo").asString()).isEqualTo("Nguyễn Văn An");
        assertThat(p.get("SoGiayToChuHoSo").asString()).isEqualTo("070090001234");
        assertThat(p.get("LoaiDoiTuong").asInt()).isEqualTo(1);
        assertThat(p.get("DinhDanhCHS").get(0).get("LoaiDinhDanh").asInt()).isEqualTo(1);
        assertThat(p.get("DinhDanhCHS").get(0).get("SoDinhDanh").asString()).isEqualTo("070090001234");
        assertThat(p.get("Email").asString()).isEqualTo("an.nguyen@example.vn");
        assertThat(p.get("ThongTinKhac").asString()).contains("Tân Phú");
    }

    static String portalTime(String iso) {
        return OffsetDateTime.parse(iso).atZoneSameInstant(ZoneId.of("Asia/Ho_Chi_Minh")).format(PORTAL);
    }

    static <T> Iterable<T> iterable(java.util.Collection<T> c) {
        return c;
    }

    JsonNode submitted() {
        TestApi c = citizen();
        return c.post("/api/v1/dossiers", TestDossiers.body(c, MARITAL, TAN_PHU, TestDossiers.phone())).json();
    }

    @Test
    void status1SubmittedOnlineThen2Received() throws Exception {
        JsonNode d = submitted();
        String code = d.get("code").asString();
        Queued s1 = queued(code, 1);
        common(s1.record(), d, 1);
        citizenApplicant(s1.record(), 2);
        assertThat(s1.record().get("NgayNopHoSo").asString()).isEqualTo(portalTime(d.get("submittedAt").asString()));
        assertThat(s1.record().get("NgayTiepNhan").isNull()).isTrue();
        assertThat(s1.record().get("NgayTuChoi").isNull()).isTrue();
        assertThat(s1.record().get("DanhSachGiayToKetQua").size()).isZero();
        assertThat(s1.history()).hasSize(1);
        assertThat(s1.history().get(0).get("TrangThai").asInt()).isEqualTo(1);
        assertThat(s1.history().get(0).get("NoiDungXuLy").asString()).isEqualTo("Nộp hồ sơ trực tuyến");

        JsonNode r = act(desk(), d, "ACCEPT", Map.of());
        Queued s2 = queued(code, 2);
        common(s2.record(), d, 2);
        assertThat(s2.record().get("NgayTiepNhan").asString()).isEqualTo(portalTime(r.get("receivedAt").asString()));
        assertThat(s2.record().get("NgayHenTra").asString()).isEqualTo(portalTime(r.get("dueAt").asString()));
        JsonNode line = s2.history().get(0);
        assertThat(iterable(line.propertyNames())).containsExactlyInAnyOrder("MaHoSo", "NguoiXuLy", "ChucDanh", "ThoiDiemXuLy",
                "PhongBanXuLy", "NoiDungXuLy", "TrangThai", "NgayBatDau", "NgayKetThucTheoQuyDinh");
        assertThat(line.get("TrangThai").asInt()).isEqualTo(2);
        assertThat(line.get("NguoiXuLy").asString()).isNotBlank().hasSizeLessThanOrEqualTo(50);
        assertThat(line.get("ChucDanh").asString()).isEqualTo("Cán bộ tiếp nhận");
        assertThat(line.get("ThoiDiemXuLy").asString()).matches("\\d{14}");
        assertThat(line.get("NgayKetThucTheoQuyDinh").asString()).isEqualTo(portalTime(r.get("dueAt").asString()));
    }

    @Test
    void status3RefusedAtReception() throws Exception {
        JsonNode d = submitted();
        JsonNode r = act(desk(), d, "REFUSE", Map.of("reason", "Không thuộc thẩm quyền"));
        Queued q = queued(d.get("code").asString(), 3);
        common(q.record(), d, 3);
        assertThat(q.record().get("NgayTuChoi").asString()).isEqualTo(portalTime(r.get("finishedAt").asString()));
        assertThat(q.history().get(0).get("NoiDungXuLy").asString()).isEqualTo("Từ chối tiếp nhận: Không thuộc thẩm quyền");
    }

    @Test
    void status4ProcessingThen5SupplementWithARealSupplementEntryThen6PaymentThen9ResultThen10Returned()
            throws Exception {
        JsonNode d = act(desk(), submitted(), "ACCEPT", Map.of());
        String code = d.get("code").asString();
        JsonNode p = act(desk(), d, "FORWARD", Map.of());
        Queued s4 = queued(code, 4);
        common(s4.record(), d, 4);
        assertThat(s4.record().get("DanhSachHoSoBoSung").size()).isZero();

        JsonNode waiting = act(specialist(), p, "REQUEST_SUPPLEMENT", Map.of("reason", "Thiếu bản sao giấy chứng tử",
                "items", List.of("Bản sao giấy chứng tử của vợ")));
        Queued s5 = queued(code, 5);
        common(s5.record(), d, 5);
        JsonNode asked = s5.record().get("DanhSachHoSoBoSung").get(0);
        assertThat(iterable(asked.propertyNames())).containsExactlyInAnyOrder("HoSoBoSungId", "NguoiYeuCauBoSung",
                "NoiDungBoSung", "NgayBoSung", "NguoiTiepNhanBoSung", "ThongTinTiepNhan", "NgayTiepNhanBoSung",
                "TrangThaiBoSung", "DanhSachGiayToBoSung", "DanhSachLePhiBoSung", "NgayHenTraTruoc", "NgayHenTraMoi");
        assertThat(asked.get("NoiDungBoSung").asString()).isEqualTo("Thiếu bản sao giấy chứng tử: Bản sao giấy chứng tử của vợ");
        assertThat(asked.get("NguoiYeuCauBoSung").asString()).isNotBlank();
        assertThat(asked.get("NgayBoSung").asString()).matches("\\d{14}");
        assertThat(asked.get("TrangThaiBoSung").asInt()).isZero();
        assertThat(asked.get("NgayTiepNhanBoSung").isNull()).isTrue();
        assertThat(asked.get("NgayHenTraTruoc").asString()).isEqualTo(portalTime(p.get("dueAt").asString()));

        TestApi c = citizen();
        String file = TestDossiers.upload(c, "bo-sung.pdf");
        JsonNode mine = c.get("/api/v1/dossiers/" + code).json();
        var supplied = c.post("/api/v1/dossiers/" + code + "/supplements", Map.of("version", mine.get("version").asInt(),
                "note", "Đã bổ sung", "attachments", List.of(Map.of("componentCode", "TP02", "fileId", file))));
        assertThat(supplied.status()).as(supplied.toString()).isEqualTo(200);
        Queued back = queued(code, 4, "SUPPLY");
        JsonNode answered = back.record().get("DanhSachHoSoBoSung").get(0);
        assertThat(answered.get("TrangThaiBoSung").asInt()).isEqualTo(1);
        assertThat(answered.get("NgayTiepNhanBoSung").asString()).matches("\\d{14}");
        assertThat(answered.get("ThongTinTiepNhan").asString()).isEqualTo("Đã bổ sung");
        assertThat(answered.get("DanhSachGiayToBoSung").get(0).get("TepDinhKemId").asString()).isEqualTo(file);
        assertThat(answered.get("NgayHenTraMoi").asString())
                .isEqualTo(portalTime(supplied.json().get("dueAt").asString()));
        assertThat(back.record().get("TaiLieuNop").toString()).as("the supplied document is a submitted one").contains(file);

        JsonNode office = desk().get("/api/v1/office/dossiers/" + code).json();
        JsonNode paying = act(specialist(), office, "REQUEST_PAYMENT", Map.of("amount", 8000));
        Queued s6 = queued(code, 6);
        common(s6.record(), d, 6);
        JsonNode fee = s6.record().get("DanhSachLePhi").get(0);
        assertThat(iterable(fee.propertyNames())).containsExactlyInAnyOrder("TenPhiLePhi", "MaPhiLePhi", "HinhThucThu", "Gia",
                "LoaiPhiLePhi");
        assertThat(fee.get("Gia").asLong()).isEqualTo(8000);
        JsonNode paid = act(desk(), paying, "CONFIRM_PAYMENT", Map.of());
        assertThat(paid.get("paidAt").isNull()).isFalse();
        Queued afterPaid = queued(code, 4, "CONFIRM_PAYMENT");
        assertThat(afterPaid.record().get("DuocThanhToanTrucTuyen").asInt())
                .as("an officer's confirmation at the counter is not an online payment").isZero();

        JsonNode atLeader = act(specialist(), paid, "FORWARD", Map.of());
        String result = TestDossiers.upload(leader(), "ket-qua.pdf");
        JsonNode done = act(leader(), atLeader, "COMPLETE", Map.of("attachments", List.of(Map.of("fileId", result))));
        Queued s9 = queued(code, 9);
        common(s9.record(), d, 9);
        assertThat(s9.record().get("NgayKetThucXuLy").asString()).isEqualTo(portalTime(done.get("finishedAt").asString()));
        JsonNode res = s9.record().get("DanhSachGiayToKetQua").get(0);
        assertThat(iterable(res.propertyNames())).containsExactlyInAnyOrder("TenGiayTo", "MaThanhPhanHoSo", "GiayToId",
                "DuongDanTepTinKetQua", "MaGiayToKetQua");
        assertThat(res.get("GiayToId").asString()).isEqualTo(result);
        String link = res.get("DuongDanTepTinKetQua").asString();
        String path = link.substring(link.indexOf("/api/"));
        var download = new TestApi(port).get(path);
        assertThat(download.status()).as("the portal downloads the result by its link, without an account").isEqualTo(200);
        assertThat(new String(download.body(), 0, 5)).isEqualTo("%PDF-");
        assertThat(new TestApi(port).get(path.replaceAll("sig=.*", "sig=0000")).status()).isEqualTo(404);

        JsonNode returned = act(desk(), done, "RETURN_RESULT", Map.of());
        Queued s10 = queued(code, 10);
        common(s10.record(), d, 10);
        assertThat(s10.record().get("NgayTra").asString()).isEqualTo(portalTime(returned.get("returnedAt").asString()));
        assertThat(s10.record().get("NgayTuChoi").isNull()).isTrue();
    }

    @Test
    void status7WithdrawnAnd8StoppedAndRejected() throws Exception {
        JsonNode w = act(desk(), submitted(), "ACCEPT", Map.of());
        TestApi c = citizen();
        var withdrawn = c.post("/api/v1/dossiers/" + w.get("code").asString() + "/withdraw",
                Map.of("reason", "Không cần nữa", "version", w.get("version").asInt()));
        assertThat(withdrawn.status()).isEqualTo(200);
        common(queued(w.get("code").asString(), 7).record(), w, 7);

        JsonNode s = act(desk(), act(desk(), submitted(), "ACCEPT", Map.of()), "FORWARD", Map.of());
        act(leader(), s, "STOP", Map.of("reason", "Công dân đề nghị dừng"));
        Queued stopped = queued(s.get("code").asString(), 8);
        common(stopped.record(), s, 8);
        assertThat(stopped.record().get("NgayTuChoi").isNull()).as("stopped is not refused").isTrue();

        JsonNode r = act(specialist(), act(desk(), act(desk(), submitted(), "ACCEPT", Map.of()), "FORWARD", Map.of()),
                "FORWARD", Map.of());
        JsonNode rejected = act(leader(), r, "REJECT", Map.of("reason", "Không đủ điều kiện"));
        Queued q = queued(r.get("code").asString(), 8);
        common(q.record(), r, 8);
        assertThat(q.record().get("NgayTuChoi").asString()).isEqualTo(portalTime(rejected.get("finishedAt").asString()));
    }

    @Test
    void anEnterpriseIsLoaiDoiTuong2WithItsNameAndTaxCodeAtTheCounter() throws Exception {
        TestApi desk = desk();
        Map<String, Object> body = TestDossiers.body(desk, MARITAL, TAN_PHU, TestDossiers.phone());
        @SuppressWarnings("unchecked")
        Map<String, Object> applicant = (Map<String, Object>) body.get("applicant");
        applicant.put("type", "ORGANIZATION");
        applicant.put("organizationName", "Công ty TNHH Cao su Đồng Phú");
        applicant.put("taxCode", "3801234566");
        var created = desk.post("/api/v1/office/dossiers", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode d = created.json();
        Queued q = queued(d.get("code").asString(), 2);
        common(q.record(), d, 2);
        assertThat(q.record().get("KenhThucHien").asInt()).isEqualTo(1);
        assertThat(q.record().get("LoaiDoiTuong").asInt()).isEqualTo(2);
        assertThat(q.record().get("ChuHoSo").asString()).isEqualTo("Công ty TNHH Cao su Đồng Phú");
        assertThat(q.record().get("SoGiayToChuHoSo").asString()).isEqualTo("3801234566");
        assertThat(q.record().get("MaDoiTuong").asString()).as("a counter dossier has no national account").isEmpty();
        assertThat(q.record().get("TrichYeuHoSo").asString()).contains("Công ty TNHH Cao su Đồng Phú");
        assertThat(q.record().get("DinhDanhCHS").get(0).get("SoDinhDanh").asString())
                .as("the representative's identification").isEqualTo("070090001234");
    }
}
