package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * One electronic receipt per category (DOMAIN-2.md §1c: separate receipts for phí and lệ phí): a land procedure's
 * payment of a phí (810,000 đ) and a lệ phí (50,000 đ) through the sandbox gets two receipts, each with its own number
 * of the agency's series, its own lines, amount in figures and words and XML; a payment of a phí only gets one.
 */
@IntegrationTest
class ReceiptsPerCategoryTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPhiAndALePhiPaidTogetherGetTwoReceiptsNumberedApart() throws Exception {
        TestApi citizen = new TestApi(port).as("congdan1");
        var land = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, PaymentReportTest.LAND_REISSUE,
                PaymentReportTest.LAND_BRANCH, TestDossiers.phone()));
        assertThat(land.status()).as(land.toString()).isEqualTo(201);
        JsonNode p = PaymentFlows.start(citizen, land.json().get("code").asString(), "VNPAY").json();
        PaymentFlows.decide(port, p.get("redirectUrl").asString(), "pay", "now");
        String id = p.get("paymentId").asString();
        JsonNode paid = citizen.get("/api/v1/payments/" + id).json();
        assertThat(paid.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(paid.get("items")).extracting(i -> i.get("category").asString()).containsExactly("PHI", "LE_PHI");
        assertThat(paid.get("receipts")).extracting(r -> r.get("category").asString()).containsExactly("PHI", "LE_PHI");

        List<Map<String, Object>> rows = jdbc.queryForList("select category, series, number, amount from "
                + "payment_e_receipt where payment_id = ?::uuid order by number", id);
        assertThat(rows).extracting(r -> r.get("category")).containsExactly("PHI", "LE_PHI");
        assertThat(rows).extracting(r -> ((Number) r.get("amount")).longValue()).containsExactly(810_000L, 50_000L);
        long first = ((Number) rows.get(0).get("number")).longValue();
        assertThat(((Number) rows.get(1).get("number")).longValue()).as("the next number of the same series")
                .isEqualTo(first + 1);

        String phi = EReceiptTest.pdftotext(citizen.get(paid.get("receipts").get(0).get("url").asString()).body());
        assertThat(phi).contains("810.000").contains("Tám trăm mười nghìn đồng").contains("Phí thẩm định")
                .doesNotContain("Lệ phí cấp Giấy chứng nhận");
        String lePhi = EReceiptTest.pdftotext(citizen.get(paid.get("receipts").get(1).get("url").asString()).body());
        assertThat(lePhi).contains("50.000").contains("Năm mươi nghìn đồng").contains("Lệ phí cấp Giấy chứng nhận")
                .doesNotContain("Phí thẩm định");
        Matcher n1 = Pattern.compile("Số: (\\d{8})").matcher(phi);
        Matcher n2 = Pattern.compile("Số: (\\d{8})").matcher(lePhi);
        assertThat(n1.find() && n2.find()).isTrue();
        assertThat(Long.parseLong(n2.group(1))).isEqualTo(Long.parseLong(n1.group(1)) + 1);

        String xml = citizen.get("/api/v1/payments/" + id + "/receipt.xml?category=le_phi").text();
        assertThat(xml).contains("<Loai>LE_PHI</Loai>").doesNotContain("<Loai>PHI</Loai>")
                .contains("<TgTTTBSo>50000</TgTTTBSo>");
        assertThat(citizen.get("/api/v1/payments/" + id + "/receipt.xml?category=PHI").text())
                .contains("<TgTTTBSo>810000</TgTTTBSo>");
        assertThat(citizen.get("/api/v1/payments/" + id + "/receipt.pdf").body()).as("without category: the first")
                .isNotEmpty();
        var bad = citizen.get("/api/v1/payments/" + id + "/receipt.pdf?category=THUE");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("category");
        assertThat(citizen.get("/api/v1/payments/" + id + "/receipt.pdf?category=NGHIA_VU_TAI_CHINH").status())
                .as("no line of that category").isEqualTo(404);

        // a phí only: one receipt
        String copy = PaymentFlows.submitted(citizen).get("code").asString();
        JsonNode one = PaymentFlows.start(citizen, copy, "VNPAY").json();
        PaymentFlows.decide(port, one.get("redirectUrl").asString(), "pay", "now");
        JsonNode onePaid = citizen.get("/api/v1/payments/" + one.get("paymentId").asString()).json();
        assertThat(onePaid.get("receipts")).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from payment_e_receipt where payment_id = ?::uuid", Long.class,
                one.get("paymentId").asString())).isEqualTo(1);
    }
}
