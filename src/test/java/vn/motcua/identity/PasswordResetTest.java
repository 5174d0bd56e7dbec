package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.TestClock;
import vn.motcua.test.TestMail;

/**
 * "Quên mật khẩu" through the pages over HTTP, with the settable clock: a six-digit code arrives by e-mail (never
 * in-app), only its hash is stored, it expires after 10 minutes, takes 5 wrong tries, works once, and a new request
 * replaces it; the answer does not tell whether an account exists; the account named gets at most 3 requests an
 * hour (429 after). Bad input re-renders the page naming the field, never a server error.
 */
@IntegrationTest
class PasswordResetTest {

    private static final Pattern CODE = Pattern.compile("Mã xác nhận: (\\d{6})");

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    record Citizen(String username, String email, long id) {
    }

    Citizen signUp() {
        String u = "quenmk" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String email = u + "@example.vn";
        PageSession s = new PageSession(port);
        s.get("/dang-ky");
        var r = s.post("/dang-ky", Map.of("username", u, "password", "mat-khau-cu-1", "fullName", "Lê Thị Quên",
                "email", email, "phone", ""));
        assertThat(r.url()).as(r.toString()).contains("/dang-nhap");
        long id = jdbc.sql("select id from account where username = :u").param("u", u).query(Long.class).single();
        return new Citizen(u, email, id);
    }

    PageSession.Page ask(PageSession s, String account) {
        s.get("/quen-mat-khau");
        return s.post("/quen-mat-khau", Map.of("resetAccount", account));
    }

    PageSession.Page reset(PageSession s, String account, String code, String password) {
        if (s.last() == null) {
            s.get("/quen-mat-khau/nhap-ma");
        }
        return s.post("/quen-mat-khau/nhap-ma", Map.of("resetAccount", account, "resetCode", code,
                "newPassword", password));
    }

    /** The code of the n-th reset e-mail to an address (1-based), waiting for the delivery task. */
    public static String code(String email, int n) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            List<MimeMessage> mails = TestMail.to(email).stream().filter(m -> {
                try {
                    return m.getSubject().contains("đặt lại mật khẩu");
                } catch (Exception e) {
                    return false;
                }
            }).toList();
            if (mails.size() >= n) {
                String text = body(mails.get(n - 1));
                Matcher m = CODE.matcher(text);
                assertThat(m.find()).as(text).isTrue();
                return m.group(1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no reset e-mail #" + n + " to " + email);
    }

    static String body(jakarta.mail.Part p) throws Exception {
        if (p.isMimeType("text/plain")) {
            return (String) p.getContent();
        }
        if (p.getContent() instanceof jakarta.mail.Multipart mp) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < mp.getCount(); i++) {
                out.append(body(mp.getBodyPart(i)));
            }
            return out.toString();
        }
        return "";
    }

    @Test
    void aCodeByEmailSetsANewPasswordOnceAndIsStoredOnlyAsAHash() throws Exception {
        Citizen c = signUp();
        PageSession s = new PageSession(port);
        var sent = ask(s, c.email().toUpperCase());
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.url()).endsWith("/quen-mat-khau/nhap-ma");
        assertThat(sent.html()).contains("Mã có hiệu lực 10 phút và chỉ dùng được một lần.");
        assertThat(sent.input("resetAccount")).as("the account is carried to the second page")
                .isEqualTo(c.email().toUpperCase());
        String code = code(c.email(), 1);

        // stored: a bcrypt hash, not the code; sent by e-mail only (no in-app message the owner cannot read)
        String hash = jdbc.sql("select code_hash from password_reset_code where account_id = :a")
                .param("a", c.id()).query(String.class).single();
        assertThat(hash).doesNotContain(code).containsPattern("^(\\{bcrypt\\})?\\$2[aby]\\$");
        assertThat(jdbc.sql("select count(*) from notification where account_id = :a and channel = 'IN_APP'")
                .param("a", c.id()).query(Long.class).single()).isZero();

        // a wrong code: the field is named, nothing changes
        String wrong = code.equals("000000") ? "111111" : "000000";
        var refused = reset(s, c.email(), wrong, "mat-khau-moi-2");
        assertThat(refused.status()).isEqualTo(200);
        // the message names the field itself, and the error summary links to it
        assertThat(refused.html()).contains("<a href=\"#resetCode\">Mã xác nhận không đúng hoặc đã hết hiệu lực.");

        var done = reset(s, c.email(), code, "mat-khau-moi-2");
        assertThat(done.url()).contains("/dang-nhap?da-dat-lai");
        assertThat(done.html()).contains("Đã đặt lại mật khẩu.");
        new PageSession(port).logIn(c.username(), "mat-khau-moi-2");

        // single use
        var again = reset(new PageSession(port), c.username(), code, "mat-khau-thu-3");
        assertThat(again.html()).contains("Mã xác nhận không đúng hoặc đã hết hiệu lực.");
        new PageSession(port).logIn(c.username(), "mat-khau-moi-2");
    }

    @Test
    void aCodeExpiresAfterTenMinutesAndANewRequestReplacesTheOldCode() throws Exception {
        Citizen c = signUp();
        PageSession s = new PageSession(port);
        ask(s, c.username());
        String first = code(c.email(), 1);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        var expired = reset(s, c.username(), first, "mat-khau-moi-2");
        assertThat(expired.html()).contains("Mã xác nhận không đúng hoặc đã hết hiệu lực.");

        ask(s, c.username());
        String second = code(c.email(), 2);
        ask(s, c.username());
        String third = code(c.email(), 3);
        if (!second.equals(third)) {
            assertThat(reset(s, c.username(), second, "mat-khau-moi-2").html()).as("replaced by the third")
                    .contains("Mã xác nhận không đúng hoặc đã hết hiệu lực.");
        }
        clock.advance(Duration.ofMinutes(9));
        assertThat(reset(s, c.username(), third, "mat-khau-moi-2").url()).contains("/dang-nhap?da-dat-lai");
    }

    @Test
    void fiveWrongTriesEndACode() throws Exception {
        Citizen c = signUp();
        PageSession s = new PageSession(port);
        ask(s, c.username());
        String code = code(c.email(), 1);
        String wrong = code.equals("123456") ? "654321" : "123456";
        for (int i = 0; i < 5; i++) {
            assertThat(reset(s, c.username(), wrong, "mat-khau-moi-2").html())
                    .contains("Mã xác nhận không đúng hoặc đã hết hiệu lực.");
        }
        assertThat(reset(s, c.username(), code, "mat-khau-moi-2").html()).as("the right code, too late")
                .contains("Mã xác nhận không đúng hoặc đã hết hiệu lực.");
    }

    @Test
    void theAnswerIsTheSameForAnUnknownAccountAndTheAccountNamedGetsThreeRequestsAnHour() {
        PageSession s = new PageSession(port);
        var unknown = ask(s, "khong-co-tai-khoan-nay-" + ThreadLocalRandom.current().nextInt(1_000_000));
        assertThat(unknown.url()).endsWith("/quen-mat-khau/nhap-ma");
        assertThat(unknown.html()).contains("Nếu tài khoản tồn tại, mã xác nhận đã được gửi");

        Citizen c = signUp();
        for (int i = 0; i < 3; i++) {
            assertThat(ask(new PageSession(port), c.username()).status()).isEqualTo(200);
        }
        var limited = ask(new PageSession(port), c.username());
        assertThat(limited.status()).isEqualTo(429);
        assertThat(jdbc.sql("select count(*) from password_reset_code where account_id = :a")
                .param("a", c.id()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void badInputIsAnsweredOnThePageNamingTheFieldNeverWithAServerError() {
        PageSession s = new PageSession(port);
        var empty = ask(s, "   ");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.html()).contains("href=\"#resetAccount\"")
                .contains("Tên đăng nhập, thư điện tử hoặc số điện thoại: Nhập tên đăng nhập");
        var huge = ask(s, "x".repeat(5000));
        assertThat(huge.status()).isLessThan(500);
        var nul = ask(s, "congdan1\u0000");
        assertThat(nul.status()).isLessThan(500);

        s.get("/quen-mat-khau/nhap-ma");
        var letters = reset(s, "congdan1", "abc", "ngan");
        assertThat(letters.status()).isEqualTo(200);
        assertThat(letters.html()).contains("<a href=\"#resetCode\">Mã xác nhận gồm 6 chữ số.</a>")
                .contains("<a href=\"#newPassword\">Mật khẩu mới: Mật khẩu phải có ít nhất 8 ký tự.</a>");
        new PageSession(port).logIn("congdan1");
    }
}
