package vn.motcua.dossier;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The applicant (người nộp hồ sơ / chủ hồ sơ). A person gives the 12-digit personal identification number;
 * an organisation its name and tax code (mã số thuế) besides the representative's details.
 */
public record Applicant(@Nullable @Schema(allowableValues = {"PERSON", "ORGANIZATION"},
                                  description = "PERSON when absent") String type,
                        String fullName, String idNumber, LocalDate dateOfBirth, String phone,
                        @Nullable String email, String address,
                        @Nullable @Schema(description = "an organisation's name (ORGANIZATION only)")
                        String organizationName,
                        @Nullable @Schema(description = "an organisation's tax code, mã số thuế (ORGANIZATION only)")
                        String taxCode) {

    public static final String PERSON = "PERSON";
    public static final String ORGANIZATION = "ORGANIZATION";

    public Applicant withoutBlanks() {
        return new Applicant(type == null || type.isBlank() ? PERSON : type.trim(), trim(fullName), trim(idNumber),
                dateOfBirth, trim(phone) == null ? null : trim(phone).replace(" ", ""), trim(email), trim(address),
                trim(organizationName), trim(taxCode));
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : java.text.Normalizer.normalize(s.trim(), java.text.Normalizer.Form.NFC);
    }
}
