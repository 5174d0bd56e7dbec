package vn.motcua.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.PageSession.FilePart;
import vn.motcua.test.TestDossiers;

/**
 * The feedback pages without JavaScript: an anonymous citizen sends feedback with a photo and a map point, the desk
 * classifies and routes it, the agency answers, its leader approves, the desk publishes; the citizen sees the answer,
 * rates it with the phone number given and raises it again. Bad input comes back as field messages, nothing stored.
 */
@IntegrationTest
class FeedbackPagesTest {

    static final Pattern CODE = Pattern.compile("PA-\\d{6}-\\d{5,}");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Map<String, String> form(String phone) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("category", "REGULATION");
        f.put("title", "Niêm yết thủ tục không đúng bản mới");
        f.put("content", "Bảng niêm yết ở bộ phận một cửa vẫn ghi lệ phí cũ.");
        f.put("senderName", "Lê Văn Cường");
        f.put("senderPhone", phone);
        f.put("address", "UBND phường Tân Phú");
        f.put("lat", "11.5351");
        f.put("lon", "106.8869");
        return f;
    }

    String act(PageSession officer, String code, String action, Map<String, String> fields) {
        var page = officer.get("/can-bo/phan-anh/" + code);
        assertThat(page.html()).contains("action-" + action);
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("version", page.input("version"));
        var after = officer.post("/can-bo/phan-anh/" + code + "/" + action.toLowerCase().replace('_', '-'), all);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.html()).as(action).doesNotContain("error-summary");
        return after.html();
    }

    @Test
    void aCitizensFeedbackGoesThroughTheDeskPagesToAPublishedAnswer() {
        String phone = TestDossiers.phone();
        PageSession citizen = new PageSession(port);
        var send = citizen.get("/phan-anh");
        assertThat(send.status()).isEqualTo(200);
        assertThat(send.html()).contains("Gửi phản ánh");
        var sent = citizen.postMultipart("/phan-anh", form(phone),
                List.of(new FilePart("photos", "anh.png", "image/png", TestImages.png())));
        assertThat(sent.status()).isEqualTo(200);
        var m = CODE.matcher(sent.url());
        assertThat(m.find()).as(sent.url()).isTrue();
        String code = m.group();
        assertThat(sent.html()).contains("Mã của bạn: " + code).contains("Mới tiếp nhận");

        PageSession desk = new PageSession(port).logIn("tiepnhan.tanphu");
        assertThat(desk.get("/can-bo/phan-anh?status=RECEIVED").html()).contains(code);
        var office = desk.get("/can-bo/phan-anh/" + code);
        assertThat(office.html()).contains("/can-bo/phan-anh/" + code + "/anh/0").contains(phone);
        assertThat(desk.get("/can-bo/phan-anh/" + code + "/anh/0").contentType()).startsWith("image/png");
        act(desk, code, "CLASSIFY", Map.of("category", "REGULATION"));
        act(desk, code, "ROUTE", Map.of("agencyCode", TestDossiers.TAN_PHU));

        PageSession specialist = new PageSession(port).logIn("chuyenvien.tanphu");
        assertThat(specialist.get("/can-bo/phan-anh").html()).contains(code);
        act(specialist, code, "ANSWER", Map.of("note", "Đã thay bảng niêm yết theo Quyết định công bố mới."));
        PageSession leader = new PageSession(port).logIn("lanhdao.tanphu");
        act(leader, code, "APPROVE", Map.of());
        assertThat(citizen.get("/phan-anh/" + code).html()).doesNotContain("Đã thay bảng niêm yết");
        act(desk, code, "PUBLISH", Map.of());

        var item = citizen.get("/phan-anh/" + code);
        assertThat(item.html()).contains("Đã công khai").contains("Đã thay bảng niêm yết");
        var wrongPhone = citizen.post("/phan-anh/" + code + "/danh-gia",
                Map.of("version", item.input("version"), "rating", "SATISFIED", "phone", "0900000000"));
        assertThat(wrongPhone.html()).contains("error-summary");
        var rated = citizen.post("/phan-anh/" + code + "/danh-gia",
                Map.of("version", item.input("version"), "rating", "UNSATISFIED", "phone", phone));
        assertThat(rated.html()).contains("Cảm ơn bạn đã đánh giá").contains("Không hài lòng");
        var raised = citizen.post("/phan-anh/" + code + "/phan-anh-lai",
                Map.of("version", rated.input("version"), "note", "Bảng ở tầng 2 vẫn chưa thay.", "phone", phone));
        assertThat(raised.html()).contains("Phản ánh lại");
        assertThat(desk.get("/can-bo/phan-anh/" + code).html()).contains("action-CLASSIFY");
    }

    @Test
    void theHotlineOperatorEntersACall() {
        PageSession desk = new PageSession(port).logIn("tiepnhan.dongxoai");
        assertThat(desk.get("/can-bo/phan-anh/moi").status()).isEqualTo(200);
        Map<String, String> f = form(TestDossiers.phone());
        f.put("category", "CONDUCT");
        var after = desk.post("/can-bo/phan-anh/moi", f);
        assertThat(after.url()).containsPattern(CODE);
        assertThat(after.html()).contains("Tổng đài 1022").contains("Về hành vi của cán bộ");
        PageSession specialist = new PageSession(port).logIn("chuyenvien.dongxoai");
        assertThat(specialist.get("/can-bo/phan-anh/moi").status()).isEqualTo(403);
    }

    @Test
    void badInputComesBackFieldByFieldAndNothingIsStored() {
        long before = jdbc.sql("select count(*) from feedback").query(Long.class).single();
        PageSession citizen = new PageSession(port);
        citizen.get("/phan-anh");
        Map<String, String> f = form("");
        f.put("lat", "10.7769");
        f.put("lon", "106.7009");
        f.put("title", "");
        var page = citizen.postMultipart("/phan-anh", f,
                List.of(new FilePart("photos", "anh.jpg", "image/jpeg", "GIF89a not really".getBytes())));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.html()).contains("error-summary").contains("Nhập tiêu đề phản ánh")
                .contains("ngoài địa bàn tỉnh Bình Phước").contains("Nhập số điện thoại hoặc thư điện tử")
                .contains("không phải là ảnh");
        assertThat(jdbc.sql("select count(*) from feedback").query(Long.class).single()).isEqualTo(before);

        PageSession english = new PageSession(port, "en");
        english.get("/phan-anh");
        var en = english.postMultipart("/phan-anh", f, List.of());
        assertThat(en.html()).contains("Enter a title").contains("outside");
    }
}
