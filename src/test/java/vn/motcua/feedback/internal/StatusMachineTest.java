package vn.motcua.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.feedback.FeedbackAction;
import vn.motcua.feedback.FeedbackStatus;
import vn.motcua.feedback.internal.StatusMachine.Party;

/** Every (status, action) pair of the feedback status machine against a table written by hand. */
class StatusMachineTest {

    // rows: from-status; columns: actions in FeedbackAction order; "-" = not allowed
    //                       CLASSIFY    MARK_SPAM REFUSE        REQUEST_SUPPLEMENT    SUPPLEMENT  ROUTE   ANSWER    RETURN_ANSWER APPROVE   PUBLISH    RAISE_AGAIN
    static final String EXPECTED = """
            RECEIVED             CLASSIFIED  SPAM      NOT_ACCEPTED  -                     -           -       -         -             -         -          -
            CLASSIFIED           -           -         -             SUPPLEMENT_REQUESTED  -           ROUTED  -         -             -         -          -
            SUPPLEMENT_REQUESTED -           -         -             -                     CLASSIFIED  -       -         -             -         -          -
            ROUTED               -           -         -             -                     -           -       ANSWERED  -             -         -          -
            ANSWERED             -           -         -             -                     -           -       -         ROUTED        APPROVED  -          -
            APPROVED             -           -         -             -                     -           -       -         -             -         PUBLISHED  -
            PUBLISHED            -           -         -             -                     -           -       -         -             -         -          RAISED_AGAIN
            SPAM                 -           -         -             -                     -           -       -         -             -         -          -
            NOT_ACCEPTED         -           -         -             -                     -           -       -         -             -         -          RAISED_AGAIN
            RAISED_AGAIN         CLASSIFIED  SPAM      NOT_ACCEPTED  -                     -           -       -         -             -         -          -
            """;

    static final String PARTIES = """
            CLASSIFY DESK false
            MARK_SPAM DESK false
            REFUSE DESK true
            REQUEST_SUPPLEMENT DESK true
            SUPPLEMENT SENDER true
            ROUTE DESK false
            ANSWER AGENCY_SPECIALIST true
            RETURN_ANSWER AGENCY_LEADER true
            APPROVE AGENCY_LEADER false
            PUBLISH DESK false
            RAISE_AGAIN SENDER true
            """;

    @Test
    void everyStatusAndActionPairLeadsWhereTheTableSays() {
        List<String> checked = new ArrayList<>();
        for (String line : EXPECTED.strip().split("\n")) {
            String[] cells = line.strip().split("\\s+");
            FeedbackStatus from = FeedbackStatus.valueOf(cells[0]);
            assertThat(cells).as(line).hasSize(FeedbackAction.values().length + 1);
            for (FeedbackAction a : FeedbackAction.values()) {
                String cell = cells[a.ordinal() + 1];
                var next = StatusMachine.next(from, a);
                if (cell.equals("-")) {
                    assertThat(next).as(from + " × " + a).isEmpty();
                } else {
                    assertThat(next).as(from + " × " + a).contains(FeedbackStatus.valueOf(cell));
                }
                checked.add(from + "/" + a);
            }
        }
        assertThat(checked).hasSize(FeedbackStatus.values().length * FeedbackAction.values().length);
    }

    @Test
    void whoTakesEachActionAndWhetherItNeedsANote() {
        for (String line : PARTIES.strip().split("\n")) {
            String[] c = line.strip().split(" ");
            var rule = StatusMachine.rule(FeedbackAction.valueOf(c[0]));
            assertThat(rule.by()).as(line).isEqualTo(Party.valueOf(c[1]));
            assertThat(rule.noteRequired()).as(line).isEqualTo(Boolean.parseBoolean(c[2]));
        }
        assertThat(StatusMachine.TABLE).extracting(StatusMachine.Rule::action)
                .containsExactlyInAnyOrder(FeedbackAction.values());
    }

    @Test
    void whatEachPartyIsOfferedFollowsTheTable() {
        assertThat(StatusMachine.allowed(FeedbackStatus.RECEIVED, Party.DESK))
                .containsExactly(FeedbackAction.CLASSIFY, FeedbackAction.MARK_SPAM, FeedbackAction.REFUSE);
        assertThat(StatusMachine.allowed(FeedbackStatus.ANSWERED, Party.AGENCY_LEADER))
                .containsExactly(FeedbackAction.RETURN_ANSWER, FeedbackAction.APPROVE);
        assertThat(StatusMachine.allowed(FeedbackStatus.ANSWERED, Party.DESK)).isEmpty();
        assertThat(StatusMachine.allowed(FeedbackStatus.SPAM, Party.SENDER)).isEmpty();
        for (FeedbackStatus s : FeedbackStatus.values()) {
            boolean terminal = Arrays.stream(Party.values()).allMatch(p -> StatusMachine.allowed(s, p).isEmpty());
            assertThat(terminal).as(s + " is the only status nobody can leave").isEqualTo(s == FeedbackStatus.SPAM);
        }
    }
}
