package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.TestApi;

/**
 * Issue 17, finding 7: sign-up does not tell whether a user name exists. A taken name gets the same answer as a
 * free one (API and page), the same field problems when something else is wrong, and takes about as long (the
 * password is hashed either way); it creates nothing.
 */
@IntegrationTest
class SignUpEnumerationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static String fresh() {
        return "dk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private Map<String, String> signUp(String name, String password) {
        return Map.of("username", name, "password", password, "fullName", "Đỗ Thị Thử");
    }

    @Test
    void aTakenNameGetsTheAnswerOfAFreeOneAndNothingIsCreated() {
        TestApi api = new TestApi(port);
        long accounts = jdbc.sql("select count(*) from account").query(Long.class).single();

        var free = api.post("/api/v1/accounts", signUp("dkfree" + fresh(), "mat-khau-dai"));
        var taken = api.post("/api/v1/accounts", signUp("congdan1", "mat-khau-dai"));
        assertThat(taken.status()).isEqualTo(free.status()).isEqualTo(202);
        assertThat(taken.headers().keySet()).isEqualTo(free.headers().keySet());
        assertThat(taken.json().get("message").asString().replace("congdan1", "X"))
                .isEqualTo(free.json().get("message").asString().replace(free.json().get("username").asString(), "X"))
                .contains("Nếu tên đăng nhập này chưa có người dùng");
        assertThat(taken.json().properties().stream().map(Map.Entry::getKey).toList())
                .isEqualTo(free.json().properties().stream().map(Map.Entry::getKey).toList())
                .doesNotContain("id");
        assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(accounts + 1);
        assertThat(api.as("congdan1").get("/api/v1/me").status()).as("the owner keeps the password").isEqualTo(200);

        // something else wrong: the same problems, none about the name
        var takenShort = api.post("/api/v1/accounts", signUp("congdan1", "ngan"));
        var freeShort = api.post("/api/v1/accounts", signUp(fresh(), "ngan"));
        assertThat(takenShort.status()).isEqualTo(freeShort.status()).isEqualTo(400);
        assertThat(takenShort.text()).isEqualTo(freeShort.text()).doesNotContain("username");
    }

    @Test
    void theSignUpPageAnswersTheSameForATakenName() {
        PageSession free = new PageSession(port);
        free.get("/dang-ky");
        String name = fresh();
        var a = free.post("/dang-ky", Map.of("username", name, "password", "mat-khau-dai", "fullName", "Đỗ Thị Thử",
                "email", "", "phone", ""));
        PageSession taken = new PageSession(port);
        taken.get("/dang-ky");
        var b = taken.post("/dang-ky", Map.of("username", "congdan1", "password", "mat-khau-dai",
                "fullName", "Đỗ Thị Thử", "email", "", "phone", ""));
        assertThat(b.url()).isEqualTo(a.url()).contains("/dang-nhap");
        assertThat(b.html()).contains("«congdan1»", "Nếu tên đăng nhập này chưa có người dùng")
                .doesNotContain("đã có người sử dụng");
        assertThat(a.html()).contains("«" + name + "»");
    }

    @Test
    void aTakenNameTakesAboutAsLongAsAFreeOne() {
        TestApi api = new TestApi(port);
        api.post("/api/v1/accounts", signUp(fresh(), "mat-khau-dai")); // warm
        List<Long> free = new ArrayList<>();
        List<Long> taken = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            long t0 = System.nanoTime();
            api.post("/api/v1/accounts", signUp(fresh(), "mat-khau-dai"));
            free.add(System.nanoTime() - t0);
            t0 = System.nanoTime();
            api.post("/api/v1/accounts", signUp("congdan2", "mat-khau-dai"));
            taken.add(System.nanoTime() - t0);
        }
        Collections.sort(free);
        Collections.sort(taken);
        double f = free.get(4) / 1e6;
        double t = taken.get(4) / 1e6;
        System.out.printf("sign-up median: free name %.1f ms, taken name %.1f ms%n", f, t);
        // before: a taken name was answered without hashing the password, in a few ms against ~100 ms
        assertThat(t).as("taken %.1f ms vs free %.1f ms", t, f).isBetween(f * 0.5, f * 2.0);
    }
}
