package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.integration.population.RegistryPerson;
import vn.motcua.integration.population.SimulatedCitizens;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * VNeID login (issue 14) over HTTP, end to end against the built-in VNeID sandbox (a Spring Authorization Server in
 * the application, demo profile): authorization code with PKCE, the citizen's consent at the provider, the claims of
 * DOMAIN-2.md §6.3. First log-in makes a citizen account keyed by the identification number with the claims and the
 * level of assurance; a refused consent, a replayed or forged state, and the provider being down log nobody in and
 * say so in Vietnamese, the password log-in still working; a local account with the same number is merged only after
 * its password is given, and refusing keeps the two apart. The national portal record of a dossier filed from a
 * VNeID-verified account says so (TaiKhoanDuocXacThucVoiVNeID, MaDoiTuong).
 */
@IntegrationTest
class VneidLoginTest {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @org.junit.jupiter.api.BeforeEach
    @AfterEach
    void providerBack() {
        PageSession s = new PageSession(port);
        s.get("/vneid-sandbox/dang-nhap");
        s.post("/vneid-sandbox/su-co", Map.of("down", "false"));
    }

    /** A citizen of the simulated registry no other test of this class uses (the sandbox lists the first twelve). */
    static RegistryPerson citizen(int index) {
        return SimulatedCitizens.all().get(100 + index);
    }

    /**
     * Clicks "Đăng nhập bằng VNeID", logs in at the sandbox as the person at this level, and gives consent (or refuses
     * it) when the sandbox asks. Returns the page the portal lands on.
     */
    static PageSession.Page vneid(PageSession s, RegistryPerson person, int level, boolean consent) {
        PageSession.Page login = s.get("/dang-nhap");
        assertThat(login.html()).contains("Đăng nhập bằng VNeID").contains("/oauth2/authorization/vneid");
        PageSession.Page sandbox = s.get("/oauth2/authorization/vneid");
        assertThat(sandbox.url()).as(sandbox.toString()).contains("/vneid-sandbox/dang-nhap");
        assertThat(s.visited()).anySatisfy(u -> assertThat(u).contains("/vneid-sandbox/oauth2/authorize")
                .contains("code_challenge=").contains("code_challenge_method=S256").contains("state=")
                .contains("nonce="));
        PageSession.Page next = s.post("/vneid-sandbox/dang-nhap", Map.of("citizen", person.idNumber(),
                "level", String.valueOf(level)));
        if (next.url().contains("/vneid-sandbox/dong-y")) {
            assertThat(next.html()).contains(person.fullName()).contains("Từ chối");
            Map<String, String> form = consent
                    ? Map.of("client_id", next.input("client_id"), "state", next.input("state"), "scope", "profile")
                    : Map.of("client_id", next.input("client_id"), "state", next.input("state"));
            next = s.post("/vneid-sandbox/oauth2/authorize", form);
        }
        return next;
    }

    static String callback(PageSession s) {
        return s.visited().stream().filter(u -> u.contains("/login/oauth2/code/vneid?")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no callback in " + s.visited()));
    }

    record Identity(long accountId, String username, int level, String acr, String how, String subject) {
    }

    Identity identity(String idNumber) {
        return jdbc.sql("""
                select v.account_id, a.username, v.assurance_level, v.acr, v.linked_how, v.subject
                from vneid_identity v join account a on a.id = v.account_id where v.id_number = :n""")
                .param("n", idNumber)
                .query((rs, i) -> new Identity(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .optional().orElse(null);
    }

    int accountsWithProfileNumber(String idNumber) {
        return jdbc.sql("select count(*) from citizen_profile where id_number = :n").param("n", idNumber)
                .query(Integer.class).single();
    }

    @Test
    void firstLoginCreatesTheCitizenAccountKeyedByTheNumberWithTheClaimsAndTheLevel() {
        RegistryPerson person = citizen(1);
        PageSession s = new PageSession(port);
        PageSession.Page landed = vneid(s, person, 2, true);
        assertThat(landed.url()).as(landed.toString()).endsWith("/ho-so");
        assertThat(landed.status()).isEqualTo(200);

        Identity id = identity(person.idNumber());
        assertThat(id).isNotNull();
        assertThat(id.username()).isEqualTo("vneid." + person.idNumber());
        assertThat(id.level()).isEqualTo(2);
        assertThat(id.acr()).isEqualTo("2");
        assertThat(id.how()).isEqualTo("CREATED");
        assertThat(id.subject()).isNotBlank().isNotEqualTo(person.idNumber());
        var profile = jdbc.sql("""
                select p.full_name, p.date_of_birth, p.address, a.display_name, a.kind,
                       (select string_agg(role, ',') from account_role r where r.account_id = a.id) as roles
                from citizen_profile p join account a on a.id = p.account_id where a.id = :id""")
                .param("id", id.accountId())
                .query((rs, i) -> Map.of("name", rs.getString(1), "dob", rs.getObject(2, java.time.LocalDate.class),
                        "address", rs.getString(3), "display", rs.getString(4), "kind", rs.getString(5),
                        "roles", rs.getString(6)))
                .single();
        assertThat(profile).containsEntry("name", person.fullName()).containsEntry("dob", person.dateOfBirth())
                .containsEntry("address", person.currentAddress()).containsEntry("display", person.fullName())
                .containsEntry("kind", "CITIZEN").containsEntry("roles", "CITIZEN");

        // the provider's tokens are not kept in the (database) session
        assertThat(jdbc.sql("""
                select count(*) from spring_session_attributes where attribute_name like '%AuthorizedClient%'""")
                .query(Integer.class).single()).isZero();
        // the session is the citizen's, and it knows this log-in's level of assurance
        PageSession.Page me = s.get("/tai-khoan");
        assertThat(me.url()).endsWith("/tai-khoan");
        assertThat(me.html()).contains(person.fullName()).contains(person.idNumber())
                .contains("Đã xác thực bằng VNeID (mức độ 2)");

        // a second log-in (level 1 this time) is the same account: no second account, the level recorded anew
        s.post("/dang-xuat", Map.of());
        PageSession again = new PageSession(port);
        assertThat(vneid(again, person, 1, true).url()).endsWith("/ho-so");
        Identity second = identity(person.idNumber());
        assertThat(second.accountId()).isEqualTo(id.accountId());
        assertThat(second.level()).isEqualTo(1);
        assertThat(accountsWithProfileNumber(person.idNumber())).isEqualTo(1);
        assertThat(again.get("/tai-khoan").html()).contains("Đã xác thực bằng VNeID (mức độ 1)");
    }

    @Test
    void aRefusedConsentLogsNobodyInAndSaysSo() {
        RegistryPerson person = citizen(2);
        PageSession s = new PageSession(port);
        PageSession.Page landed = vneid(s, person, 2, false);
        assertThat(landed.url()).as(landed.toString()).contains("/dang-nhap?vneid=tu-choi");
        assertThat(callback(s)).contains("error=access_denied");
        assertThat(landed.html()).contains("Bạn đã từ chối chia sẻ thông tin").contains("Đăng nhập bằng VNeID");
        assertThat(identity(person.idNumber())).isNull();
        assertThat(accountsWithProfileNumber(person.idNumber())).isZero();
        assertThat(s.get("/ho-so").url()).contains("/dang-nhap");
        // the password log-in is still there
        s.logIn("congdan2");
        assertThat(s.last().url()).contains("/ho-so");
    }

    @Test
    void aReplayedOrForgedStateIsRefusedAndMakesNoSession() {
        RegistryPerson person = citizen(3);
        PageSession victim = new PageSession(port);
        assertThat(vneid(victim, person, 2, true).url()).endsWith("/ho-so");
        String callback = callback(victim);
        assertThat(callback).contains("code=").contains("state=");

        // the same answer replayed from another browser: no authorization request of that state there
        PageSession attacker = new PageSession(port);
        PageSession.Page replay = attacker.get(callback.substring(callback.indexOf("/login/")));
        assertThat(replay.url()).contains("/dang-nhap?vneid=phien-khong-hop-le");
        assertThat(replay.html()).contains("Phiên đăng nhập VNeID không hợp lệ");
        assertThat(attacker.get("/ho-so").url()).contains("/dang-nhap");

        // planted into a browser that started its own VNeID log-in (login CSRF): its state differs, refused
        PageSession planted = new PageSession(port);
        planted.get("/oauth2/authorization/vneid");
        PageSession.Page forged = planted.get(callback.substring(callback.indexOf("/login/")));
        assertThat(forged.url()).contains("/dang-nhap?vneid=phien-khong-hop-le");
        assertThat(planted.get("/tai-khoan").url()).contains("/dang-nhap");

        // and in the browser that used it, after log-out: the state was used once, refused the second time
        victim.post("/dang-xuat", Map.of());
        PageSession.Page second = victim.get(callback.substring(callback.indexOf("/login/")));
        assertThat(second.url()).contains("/dang-nhap?vneid=phien-khong-hop-le");
        assertThat(victim.get("/ho-so").url()).contains("/dang-nhap");
    }

    /**
     * Logging out of a VNeID session logs out at the provider too (RP-initiated logout, motcua.vneid.end-session-uri:
     * the sandbox's in the demo): the browser goes to the provider's end-session endpoint with the session's ID token
     * as id_token_hint, the client id and the portal's "logged out" page, and the provider — having checked that it
     * issued that token — sends it back there. The provider refuses a hint it did not issue; a password session logs
     * out locally only.
     */
    @Test
    void loggingOutOfAVneidSessionLogsOutAtTheProviderToo() {
        RegistryPerson person = citizen(9);
        PageSession s = new PageSession(port);
        assertThat(vneid(s, person, 2, true).url()).endsWith("/ho-so");
        s.get("/tai-khoan");
        PageSession.Page out = s.post("/dang-xuat", Map.of());
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.url()).as(out.toString()).endsWith("/?da-dang-xuat");
        String endSession = s.visited().stream().filter(u -> u.contains("/vneid-sandbox/connect/logout"))
                .findFirst().orElseThrow(() -> new AssertionError("not sent to the provider: " + s.visited()));
        assertThat(endSession).contains("id_token_hint=ey").contains("client_id=motcua-demo")
                .contains("post_logout_redirect_uri=http");
        assertThat(s.get("/ho-so").url()).as("logged out of the portal").contains("/dang-nhap");
        // the next VNeID log-in asks the person again at the provider
        assertThat(s.get("/oauth2/authorization/vneid").url()).contains("/vneid-sandbox/dang-nhap");

        // a hint the provider did not issue is refused there, nobody sent anywhere
        String forged = endSession.replaceFirst("id_token_hint=ey[^&]+", "id_token_hint=eyJhbGciOiJub25lIn0.e30.");
        PageSession.Page refused = new PageSession(port).stopBefore("/?da-dang-xuat").get(forged.substring(
                forged.indexOf("/vneid-sandbox/")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);

        // a password session: local log-out only
        PageSession local = new PageSession(port).logIn("congdan1");
        local.get("/tai-khoan");
        assertThat(local.post("/dang-xuat", Map.of()).url()).endsWith("/?da-dang-xuat");
        assertThat(local.visited()).noneMatch(u -> u.contains("/vneid-sandbox/"));
    }

    /** A local citizen account (sign-up, then the profile with the person's number), logged out. */
    record Local(String username, String password, long id) {
    }

    Local localAccount(RegistryPerson person) {
        String u = "vneidlocal" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String password = "mat-khau-" + u;
        PageSession s = new PageSession(port);
        s.get("/dang-ky");
        s.post("/dang-ky", Map.of("username", u, "password", password, "fullName", "Tên Tự Khai",
                "email", u + "@example.vn", "phone", ""));
        s.logIn(u, password);
        s.get("/tai-khoan");
        PageSession.Page saved = s.post("/tai-khoan", Map.of("fullName", "Tên Tự Khai", "idNumber", person.idNumber(),
                "dateOfBirth", person.dateOfBirth().toString(), "phone", "0912345678", "email", u + "@example.vn",
                "address", "Địa chỉ tự khai", "communeCode", ""));
        assertThat(saved.url()).as(saved.toString()).endsWith("/tai-khoan");
        s.post("/dang-xuat", Map.of());
        long id = jdbc.sql("select id from account where username = :u").param("u", u).query(Long.class).single();
        return new Local(u, password, id);
    }

    @Test
    void aLocalAccountWithTheSameNumberIsMergedOnlyWithItsPassword() {
        RegistryPerson person = citizen(4);
        Local local = localAccount(person);

        PageSession s = new PageSession(port);
        PageSession.Page confirm = vneid(s, person, 2, true);
        assertThat(confirm.url()).as(confirm.toString()).endsWith("/dang-nhap/vneid/lien-ket");
        assertThat(confirm.html()).contains("Liên kết tài khoản VNeID").contains(person.fullName())
                .contains(local.username().substring(0, 3) + "***").doesNotContain(local.username())
                .doesNotContain(person.idNumber());
        // nothing is linked and nobody is logged in before the person decides
        assertThat(identity(person.idNumber())).isNull();
        assertThat(s.get("/ho-so").url()).contains("/dang-nhap");
        s.get("/dang-nhap/vneid/lien-ket");

        PageSession.Page wrong = s.post("/dang-nhap/vneid/lien-ket", Map.of("decision", "merge",
                "account", String.valueOf(local.id()), "password", "khong-dung-mat-khau"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.html()).contains("Mật khẩu không đúng. Chưa gộp tài khoản.");
        assertThat(identity(person.idNumber())).isNull();

        PageSession.Page merged = s.post("/dang-nhap/vneid/lien-ket", Map.of("decision", "merge",
                "account", String.valueOf(local.id()), "password", local.password()));
        assertThat(merged.url()).as(merged.toString()).endsWith("/ho-so");
        Identity id = identity(person.idNumber());
        assertThat(id.accountId()).isEqualTo(local.id());
        assertThat(id.how()).isEqualTo("MERGED");
        assertThat(accountsWithProfileNumber(person.idNumber())).isEqualTo(1);
        // VNeID's name and date of birth replace what was typed; the person's own phone and address stay
        PageSession.Page me = s.get("/tai-khoan");
        assertThat(me.html()).contains(person.fullName()).contains("0912345678").contains("Địa chỉ tự khai")
                .doesNotContain("Tên Tự Khai");

        // the next VNeID log-in goes straight to the merged account; the password still works too
        s.post("/dang-xuat", Map.of());
        PageSession later = new PageSession(port);
        assertThat(vneid(later, person, 2, true).url()).endsWith("/ho-so");
        assertThat(later.get("/tai-khoan").html()).contains("0912345678");
        new PageSession(port).logIn(local.username(), local.password());

        // a dossier filed from it is sent to the national portal as from a VNeID-verified account
        TestApi api = new TestApi(port).as(local.username(), local.password());
        JsonNode d = api.post("/api/v1/dossiers", TestDossiers.body(api, TestDossiers.MARITAL, TestDossiers.TAN_PHU,
                TestDossiers.phone())).json();
        JsonNode record = queued(d.get("code").asString());
        assertThat(record.get("TaiKhoanDuocXacThucVoiVNeID").asInt()).isEqualTo(1);
        assertThat(record.get("MaDoiTuong").asString()).isEqualTo(id.subject());
        // and the receiving officer sees it on the dossier page, with the level of assurance
        PageSession desk = new PageSession(port).logIn("tiepnhan.tanphu");
        assertThat(desk.get("/can-bo/ho-so/" + d.get("code").asString()).html())
                .contains("Tài khoản nộp hồ sơ đã xác thực bằng VNeID (mức độ 2) trước khi nộp.");
        // a dossier of a local account says nothing of the kind
        TestApi congdan1 = new TestApi(port).as("congdan1");
        JsonNode plain = congdan1.post("/api/v1/dossiers", TestDossiers.body(congdan1, TestDossiers.MARITAL,
                TestDossiers.TAN_PHU, TestDossiers.phone())).json();
        assertThat(desk.get("/can-bo/ho-so/" + plain.get("code").asString()).html()).doesNotContain("vneid-nguoi-nop");
    }

    @Test
    void refusingTheMergeKeepsTheAccountsApart() {
        RegistryPerson person = citizen(5);
        Local local = localAccount(person);
        PageSession s = new PageSession(port);
        assertThat(vneid(s, person, 2, true).url()).endsWith("/dang-nhap/vneid/lien-ket");
        PageSession.Page separate = s.post("/dang-nhap/vneid/lien-ket", Map.of("decision", "separate"));
        assertThat(separate.url()).as(separate.toString()).endsWith("/ho-so");

        Identity id = identity(person.idNumber());
        assertThat(id.accountId()).isNotEqualTo(local.id());
        assertThat(id.how()).isEqualTo("CREATED");
        assertThat(accountsWithProfileNumber(person.idNumber())).isEqualTo(2);
        assertThat(jdbc.sql("select full_name from citizen_profile where account_id = :id").param("id", local.id())
                .query(String.class).single()).isEqualTo("Tên Tự Khai");
        assertThat(jdbc.sql("select count(*) from vneid_identity where account_id = :id").param("id", local.id())
                .query(Integer.class).single()).isZero();

        // later VNeID log-ins go to the VNeID account without asking again; the local account logs in as before
        s.post("/dang-xuat", Map.of());
        PageSession later = new PageSession(port);
        assertThat(vneid(later, person, 2, true).url()).endsWith("/ho-so");
        assertThat(identity(person.idNumber()).accountId()).isEqualTo(id.accountId());
        new PageSession(port).logIn(local.username(), local.password());

        // a cancelled confirmation logs nobody in
        RegistryPerson other = citizen(6);
        localAccount(other);
        PageSession c = new PageSession(port);
        assertThat(vneid(c, other, 2, true).url()).endsWith("/dang-nhap/vneid/lien-ket");
        PageSession.Page cancelled = c.post("/dang-nhap/vneid/lien-ket", Map.of("decision", "cancel"));
        assertThat(cancelled.url()).contains("/dang-nhap?vneid=da-huy");
        assertThat(identity(other.idNumber())).isNull();
        assertThat(c.get("/dang-nhap/vneid/lien-ket").url()).contains("/dang-nhap?vneid=da-huy");
        // a decision without a confirmation pending changes nothing
        assertThat(c.get("/ho-so").url()).contains("/dang-nhap");
    }

    @Test
    void theProviderDownIsSaidClearlyAndThePasswordLogInStillWorks() {
        PageSession s = new PageSession(port);
        s.get("/vneid-sandbox/dang-nhap");
        s.post("/vneid-sandbox/su-co", Map.of("down", "true"));

        PageSession.Page click = s.get("/oauth2/authorization/vneid");
        assertThat(click.url()).as(click.toString()).contains("/dang-nhap?vneid=khong-ket-noi");
        assertThat(click.status()).isEqualTo(200);
        assertThat(click.html()).contains("Hiện không kết nối được với hệ thống định danh điện tử VNeID")
                .contains("Đăng nhập bằng VNeID").contains("name=\"username\"");
        s.logIn("congdan1");
        assertThat(s.last().url()).contains("/ho-so");

        // down between the log-in at the provider and the portal's token request: the same message, nobody logged in
        providerBack();
        RegistryPerson person = citizen(7);
        PageSession t = new PageSession(port).stopBefore("/login/oauth2/code/vneid");
        PageSession.Page atCallback = vneid(t, person, 2, true);
        assertThat(atCallback.status()).isEqualTo(302);
        String callback = atCallback.url();
        PageSession admin = new PageSession(port);
        admin.get("/vneid-sandbox/dang-nhap");
        admin.post("/vneid-sandbox/su-co", Map.of("down", "true"));
        PageSession.Page failed = t.stopBefore(null).get(callback.substring(callback.indexOf("/login/")));
        assertThat(failed.url()).contains("/dang-nhap?vneid=khong-ket-noi");
        assertThat(identity(person.idNumber())).isNull();
        assertThat(t.get("/ho-so").url()).contains("/dang-nhap");
    }

    @Test
    void inEnglishTheButtonAndTheMessagesAreEnglish() {
        PageSession s = new PageSession(port, "en");
        assertThat(s.get("/dang-nhap?vneid=tu-choi").html()).contains("Log in with VNeID")
                .contains("You declined to share your data");
        // an unknown outcome code shows nothing, never an error
        PageSession.Page odd = s.get("/dang-nhap?vneid=%3Cscript%3E");
        assertThat(odd.status()).isEqualTo(200);
        assertThat(odd.html()).doesNotContain("<script>").doesNotContain("vneid-loi");
        // a bad sandbox log-in is a 400 naming the field, in Vietnamese by default
        PageSession v = new PageSession(port);
        v.get("/vneid-sandbox/dang-nhap");
        PageSession.Page bad = v.post("/vneid-sandbox/dang-nhap", Map.of("citizen", "123", "level", "9"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html()).contains("Không có công dân này").contains("Mức độ định danh phải là 1 hoặc 2");
    }

    @Test
    void aVneidVerifiedCitizenPreFillsTheFormFromThePopulationDatabaseWithConsent() {
        RegistryPerson person = citizen(8);
        PageSession s = new PageSession(port);
        assertThat(vneid(s, person, 2, true).url()).endsWith("/ho-so");
        long account = identity(person.idNumber()).accountId();
        jdbc.sql("update citizen_profile set address = null where account_id = :id").param("id", account).update();

        PageSession.Page apply = s.get("/nop-ho-so/" + TestDossiers.MARITAL);
        assertThat(apply.html()).contains("Điền sẵn từ Cơ sở dữ liệu quốc gia về dân cư").contains("id=\"dan-cu\"");
        assertThat(apply.input("applicant.address")).isEmpty();

        // without consent nothing is looked up
        PageSession.Page refused = s.post("/tai-khoan/dan-cu", Map.of("back", "/nop-ho-so/" + TestDossiers.MARITAL));
        assertThat(refused.url()).endsWith("/nop-ho-so/" + TestDossiers.MARITAL);
        assertThat(refused.html()).contains("Chưa tra cứu: hãy đánh dấu đồng ý");
        assertThat(checksOf(account)).isZero();

        PageSession.Page filled = s.post("/tai-khoan/dan-cu", Map.of("consent", "true",
                "back", "/nop-ho-so/" + TestDossiers.MARITAL));
        assertThat(filled.url()).endsWith("/nop-ho-so/" + TestDossiers.MARITAL);
        assertThat(filled.html()).contains("Đã điền ngày sinh và nơi ở hiện tại");
        assertThat(filled.input("applicant.address")).isEqualTo(person.currentAddress());
        assertThat(filled.input("applicant.fullName")).isEqualTo(person.fullName());
        assertThat(filled.input("applicant.idNumber")).isEqualTo(person.idNumber());
        assertThat(checksOf(account)).isEqualTo(1);
        assertThat(jdbc.sql("select result || ' ' || consent from population_check where account_id = :id")
                .param("id", account).query(String.class).single()).isEqualTo("MATCH true");

        // anywhere else than the profile or an apply page: back to the profile
        assertThat(s.post("/tai-khoan/dan-cu", Map.of("consent", "true", "back", "https://example.com/"))
                .url()).endsWith("/tai-khoan");

        // an account whose number is only typed in, not proven by VNeID, cannot look anybody up this way
        PageSession local = new PageSession(port).logIn("congdan2");
        local.get("/tai-khoan");
        assertThat(local.post("/tai-khoan/dan-cu", Map.of("consent", "true")).status()).isEqualTo(403);
        assertThat(local.get("/nop-ho-so/" + TestDossiers.MARITAL).html()).doesNotContain("id=\"dan-cu\"");
    }

    int checksOf(long account) {
        return jdbc.sql("select count(*) from population_check where account_id = :id").param("id", account)
                .query(Integer.class).single();
    }

    JsonNode queued(String code) {
        for (int i = 0; i < 150; i++) {
            var row = jdbc.sql("select payload::text from national_sync_change where dossier_code = :c order by id desc limit 1")
                    .param("c", code).query(String.class).optional();
            if (row.isPresent()) {
                return json.readTree(row.get());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no change of " + code + " queued");
    }
}
