package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import java.time.LocalDate;
import vn.motcua.dossier.internal.DossierQueries;
import vn.motcua.index766.Period;
import vn.motcua.organization.ElectronicId;

/**
 * Issue 17, coverage-guided: the identifiers people type (identification number, tax code, agency electronic id,
 * dossier code, the 766 index's period) are judged without ever throwing, and each judgement keeps its rule: a valid identification number
 * is 12 digits from a known province; a valid tax code's check digit catches any one mistyped digit; an electronic id
 * matches Circular 01/2018's shape; a dossier code typed in any case, with spaces or typographic dashes, is found.
 */
@Tag("jazzer")
class IdentifiersFuzzTest {

    @FuzzTest(maxExecutions = 1_500_000, maxDuration = "120s")
    void typedIdentifiersAreJudgedByTheirRules(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 3)) {
            case 0 -> identificationNumbers(data);
            case 1 -> taxCodes(data);
            case 2 -> electronicIdsAndDossierCodes(data);
            default -> periods(data);
        }
    }

    /** A valid identification number is 12 digits from a known province; every problem is a message key. */
    private static void identificationNumbers(FuzzedDataProvider data) {
        String number = data.consumeBoolean() ? digits(data, data.consumeInt(10, 13)) : data.consumeString(20);
        LocalDate born = data.consumeBoolean() ? null : LocalDate.ofEpochDay(data.consumeLong(-80_000, 80_000));
        var problems = PersonalIdNumber.problems(number, born);
        if (problems.isEmpty()) {
            assertThat(number).matches("\\d{12}");
            assertThat(PersonalIdNumber.PROVINCE_CODES).contains(number.substring(0, 3));
            assertThat(PersonalIdNumber.sex(number)).isIn('M', 'F');
        } else {
            assertThat(problems).allSatisfy(k -> assertThat(k).startsWith("error.idNumber."));
        }
    }

    /** A tax code's check digit catches any one mistyped digit. */
    private static void taxCodes(FuzzedDataProvider data) {
        String code = data.consumeBoolean() ? digits(data, 10) + (data.consumeBoolean() ? "-" + digits(data, 3) : "")
                : data.consumeString(16);
        if (!TaxCode.isValid(code)) {
            return;
        }
        assertThat(code).matches("\\d{10}(-\\d{3})?");
        int at = data.consumeInt(0, 9);
        char other = (char) ('0' + (code.charAt(at) - '0' + data.consumeInt(1, 9)) % 10);
        String mistyped = code.substring(0, at) + other + code.substring(at + 1);
        assertThat(TaxCode.isValid(mistyped)).as("%s mistyped as %s", code, mistyped).isFalse();
    }

    /** An electronic id has Circular 01/2018's shape; a dossier code typed anyhow is found. */
    private static void electronicIdsAndDossierCodes(FuzzedDataProvider data) {
        String id = data.consumeString(24);
        if (ElectronicId.valid(id)) {
            assertThat(id.split("\\.")[0]).hasSize(3);
            assertThat(id).matches("[A-Z0-9.]+");
        }
        // a real code (V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX) as a person types or pastes it
        String code = "H" + digits(data, 2) + "." + digits(data, 2) + "." + digits(data, 2) + ".MC" + "-"
                + digits(data, 6) + "-" + digits(data, 4);
        StringBuilder typed = new StringBuilder();
        for (char c : code.toCharArray()) {
            if (data.consumeBoolean()) {
                typed.append(data.pickValue(new String[] {" ", "\u00A0", "\u202F", "\t", "\u2007"}));
            }
            if (c == '-' && data.consumeBoolean()) {
                typed.append(data.pickValue(new Character[] {'\u2010', '\u2013', '\u2014', '\u2212'}));
            } else {
                typed.append(data.consumeBoolean() ? Character.toLowerCase(c) : c);
            }
        }
        assertThat(DossierQueries.normalizeCode(typed.toString())).isEqualTo(code);
        String any = data.consumeRemainingAsString();
        String once = DossierQueries.normalizeCode(any);
        if (once != null) {
            assertThat(DossierQueries.normalizeCode(once)).as("normalising twice changes nothing").isEqualTo(once);
        }
    }

    /** The 766 index's period ({@code 2026-10}, {@code 2026-Q3}, {@code 2026}): a period reads back the same. */
    private static void periods(FuzzedDataProvider data) {
        Period p = Period.parse(data.consumeRemainingAsString());
        if (p != null) {
            assertThat(p.first()).isBeforeOrEqualTo(p.last());
            assertThat(Period.parse(p.text())).isEqualTo(p);
            assertThat(p.firstDay()).isBefore(p.endExclusive());
        }
    }

    private static String digits(FuzzedDataProvider data, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append((char) ('0' + data.consumeInt(0, 9)));
        }
        return out.toString();
    }
}
