package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.signing.internal.Pdfsig;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;

/**
 * The electronic receipt of a payment (biên lai điện tử): paid through the sandbox, downloaded as the citizen would,
 * read back with poppler's pdftotext and checked with pdfsig; numbered per agency and year without gaps; its XML data.
 */
@IntegrationTest
class EReceiptTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    WorkingCalendar calendar;

    TestApi api() {
        return new TestApi(port);
    }

    @Test
    void aPaidDossiersReceiptIsSignedByTheAgencyAndSaysTheAmountInWordsAndTheDate() throws Exception {
        TestApi citizen = api().as("congdan1");
        String code = PaymentFlows.submitted(citizen).get("code").asString();
        JsonNode p = PaymentFlows.start(citizen, code, "VNPAY").json();
        String id = p.get("paymentId").asString();
        assertThat(citizen.get("/api/v1/payments/" + id + "/receipt.pdf").status()).as("not paid yet: no receipt")
                .isEqualTo(404);
        PaymentFlows.decide(port, p.get("redirectUrl").asString(), "pay", "now");
        JsonNode paid = citizen.get("/api/v1/payments/" + id).json();
        assertThat(paid.get("status").asString()).isEqualTo("SUCCEEDED");
        String receiptUrl = paid.get("receiptUrl").asString();

        var download = citizen.get(receiptUrl);
        assertThat(download.status()).as(download.toString()).isEqualTo(200);
        assertThat(download.header("Content-Type")).startsWith("application/pdf");
        byte[] pdf = download.body();
        String text = pdftotext(pdf);
        String today = clock.now().atZoneSameInstant(calendar.zone()).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertThat(text).contains("BIÊN LAI THU PHÍ, LỆ PHÍ")
                .as("the amount in figures and in Vietnamese words").contains("8.000").contains("Tám nghìn đồng")
                .as("date of issue dd/MM/yyyy").contains("Ngày lập: " + today)
                .contains("Nguyễn").contains(code).contains(p.get("reference").asString())
                .as("the catalogue's fee line, a phí").contains("Phí");
        Matcher number = Pattern.compile("Ký hiệu: (BL\\d\\d)\\s+Số: (\\d{8})").matcher(text);
        assertThat(number.find()).as("series and number in: " + text).isTrue();

        String report = Pdfsig.check(pdf);
        assertThat(Pdfsig.valid(report)).as(report).isEqualTo(1);
        assertThat(report).as("PAdES: a CAdES detached signature over the whole file")
                .contains("ETSI.CAdES.detached").contains("Total document signed");
        Files.write(Path.of("target", "e-receipt-sample.pdf"), pdf);

        assertThat(citizen.get(receiptUrl).body()).as("kept once signed: the same file again").isEqualTo(pdf);
        assertThat(api().as("congdan2").get(receiptUrl).status()).as("another citizen").isEqualTo(404);
        assertThat(api().get(receiptUrl).status()).as("anonymous").isEqualTo(401);

        var xml = citizen.get("/api/v1/payments/" + id + "/receipt.xml");
        assertThat(xml.status()).isEqualTo(200);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.body()));
        assertThat(doc.getElementsByTagName("TgTTTBSo").item(0).getTextContent()).isEqualTo("8000");
        assertThat(doc.getElementsByTagName("TgTTTBChu").item(0).getTextContent()).isEqualTo("Tám nghìn đồng");
        assertThat(doc.getElementsByTagName("KHBLai").item(0).getTextContent()).isEqualTo(number.group(1));
        assertThat(doc.getElementsByTagName("SBLai").item(0).getTextContent()).isEqualTo(number.group(2));
        assertThat(doc.getElementsByTagName("Loai").item(0).getTextContent()).isEqualTo("PHI");
        try (PDDocument signed = Loader.loadPDF(pdf)) {
            var embedded = signed.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().get("bien-lai.xml");
            assertThat(embedded.getEmbeddedFile().toByteArray()).as("the same XML embedded in the signed PDF")
                    .isEqualTo(xml.body());
        }

        // the next payment of the same agency takes the next number
        String code2 = PaymentFlows.submitted(citizen).get("code").asString();
        TestApi desk = api().as("tiepnhan.tanphu");
        JsonNode cash = desk.post("/api/v1/office/dossiers/" + code2 + "/payments/cash", java.util.Map.of()).json();
        byte[] second = citizen.get(cash.get("receiptUrl").asString()).body();
        String text2 = pdftotext(second);
        Matcher next = Pattern.compile("Ký hiệu: (BL\\d\\d)\\s+Số: (\\d{8})").matcher(text2);
        assertThat(next.find()).isTrue();
        assertThat(Long.parseLong(next.group(2))).as("numbers follow without gaps")
                .isGreaterThan(Long.parseLong(number.group(2)));
        assertThat(text2).contains("Tiền mặt");
        assertThat(Pdfsig.valid(Pdfsig.check(second))).isEqualTo(1);
    }

    @Test
    void badPaymentIdsAreNotFoundNeverAnError() {
        TestApi citizen = api().as("congdan1");
        assertThat(citizen.get("/api/v1/payments/not-a-uuid/receipt.pdf").status()).isEqualTo(404);
        assertThat(citizen.get("/api/v1/payments/00000000-0000-0000-0000-000000000000/receipt.xml").status())
                .isEqualTo(404);
    }

    static String pdftotext(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("receipt", ".pdf");
        try {
            Files.write(file, pdf);
            Process p = new ProcessBuilder("pdftotext", "-layout", file.toString(), "-").redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
