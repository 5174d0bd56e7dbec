package vn.motcua.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The claims of a VNeID log-in (DOMAIN-2.md §6.3) read by their configured names, the level of assurance from
 * {@code acr} or {@code loAs}, and what makes a log-in unusable; the provider unreachable is "unavailable", never a
 * hang or an exception.
 */
class VneidClaimsTest {

    static VneidProperties properties(VneidProperties.Claims claims, VneidProperties.Assurance assurance) {
        return new VneidProperties("motcua", "secret", null, null, null, null, null, null, null, null, null, claims,
                assurance);
    }

    static Map<String, Object> wire() {
        Map<String, Object> m = new HashMap<>();
        m.put("SoDinhDanh", "070090001234");
        m.put("HoVaTen", "Nguyễn Văn An");
        m.put("NgayThangNamSinh", "19900512");
        m.put("GioiTinh", "Nam");
        m.put("ThuongTru", "Số 12, phường Tân Phú");
        m.put("NoiOHienNay", "Số 14, phường Tân Phú");
        m.put("SoDienThoai", "0912345678");
        m.put("ThuDienTu", "khong-phai-email");
        m.put("LoaiTaiKhoan", "1");
        m.put("acr", "1");
        return m;
    }

    @Test
    void theDefaultNamesAreTheWireNamesOfProvincialSystems() {
        VneidClaims c = VneidClaims.read("sub-1", wire(), properties(null, null));
        assertThat(c.idNumber()).isEqualTo("070090001234");
        assertThat(c.fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(c.dateOfBirth()).isEqualTo(LocalDate.of(1990, 5, 12));
        assertThat(c.gender()).isEqualTo("Nam");
        assertThat(c.address()).isEqualTo("Số 14, phường Tân Phú");
        assertThat(c.phone()).isEqualTo("0912345678");
        assertThat(c.email()).as("an invalid e-mail is left out, not stored").isNull();
        assertThat(c.assuranceLevel()).isEqualTo(1);
        assertThat(c.acr()).isEqualTo("1");
        assertThat(c.maskedIdNumber()).isEqualTo("070*******34");
    }

    @Test
    void unconfirmedNamesAreConfigurable() {
        Map<String, Object> m = new HashMap<>();
        m.put("citizen_id", "070195004321");
        m.put("name", "Trần Thị Bình");
        m.put("birthdate", "1995-08-20");
        m.put("level", "substantial");
        var claims = new VneidProperties.Claims("citizen_id", "name", "birthdate", "yyyy-MM-dd", null, null, null,
                null, null, null, "level", null);
        var assurance = new VneidProperties.Assurance(List.of("low"), List.of("substantial"), null);
        VneidClaims c = VneidClaims.read("s", m, properties(claims, assurance));
        assertThat(c.idNumber()).isEqualTo("070195004321");
        assertThat(c.dateOfBirth()).isEqualTo(LocalDate.of(1995, 8, 20));
        assertThat(c.assuranceLevel()).isEqualTo(2);
    }

    @Test
    void theLevelComesFromLoasWhenAcrSaysNothing() {
        Map<String, Object> m = wire();
        m.remove("acr");
        m.put("loAs", List.of("LoA1", "LoA2"));
        assertThat(VneidClaims.read("s", m, properties(null, null)).assuranceLevel()).isEqualTo(2);
        m.put("loAs", "LoA1");
        assertThat(VneidClaims.read("s", m, properties(null, null)).assuranceLevel()).isEqualTo(1);
        m.remove("loAs");
        assertThat(VneidClaims.read("s", m, properties(null, null)).assuranceLevel()).as("not said: 0").isZero();
    }

    @Test
    void withoutANumberOrANameOrForAnEnterpriseTheLogInIsRefused() {
        Map<String, Object> m = wire();
        m.put("SoDinhDanh", "12345");
        assertThatThrownBy(() -> VneidClaims.read("s", m, properties(null, null)))
                .isInstanceOfSatisfying(VneidClaims.Unusable.class,
                        e -> assertThat(e.outcome).isEqualTo(VneidOutcome.MISSING_CLAIMS));
        Map<String, Object> noName = wire();
        noName.remove("HoVaTen");
        assertThatThrownBy(() -> VneidClaims.read("s", noName, properties(null, null)))
                .isInstanceOfSatisfying(VneidClaims.Unusable.class,
                        e -> assertThat(e.outcome).isEqualTo(VneidOutcome.MISSING_CLAIMS));
        Map<String, Object> enterprise = wire();
        enterprise.put("LoaiTaiKhoan", "2");
        assertThatThrownBy(() -> VneidClaims.read("s", enterprise, properties(null, null)))
                .isInstanceOfSatisfying(VneidClaims.Unusable.class,
                        e -> assertThat(e.outcome).isEqualTo(VneidOutcome.NOT_CITIZEN));
        Map<String, Object> control = wire();
        control.put("HoVaTen", "Nguyễn\u0000An");
        assertThatThrownBy(() -> VneidClaims.read("s", control, properties(null, null)))
                .isInstanceOf(VneidClaims.Unusable.class);
    }

    @Test
    void anUnreachableProviderIsUnavailableAndTheApplicationDoesNotNeedItToStart() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        var p = new VneidProperties("motcua", "secret", base, base + "/authorize", base + "/token", null,
                base + "/jwks", null, null, java.time.Duration.ofSeconds(2), java.time.Duration.ZERO, null, null);
        var clients = new VneidClients(p, new MockEnvironment(), JsonMapper.builder().build(), Clock.systemUTC());
        assertThat(clients.configured()).isTrue();
        assertThat(clients.available()).isFalse();
        assertThat(clients.findByRegistrationId("vneid")).isNotNull();
        assertThat(clients.findByRegistrationId("other")).isNull();

        // with only an issuer, discovery happens at the first log-in; unreachable: no registration, no exception
        var discovered = new VneidProperties("motcua", "secret", base, null, null, null, null, null, null,
                java.time.Duration.ofSeconds(2), java.time.Duration.ZERO, null, null);
        var lazy = new VneidClients(discovered, new MockEnvironment(), JsonMapper.builder().build(), Clock.systemUTC());
        assertThat(lazy.available()).isFalse();
        assertThat(lazy.findByRegistrationId("vneid")).isNull();
        // not configured: not offered
        var none = new VneidClients(properties(null, null).withoutClient(), new MockEnvironment(),
                JsonMapper.builder().build(), Clock.systemUTC());
        assertThat(none.configured()).isFalse();
        assertThat(none.available()).isFalse();
    }
}
