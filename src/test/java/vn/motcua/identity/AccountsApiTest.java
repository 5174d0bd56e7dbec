package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;

@IntegrationTest
class AccountsApiTest {

    @LocalServerPort
    int port;

    @Test
    void aCitizenSignsUpFillsInTheProfileAndLogsIn() {
        TestApi api = new TestApi(port);
        String name = "dan" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.post("/api/v1/accounts", Map.of("username", name, "password", "mat-khau-dai",
                "fullName", "Lê Thị Hoa", "email", name + "@example.vn", "phone", "0911222333"));
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        TestApi me = api.as(name, "mat-khau-dai");
        var profile = me.put("/api/v1/me/profile", Map.of("fullName", "Lê Thị Hoa", "idNumber", "070195004321",
                "dateOfBirth", "1995-08-20", "phone", "0911222333", "communeCode", "25195"));
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        var wrongYear = me.put("/api/v1/me/profile", Map.of("fullName", "Lê Thị Hoa", "idNumber", "070195004321",
                "dateOfBirth", "1994-08-20"));
        assertThat(wrongYear.status()).isEqualTo(400);
        assertThat(wrongYear.json().get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
        assertThat(me.get("/api/v1/me/profile").json().get("idNumber").asString()).isEqualTo("070195004321");
        var taken = api.post("/api/v1/accounts", Map.of("username", name, "password", "mat-khau-khac", "fullName", "X"));
        assertThat(taken.status()).as("a taken name answers as a free one").isEqualTo(202);
        assertThat(taken.text()).isEqualTo(created.text());
        assertThat(api.post("/api/v1/auth/token", Map.of("username", name, "password", "mat-khau-khac")).status())
                .as("and creates nothing").isEqualTo(401);
        assertThat(me.get("/api/v1/me").json().get("displayName").asString()).isEqualTo("Lê Thị Hoa");
    }

    @Test
    void repeatedWrongPasswordsMakeThatAddressWaitForThatName() {
        TestApi api = new TestApi(port);
        String name = "khoa" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> attacker = Map.of("X-Forwarded-For", "192.0.2." + (1 + (int) (Math.random() * 250)));
        api.post("/api/v1/accounts", Map.of("username", name, "password", "dung-mat-khau", "fullName", "Trần Văn Khóa"));
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/auth/token", Map.of("username", name, "password", "sai-" + i), attacker)
                    .status()).isEqualTo(401);
        }
        var locked = api.post("/api/v1/auth/token", Map.of("username", name, "password", "dung-mat-khau"), attacker);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().get("detail").asString()).contains("phút");
        assertThat(api.as("congdan2").get("/api/v1/me").status()).as("other accounts are not affected").isEqualTo(200);
        assertThat(api.as(name, "dung-mat-khau").get("/api/v1/me").status()).as("nor the owner elsewhere").isEqualTo(200);
    }

    @Test
    void demoAccountsAndBadTokens() {
        TestApi api = new TestApi(port);
        assertThat(api.as("tiepnhan.tanphu").get("/api/v1/me").json().get("agencyCode").asString())
                .isEqualTo("70.689.25195.MC");
        assertThat(api.get("/api/v1/me").status()).isEqualTo(401);
        var bad = new TestApi(port).post("/api/v1/auth/token", Map.of("username", "admin", "password", "khong-dung"));
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.json().get("detail").asString()).contains("không đúng");
    }
}
