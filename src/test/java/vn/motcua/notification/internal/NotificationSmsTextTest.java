package vn.motcua.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitLevel;

/** SMS texts: length limit, diacritics stripped on request (case kept), and the templates' SMS parts. */
class NotificationSmsTextTest {

    private static final String LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
            + "áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
            + "ÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ0123456789 .,:;-()/";

    @Test
    void strippingDiacriticsKeepsCasePunctuationAndDigits() {
        assertThat(SmsText.stripDiacritics("Hồ sơ H10.689-250512-0001 ĐÃ được tiếp nhận tại Đắk Ơ, Bù Gia Mập."))
                .isEqualTo("Ho so H10.689-250512-0001 DA duoc tiep nhan tai Dak O, Bu Gia Map.");
        assertThat(SmsText.stripDiacritics("Ưu tiên: Ỷ, ỹ, Ữ, đ, Đ")).isEqualTo("Uu tien: Y, y, U, d, D");
        // decomposed input (combining marks typed separately) gives the same result
        assertThat(SmsText.stripDiacritics("Hồ sơ".replace("ồ", "o\u0302\u0300").replace("ơ", "o\u031B")))
                .isEqualTo("Ho so");
    }

    @Test
    void strippedVietnameseIsPrintableAsciiWhateverTheLetters() {
        long seed = 20310506L;
        Random random = new Random(seed);
        for (int i = 0; i < 2000; i++) {
            String text = randomText(random, 1 + random.nextInt(120));
            String stripped = SmsText.stripDiacritics(text);
            assertThat(stripped.length()).as("seed %d case %d: %s", seed, i, text).isEqualTo(text.length());
            assertThat(StandardCharsets.US_ASCII.newEncoder().canEncode(stripped))
                    .as("seed %d case %d: %s -> %s", seed, i, text, stripped).isTrue();
            for (int c = 0; c < text.length(); c++) {
                char original = text.charAt(c);
                assertThat(Character.isUpperCase(stripped.charAt(c))).as("seed %d case %d: case of %s", seed, i, original)
                        .isEqualTo(Character.isUpperCase(original));
            }
        }
    }

    @Test
    void cuttingRespectsTheLimitAndEndsWithAnEllipsis() {
        long seed = 766L;
        Random random = new Random(seed);
        for (int i = 0; i < 2000; i++) {
            String text = randomText(random, random.nextInt(700));
            int max = 40 + random.nextInt(400);
            boolean ascii = random.nextBoolean();
            String cut = SmsText.cut(text, max, ascii);
            assertThat(cut.length()).as("seed %d case %d", seed, i).isLessThanOrEqualTo(max);
            if (text.length() <= max) {
                assertThat(cut).as("seed %d case %d", seed, i).isEqualTo(text);
            } else {
                assertThat(cut).as("seed %d case %d", seed, i).endsWith(ascii ? "..." : "…");
                assertThat(text).as("seed %d case %d", seed, i).startsWith(cut.substring(0, cut.length() - (ascii ? 3 : 1)));
            }
        }
        // a character outside the BMP is never split in half
        String emoji = "a".repeat(38) + "😀😀😀";
        assertThat(SmsText.cut(emoji, 40, true)).isEqualTo("a".repeat(37) + "...");
        assertThat(SmsText.cut("a".repeat(38) + "😀" + "b".repeat(10), 40, false)).doesNotContain("\uD83D…");
    }

    @Test
    void aLongReasonIsShortenedSoThatTheSmsKeepsCodeAndLinkWithin320Characters() {
        var templates = templates(false);
        String reason = "Thiếu bản sao Giấy chứng nhận kết hôn có chứng thực; tờ khai chưa ghi rõ nơi sinh; ".repeat(8);
        var r = templates.render("REQUEST_SUPPLEMENT", params("H10.689-310506-0001", reason), null, "Nguyễn Văn An");
        assertThat(r.sms()).hasSizeLessThanOrEqualTo(320).startsWith("Hồ sơ H10.689-310506-0001 cần bổ sung: Thiếu bản sao")
                .contains("…").endsWith("Chi tiết: https://dichvucong.binhphuoc.gov.vn/tra-cuu?ma=H10.689-310506-0001");
        // the e-mail and the in-app text keep the whole reason (its last ';' gives way to the template's full stop)
        String whole = reason.strip().substring(0, reason.strip().length() - 1);
        assertThat(r.text()).contains("Nội dung cần bổ sung, hoàn thiện: " + whole + "\n");
        assertThat(r.inApp()).contains(whole + ". Chi tiết:");
    }

    @Test
    void withStrippingTheSmsHasNoDiacriticsButKeepsCase() {
        var r = templates(true).render("ACCEPT", params("H10.689-310506-0002", null), null, null);
        assertThat(r.sms()).isEqualTo("Ho so H10.689-310506-0002 da duoc tiep nhan. Hen tra ket qua: 10:00 thu Ba "
                + "06/05/2031. Tra cuu: https://dichvucong.binhphuoc.gov.vn/tra-cuu?ma=H10.689-310506-0002");
        assertThat(StandardCharsets.US_ASCII.newEncoder().canEncode(r.sms())).isTrue();
        // only the SMS is folded
        assertThat(r.subject()).isEqualTo("Hồ sơ H10.689-310506-0002 đã được tiếp nhận");
        assertThat(r.text()).startsWith("Kính gửi ông/bà,").contains("Hẹn trả kết quả: 10:00 thứ Ba 06/05/2031")
                .contains("Bộ phận một cửa phường Tân Phú");
        assertThat(r.html()).contains("<a href=\"https://dichvucong.binhphuoc.gov.vn/tra-cuu?ma=H10.689-310506-0002\">")
                .contains("<html lang=\"vi\">");
    }

    @Test
    void everyApplicantAndOfficerTemplateFitsAnSmsWithOrdinaryValues() {
        var templates = templates(false);
        for (String key : new String[] {"SUBMIT", "RECEIVE", "ACCEPT", "REFUSE", "REQUEST_SUPPLEMENT", "REJECT",
            "APOLOGIZE", "REQUEST_PAYMENT", "COMPLETE", "RETURN_RESULT", "STOP", "WITHDRAW", "OFFICE_SUBMIT",
            "OFFICE_SUPPLY", "DUE_SOON", "OVERDUE", "OVERDUE_LEADER", "COMPLETE_DIRECT", "COMPLETE_ONLINE",
            "COMPLETE_POSTAL", "RETURN_RESULT_DIRECT", "RETURN_RESULT_ONLINE", "RETURN_RESULT_POSTAL"}) {
            Map<String, Object> p = params("H10.689-310506-0003", "Thiếu tờ khai theo mẫu.");
            p.put("originalDueAt", "2031-05-05T16:00:00+07:00");
            p.put("amount", 50000);
            p.put("detail", "Bước: Thụ lý, thẩm định (Chuyên viên phường Tân Phú)");
            var r = templates.render(key, p, null, "Nguyễn Văn An");
            assertThat(r.sms()).as(key).hasSizeLessThanOrEqualTo(320).doesNotContain("{").doesNotContain("…");
            assertThat(r.subject()).as(key).contains("H10.689-310506-0003");
            assertThat(r.text()).as(key).contains("H10.689-310506-0003").doesNotContain("{");
        }
    }

    @Test
    void theLoggingGatewayKeepsTheLastMessagesAndMasksNumbersInTheLog() {
        var gateway = new LoggingSmsGateway();
        for (int i = 0; i < 203; i++) {
            gateway.send("0912345678", "tin " + i);
        }
        assertThat(gateway.recent()).hasSize(200);
        assertThat(gateway.recent().getFirst()).isEqualTo(new LoggingSmsGateway.Sms("0912345678", "tin 3"));
        assertThat(gateway.recent().getLast()).isEqualTo(new LoggingSmsGateway.Sms("0912345678", "tin 202"));
        assertThat(LoggingSmsGateway.mask("0912345678")).isEqualTo("091****678");
        assertThat(LoggingSmsGateway.mask("+84912345678")).isEqualTo("+84******678");
    }

    @Test
    void backoffDoublesUpToTheCap() {
        var d = NotificationProperties.defaults().delivery();
        assertThat(d.backoff(1)).hasMinutes(1);
        assertThat(d.backoff(2)).hasMinutes(2);
        assertThat(d.backoff(4)).hasMinutes(8);
        assertThat(d.backoff(30)).hasHours(6);
    }

    @Test
    void theEnglishFileTranslatesEveryKeyWithTheSameArguments() throws Exception {
        var vi = load("messages/notification.properties");
        var en = load("messages/notification_en.properties");
        assertThat(en.stringPropertyNames()).isEqualTo(vi.stringPropertyNames());
        var argument = java.util.regex.Pattern.compile("\\{\\d}");
        for (String key : vi.stringPropertyNames()) {
            var viArgs = new java.util.TreeSet<String>();
            argument.matcher(vi.getProperty(key)).results().forEach(m -> viArgs.add(m.group()));
            var enArgs = new java.util.TreeSet<String>();
            argument.matcher(en.getProperty(key)).results().forEach(m -> enArgs.add(m.group()));
            assertThat(enArgs).as(key).isEqualTo(viArgs);
        }
    }

    private static java.util.Properties load(String resource) throws java.io.IOException {
        var p = new java.util.Properties();
        try (var in = NotificationSmsTextTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static Map<String, Object> params(String code, String reason) {
        Map<String, Object> p = new HashMap<>();
        p.put("code", code);
        p.put("procedureName", "Đăng ký kết hôn");
        p.put("dueAt", "2031-05-06T03:00:00Z");
        p.put("reason", reason);
        p.put("agencyCode", "70.689.25195.MC");
        return p;
    }

    /** The real message files, no working calendar (the module's own date format), one agency. */
    static NotificationTemplates templates(boolean strip) {
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/notification");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Organization organization = mock(Organization.class);
        when(organization.agency("70.689.25195.MC")).thenReturn(Optional.of(new Agency("70.689.25195.MC",
                "Bộ phận một cửa phường Tân Phú", "One-stop section of Tan Phu ward", "25195", UnitLevel.COMMUNE,
                "one_stop_commune", null, "H10.689.25195")));
        var properties = new NotificationProperties(null, null, new NotificationProperties.Sms(strip, null), null);
        return new NotificationTemplates(messages, new StaticListableBeanFactory().getBeanProvider(WorkingCalendar.class),
                organization, properties, "https://dichvucong.binhphuoc.gov.vn/",
                java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    private static String randomText(Random random, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return b.toString();
    }
}
