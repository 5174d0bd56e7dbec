package vn.motcua.identity.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * VNeID log-in through OpenID Connect ({@code motcua.vneid.*}, docs/VNEID.md). VNeID is offered when a client id is
 * configured. Endpoints given as a path (no host) are this application itself: the demo's VNeID sandbox.
 *
 * @param clientId             the client id registered with the DVCQG/VNeID operator
 * @param clientSecret         its secret (from the environment; the demo's is documented as demo-only)
 * @param issuerUri            the issuer; when the endpoints are not all given they are discovered from it
 *                             ({@code /.well-known/openid-configuration}) at the first log-in, not at start-up
 * @param authorizationUri     where the browser is sent (DVCQG: {@code https://xacthuc.dichvucong.gov.vn/oauth2/authorize})
 * @param tokenUri             the token endpoint (server to server)
 * @param userInfoUri          the user info endpoint; the claims are read from the ID token and from user info
 * @param jwkSetUri            the provider's signing keys
 * @param scopes               requested scopes (DVCQG: {@code openid})
 * @param acrValues            sent as {@code acr_values} when set (DVCQG integrators send {@code LoA1}; UNCONFIRMED)
 * @param timeout              connect and read timeout of the calls to the provider and of the availability check
 * @param availabilityCacheFor how long an availability answer is reused before the provider is asked again
 * @param claims               the claim names (UNCONFIRMED names are configurable, DOMAIN-2 §6.3 defaults)
 * @param assurance            how the {@code acr} / LoA values map to the levels of Decree 69/2024
 */
@ConfigurationProperties(prefix = "motcua.vneid")
public record VneidProperties(String clientId, String clientSecret, String issuerUri, String authorizationUri,
                              String tokenUri, String userInfoUri, String jwkSetUri, List<String> scopes,
                              String acrValues, Duration timeout, Duration availabilityCacheFor, Claims claims,
                              Assurance assurance) {

    public VneidProperties {
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid") : List.copyOf(scopes);
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        availabilityCacheFor = availabilityCacheFor == null ? Duration.ofSeconds(15) : availabilityCacheFor;
        claims = claims == null ? new Claims(null, null, null, null, null, null, null, null, null, null, null, null)
                : claims;
        assurance = assurance == null ? new Assurance(null, null, null) : assurance;
        acrValues = acrValues == null || acrValues.isBlank() ? null : acrValues.strip();
    }

    /** The same settings without a client: VNeID not offered (tests). */
    VneidProperties withoutClient() {
        return new VneidProperties(null, null, issuerUri, authorizationUri, tokenUri, userInfoUri, jwkSetUri, scopes,
                acrValues, timeout, availabilityCacheFor, claims, assurance);
    }

    /** VNeID is offered: a client id is configured. */
    public boolean configured() {
        return clientId != null && !clientId.isBlank();
    }

    /**
     * Claim names as the identity provider sends them (DOMAIN-2.md §6.3). Defaults are the names consumed by
     * provincial systems today; each is UNCONFIRMED until the operator lists what it releases to a new client.
     *
     * @param dateOfBirthFormat the format of {@code NgayThangNamSinh} ({@code yyyyMMdd}); ISO dates are read too
     */
    public record Claims(String idNumber, String fullName, String dateOfBirth, String dateOfBirthFormat,
                         String gender, String phone, String email, String permanentAddress, String currentAddress,
                         String accountType, String acr, String loas) {

        public Claims {
            idNumber = or(idNumber, "SoDinhDanh");
            fullName = or(fullName, "HoVaTen");
            dateOfBirth = or(dateOfBirth, "NgayThangNamSinh");
            dateOfBirthFormat = or(dateOfBirthFormat, "yyyyMMdd");
            gender = or(gender, "GioiTinh");
            phone = or(phone, "SoDienThoai");
            email = or(email, "ThuDienTu");
            permanentAddress = or(permanentAddress, "ThuongTru");
            currentAddress = or(currentAddress, "NoiOHienNay");
            accountType = or(accountType, "LoaiTaiKhoan");
            acr = or(acr, "acr");
            loas = or(loas, "loAs");
        }
    }

    /**
     * The level of assurance: the values of {@code acr} (or of the {@code loAs} list) meaning level 1 and level 2.
     * Observed: {@code acr = 1} with {@code acr_values=LoA1}; the value of level 2 is UNCONFIRMED.
     *
     * @param citizenAccountTypes the values of {@code LoaiTaiKhoan} that are citizens ({@code 1}); an enterprise or
     *                            organisation account (2, 3) is refused: MotCua links VNeID to citizens only
     */
    public record Assurance(List<String> level1, List<String> level2, List<String> citizenAccountTypes) {

        public Assurance {
            level1 = level1 == null || level1.isEmpty() ? List.of("1", "LoA1", "loa1", "muc1") : List.copyOf(level1);
            level2 = level2 == null || level2.isEmpty() ? List.of("2", "LoA2", "loa2", "muc2") : List.copyOf(level2);
            citizenAccountTypes = citizenAccountTypes == null || citizenAccountTypes.isEmpty() ? List.of("1")
                    : List.copyOf(citizenAccountTypes);
        }
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
