package vn.motcua.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The 12-digit personal identification number (số định danh cá nhân, printed on the CCCD / căn cước):
 * {@code PPP G YY RRRRRR} — province of birth registration, century-and-sex digit, year of birth, random part
 * (DOMAIN.md §6.1). There is no check digit.
 */
public final class PersonalIdNumber {

    /** Province codes of the 63 pre-2025 provinces (GSO codes), as used in the first three digits. */
    public static final Set<String> PROVINCE_CODES = Set.of(
            "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022",
            "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042",
            "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066",
            "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087",
            "089", "091", "092", "093", "094", "095", "096");

    private PersonalIdNumber() {
    }

    /**
     * Message keys of everything wrong with the number (empty when valid). With a date of birth, the century
     * digit and the two year digits must agree with it.
     */
    public static List<String> problems(String number, LocalDate dateOfBirth) {
        List<String> out = new ArrayList<>();
        if (number == null || !number.matches("\\d{12}")) {
            out.add("error.idNumber.format");
            return out;
        }
        if (!PROVINCE_CODES.contains(number.substring(0, 3))) {
            out.add("error.idNumber.province");
        }
        if (dateOfBirth != null) {
            int g = number.charAt(3) - '0';
            int century = 1900 + (g / 2) * 100;
            int year = century + Integer.parseInt(number.substring(4, 6));
            if (year != dateOfBirth.getYear()) {
                out.add("error.idNumber.birthYear");
            }
        }
        return out;
    }

    public static boolean isValid(String number) {
        return problems(number, null).isEmpty();
    }

    /** 'M' or 'F' from the century-and-sex digit (even = male). */
    public static char sex(String number) {
        return (number.charAt(3) - '0') % 2 == 0 ? 'M' : 'F';
    }
}
