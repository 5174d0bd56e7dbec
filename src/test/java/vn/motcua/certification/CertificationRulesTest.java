package vn.motcua.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.certification.internal.CertificationRules;
import vn.motcua.certification.internal.CertificationRules.Party;
import vn.motcua.platform.ProblemException;

/** The rule book of a certification request, line by line: who may do what from which state. */
class CertificationRulesTest {

    @ParameterizedTest(name = "{0} from {1} by {2}: {3}")
    @CsvSource({
        "COMPARE, TIEP_NHAN,    CERTIFIER, CHO_KY",
        "COMPARE, TIEP_NHAN,    LEADER,    notYourRole",
        "COMPARE, TIEP_NHAN,    APPLICANT, notYourRole",
        "COMPARE, CHO_KY,       CERTIFIER, notInStatus",
        "SIGN,    CHO_KY,       LEADER,    CHO_DONG_DAU",
        "SIGN,    CHO_KY,       CERTIFIER, CHO_DONG_DAU",
        "SIGN,    TIEP_NHAN,    LEADER,    notInStatus",
        "SIGN,    CHO_KY,       RECEPTION, notYourRole",
        "SEAL,    CHO_DONG_DAU, RECEPTION, HOAN_THANH",
        "SEAL,    CHO_DONG_DAU, CERTIFIER, HOAN_THANH",
        "SEAL,    CHO_KY,       CERTIFIER, notInStatus",
        "CANCEL,  TIEP_NHAN,    APPLICANT, HUY",
        "CANCEL,  CHO_KY,       APPLICANT, HUY",
        "CANCEL,  CHO_DONG_DAU, APPLICANT, notInStatus",
        "CANCEL,  HOAN_THANH,   CERTIFIER, notInStatus",
        "REFUSE,  TIEP_NHAN,    CERTIFIER, TU_CHOI",
        "REFUSE,  CHO_KY,       LEADER,    TU_CHOI",
        "REFUSE,  CHO_DONG_DAU, CERTIFIER, notInStatus",
        "REFUSE,  TIEP_NHAN,    APPLICANT, notYourRole",
        "REFUSE,  TU_CHOI,      CERTIFIER, notInStatus",
    })
    void theTable(CertificationAction action, CertificationStatus from, Party who, String expected) {
        if (expected.startsWith("not")) {
            assertThatThrownBy(() -> CertificationRules.decide(action, from, Set.of(who)))
                    .isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.detailKey()).isEqualTo("certification.rule." + expected));
            assertThat(CertificationRules.allowed(from, Set.of(who))).doesNotContain(action);
        } else {
            assertThat(CertificationRules.decide(action, from, Set.of(who)).to())
                    .isEqualTo(CertificationStatus.valueOf(expected));
            assertThat(CertificationRules.allowed(from, Set.of(who))).contains(action);
        }
    }

    @ParameterizedTest(name = "{0} pages × {1} copies, asked {2}: extended {3}")
    @CsvSource({"1, 1, false, false", "10, 4, false, false", "10, 5, false, true", "60, 1, false, true",
        "1, 1, true, true"})
    void manyPagesOrCopiesExtendTheTime(int pages, int copies, boolean asked, boolean extended) {
        assertThat(CertificationRules.extended(pages, copies, 50, asked)).isEqualTo(extended);
    }

    @org.junit.jupiter.api.Test
    void finishedStatesAllowNothing() {
        for (CertificationStatus s : CertificationStatus.values()) {
            if (s.finished()) {
                assertThat(CertificationRules.allowed(s, Set.of(Party.values()))).isEmpty();
            }
        }
    }
}
