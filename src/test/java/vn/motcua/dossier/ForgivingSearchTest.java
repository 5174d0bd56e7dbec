package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.TestDossiers.MARITAL;
import static vn.motcua.test.TestDossiers.TAN_PHU;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * Tracking and the officers' search forgive how people type: the code in lower case, with spaces, in part; the
 * name without diacritics; the phone number with spaces or +84; the identification number with spaces.
 */
@IntegrationTest
class ForgivingSearchTest {

    @LocalServerPort
    int port;

    String code;
    String phone;
    String idNumber;

    @BeforeEach
    void aDossierOfĐặngThịÁnhTuyết() {
        TestApi citizen = new TestApi(port).as("congdan1");
        phone = TestDossiers.phone();
        var body = new LinkedHashMap<>(TestDossiers.body(citizen, MARITAL, TAN_PHU, phone));
        var applicant = new LinkedHashMap<>(TestDossiers.applicant(phone));
        applicant.put("fullName", "Đặng Thị Ánh Tuyết");
        // her own identification number: the demo one is on every test dossier, beyond the first page of results
        applicant.put("idNumber", ((String) applicant.get("idNumber")).substring(0, 6)
                + String.format("%06d", (long) (Math.random() * 1_000_000L)));
        idNumber = (String) applicant.get("idNumber");
        body.put("applicant", applicant);
        var r = citizen.post("/api/v1/dossiers", body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        code = r.json().get("code").asString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void trackingTakesTheCodeInAnyCaseAndWithSpaces() {
        TestApi anyone = new TestApi(port);
        String lower = code.toLowerCase();
        String spaced = " " + code.replace("-", " - ") + " ";
        assertThat(anyone.get("/api/v1/tracking/" + enc(lower) + "?phone=" + phone).status()).isEqualTo(200);
        assertThat(anyone.get("/api/v1/tracking/" + enc(spaced).replace("+", "%20") + "?phone=" + phone).status())
                .isEqualTo(200);
        assertThat(anyone.get("/tra-cuu?ma=" + enc(lower) + "&phone=" + enc(phone)).text())
                .contains(code).doesNotContain("Không tìm thấy hồ sơ");
        assertThat(anyone.get("/tra-cuu?ma=" + enc(lower.replace("-", "\u2013")) + "&idNumber=" + idNumber).text())
                .contains(code).doesNotContain("Không tìm thấy hồ sơ");
        // the second factor is still required and still checked
        assertThat(anyone.get("/api/v1/tracking/" + enc(lower) + "?phone=0900000000").status()).isEqualTo(404);
    }

    @Test
    void officersFindByNameWithoutDiacriticsPartialCodePhoneAndIdNumber() {
        TestApi desk = new TestApi(port).as("tiepnhan.tanphu");
        PageSession page = new PageSession(port).logIn("tiepnhan.tanphu");
        String tail = code.substring(code.indexOf('-') + 1);           // "261204-0001": date and sequence
        String spacedPhone = phone.substring(0, 4) + " " + phone.substring(4, 7) + " " + phone.substring(7);
        String spacedId = idNumber.substring(0, 3) + " " + idNumber.substring(3, 6) + " " + idNumber.substring(6);
        for (String q : new String[] {"dang thi anh tuyet", "ĐẶNG THỊ ÁNH", "anh tuyet", tail, tail.toLowerCase(),
                code.toLowerCase(), spacedPhone, "+84" + phone.substring(1), spacedId}) {
            var r = desk.get("/api/v1/office/dossiers?view=ALL&size=100&q=" + enc(q));
            assertThat(r.status()).as(q).isEqualTo(200);
            assertThat(r.text()).as(q).contains(code);
            assertThat(page.get("/can-bo?view=ALL&q=" + enc(q)).html()).as("page " + q).contains(code);
        }
        for (String q : new String[] {"dang thi anh tuyetx", "tuyet dang", "100%", "_"}) {
            var r = desk.get("/api/v1/office/dossiers?view=ALL&size=100&q=" + enc(q));
            assertThat(r.status()).as(q).isEqualTo(200);
            assertThat(r.text()).as(q).doesNotContain(code);
        }
    }
}
