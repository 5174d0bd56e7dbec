package vn.motcua.identity.internal;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;

/**
 * What a VNeID log-in tells about the person (DOMAIN-2.md §6.3), read once from the ID token and user info claims
 * by the configured names, checked, and typed. Nothing else reads the claims.
 *
 * @param subject        {@code sub}: the national account
 * @param idNumber       SoDinhDanh, 12 digits: the account key
 * @param assuranceLevel 1 or 2 from {@code acr} (or the highest of {@code loAs}); 0 when the provider did not say
 * @param acr            the {@code acr} value as received (or the {@code loAs} value that gave the level)
 */
record VneidClaims(String subject, String idNumber, String fullName, LocalDate dateOfBirth, String gender,
                   String phone, String email, String permanentAddress, String currentAddress, String accountType,
                   int assuranceLevel, String acr) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Why a log-in's claims cannot be used. */
    static final class Unusable extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;
        final VneidOutcome outcome;

        Unusable(VneidOutcome outcome, String detail) {
            super(detail);
            this.outcome = outcome;
        }
    }

    /**
     * Reads the claims.
     *
     * @throws Unusable without a 12-digit identification number or a name, or for an enterprise/organisation account
     */
    static VneidClaims read(String subject, Map<String, Object> claims, VneidProperties properties) {
        VneidProperties.Claims n = properties.claims();
        String idNumber = text(claims.get(n.idNumber()), 12);
        String fullName = text(claims.get(n.fullName()), 200);
        String accountType = text(claims.get(n.accountType()), 20);
        if (accountType != null && !properties.assurance().citizenAccountTypes().contains(accountType)) {
            throw new Unusable(VneidOutcome.NOT_CITIZEN, "LoaiTaiKhoan " + accountType);
        }
        if (idNumber == null || !idNumber.matches("\\d{12}")) {
            throw new Unusable(VneidOutcome.MISSING_CLAIMS, "no 12-digit " + n.idNumber());
        }
        if (fullName == null) {
            throw new Unusable(VneidOutcome.MISSING_CLAIMS, "no " + n.fullName());
        }
        if (subject == null || subject.isBlank() || subject.length() > 200) {
            throw new Unusable(VneidOutcome.MISSING_CLAIMS, "no sub");
        }
        String acr = text(claims.get(n.acr()), 200);
        int level = level(acr, properties.assurance());
        if (level == 0) {
            // the loAs list (or a single value): the highest level it names
            Object loas = claims.get(n.loas());
            Collection<?> values = loas instanceof Collection<?> c ? c : loas == null ? java.util.List.of()
                    : java.util.List.of(loas);
            for (Object v : values) {
                String s = text(v, 200);
                int l = level(s, properties.assurance());
                if (l > level) {
                    level = l;
                    acr = s;
                }
            }
        }
        return new VneidClaims(subject, idNumber, fullName, date(claims.get(n.dateOfBirth()), n.dateOfBirthFormat()),
                text(claims.get(n.gender()), 20), phone(text(claims.get(n.phone()), 20)),
                email(text(claims.get(n.email()), 200)), text(claims.get(n.permanentAddress()), 500),
                text(claims.get(n.currentAddress()), 500), accountType, level, acr);
    }

    /** The level the value names: 2, 1, or 0 when it names none. */
    static int level(String value, VneidProperties.Assurance assurance) {
        if (value == null) {
            return 0;
        }
        if (assurance.level2().contains(value)) {
            return 2;
        }
        return assurance.level1().contains(value) ? 1 : 0;
    }

    /** The address to fill the profile with: the current one, else the permanent one. */
    String address() {
        return currentAddress != null ? currentAddress : permanentAddress;
    }

    /** The number with its middle hidden, for pages: 070*******34. */
    String maskedIdNumber() {
        return idNumber.substring(0, 3) + "*".repeat(7) + idNumber.substring(10);
    }

    private static String text(Object value, int max) {
        if (value == null) {
            return null;
        }
        String s = value.toString().strip();
        if (s.isEmpty() || s.length() > max || s.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        return s;
    }

    private static LocalDate date(Object value, String format) {
        String s = text(value, 40);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s, DateTimeFormatter.ofPattern(format));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            try {
                return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String phone(String s) {
        return s != null && vn.motcua.platform.Contacts.phone(s) ? s : null;
    }

    private static String email(String s) {
        return s != null && vn.motcua.platform.Contacts.email(s) ? s : null;
    }
}
