package vn.motcua.dossier.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierAction.*;
import static vn.motcua.dossier.DossierStatus.*;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.internal.TestCalendars;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.platform.Channel;

/**
 * Every line of the lifecycle table and every policy of the rule book, allowed and refused, as a table of cases:
 * pure (no database, no Spring), on the working calendar of 2025 (Monday 2 June 2025 08:00 is "now" unless a case
 * says otherwise).
 */
class DossierRulesTest {

    static final ZoneOffset VN = ZoneOffset.ofHours(7);
    static final WorkingCalendar CALENDAR = TestCalendars.vietnam2025();
    static final RuleContext DEFAULTS = new RuleContext(CALENDAR, RuleSettings.defaults());
    static final RuleContext MARK_LATE = new RuleContext(CALENDAR,
            new RuleSettings(1, 3, RuleSettings.LateSupplement.ALLOW_AND_MARK_LATE));
    static final RuleContext TWO_DAYS_LEAD = new RuleContext(CALENDAR,
            new RuleSettings(2, 3, RuleSettings.LateSupplement.REFUSE));

    static OffsetDateTime at(String local) {
        return LocalDateTime.parse(local).atOffset(VN);
    }

    static final OffsetDateTime NOW = at("2025-06-02T08:00");
    /** Accepted on Friday 30 May, due Wednesday 4 June 10:00 (3 working days). */
    static final OffsetDateTime RECEIVED_AT = at("2025-05-30T10:00");
    static final OffsetDateTime DUE = at("2025-06-04T10:00");

    /** An online dossier in a status, accepted unless it waits for reception. */
    static DossierFacts online(DossierStatus s) {
        DossierFacts f = DossierFacts.of(s, Channel.ONLINE);
        return s == SUBMITTED ? f : f.withReceived(RECEIVED_AT, DUE).withProcessingSince(at("2025-06-02T07:30"));
    }

    static DossierFacts counter(DossierStatus s) {
        return DossierFacts.of(s, Channel.COUNTER).withReceived(RECEIVED_AT, DUE)
                .withProcessingSince(at("2025-06-02T07:30"));
    }

    static ActionInput in() {
        return ActionInput.at(NOW);
    }

    /** One case: the question, and the answer expected (a status, or a message key with its HTTP status). */
    record Case(String name, DossierAction action, Set<Party> by, DossierFacts dossier, ActionInput input,
                RuleContext context, DossierStatus to, boolean late, String refusal, int http) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Case ok(String name, DossierAction a, Party by, DossierFacts d, ActionInput in, DossierStatus to) {
        return new Case(name, a, Set.of(by), d, in, DEFAULTS, to, false, null, 200);
    }

    static Case no(String name, DossierAction a, Party by, DossierFacts d, ActionInput in, String key, int http) {
        return new Case(name, a, Set.of(by), d, in, DEFAULTS, null, false, key, http);
    }

    static Case with(Case c, RuleContext context) {
        return new Case(c.name, c.action, c.by, c.dossier, c.input, context, c.to, c.late, c.refusal, c.http);
    }

    static Case late(Case c) {
        return new Case(c.name, c.action, c.by, c.dossier, c.input, c.context, c.to, true, c.refusal, c.http);
    }

    static final String NOT_IN_STATUS = "dossier.rule.notInStatus";
    static final String NOT_YOUR_ROLE = "dossier.rule.notYourRole";

    static List<Case> cases() {
        ActionInput reason = in().withReason();
        DossierFacts atSpecialist = online(PROCESSING).withSteps(false, true);
        DossierFacts atLeader = online(PROCESSING).withSteps(true, false);
        DossierFacts waitingAtReception = online(SUPPLEMENT_REQUESTED).withReceived(null, null)
                .withSupplementStage(SupplementStage.RECEPTION);
        DossierFacts waitingInProcessing = online(SUPPLEMENT_REQUESTED).withSupplementStage(SupplementStage.PROCESSING);
        DossierFacts counterWaiting = counter(SUPPLEMENT_REQUESTED).withSupplementStage(SupplementStage.PROCESSING);
        List<Case> c = new ArrayList<>();
        // ---- the table: acceptance at reception (Art. 15)
        c.add(ok("accept an online dossier", ACCEPT, Party.RECEPTION, online(SUBMITTED), in(), RECEIVED));
        c.add(no("only reception accepts", ACCEPT, Party.SPECIALIST, online(SUBMITTED), in(), NOT_YOUR_ROLE, 409));
        c.add(no("accept only what waits for reception", ACCEPT, Party.RECEPTION, online(RECEIVED), in(), NOT_IN_STATUS, 409));
        c.add(ok("refuse at reception, with the reason", REFUSE, Party.RECEPTION, online(SUBMITTED), reason, REFUSED));
        c.add(no("a refusal needs its reason", REFUSE, Party.RECEPTION, online(SUBMITTED), in(), "dossier.rule.reasonRequired", 400));
        c.add(ok("refuse while the reception supplement is pending", REFUSE, Party.RECEPTION, waitingAtReception, reason, REFUSED));
        c.add(ok("guide once at reception (form 02)", REQUEST_SUPPLEMENT, Party.RECEPTION, online(SUBMITTED), reason,
                SUPPLEMENT_REQUESTED));
        // ---- supplements, online and at the counter
        c.add(ok("the applicant supplies at reception: back to reception", SUPPLY, Party.APPLICANT, waitingAtReception,
                in().withDocuments(), SUBMITTED));
        c.add(ok("the applicant supplies a corrected eForm during appraisal: back to processing", SUPPLY,
                Party.APPLICANT, waitingInProcessing, in().withForm(), PROCESSING));
        c.add(no("a supplement brings something", SUPPLY, Party.APPLICANT, waitingInProcessing, in(),
                "dossier.supply.nothing", 400));
        c.add(ok("the counter records the papers of a counter dossier", SUPPLY, Party.RECEPTION, counterWaiting,
                in().withDocuments(), PROCESSING));
        c.add(no("the counter records papers only scanned", SUPPLY, Party.RECEPTION, counterWaiting, in(),
                "dossier.rule.scansRequired", 400));
        c.add(no("nothing to supply when nothing was asked", SUPPLY, Party.APPLICANT, online(PROCESSING),
                in().withDocuments(), NOT_IN_STATUS, 409));
        c.add(no("a specialist does not supply for the applicant", SUPPLY, Party.SPECIALIST, counterWaiting,
                in().withDocuments(), NOT_YOUR_ROLE, 409));
        // ---- processing (Art. 18, 19)
        c.add(ok("transfer for processing", FORWARD, Party.RECEPTION, online(RECEIVED), in(), PROCESSING));
        c.add(ok("to the next step", FORWARD, Party.STEP_OWNER, atSpecialist, in(), PROCESSING));
        c.add(ok("to another agency from the last step", FORWARD, Party.STEP_OWNER, atLeader, in().withAgency(), PROCESSING));
        c.add(no("ForwardToAnotherStep: the last step has no next one", FORWARD, Party.STEP_OWNER, atLeader, in(), "dossier.rule.noNextStep", 409));
        c.add(no("only the step's officer forwards", FORWARD, Party.LEADER, atSpecialist, in(), NOT_YOUR_ROLE, 409));
        c.add(ok("the head assigns", ASSIGN, Party.LEADER, online(RECEIVED), in().withAssignee(), RECEIVED));
        c.add(no("an assignment names the officer", ASSIGN, Party.LEADER, online(RECEIVED), in(), "dossier.rule.assigneeRequired", 400));
        c.add(ok("consult another agency", CONSULT, Party.STEP_OWNER, atSpecialist, reason.withAgency(), PROCESSING));
        c.add(no("a consultation names the agency", CONSULT, Party.STEP_OWNER, atSpecialist, reason, "dossier.rule.agencyRequired", 400));
        c.add(ok("the consulted agency answers", ANSWER_CONSULTATION, Party.CONSULTED, waitingInProcessing, reason,
                SUPPLEMENT_REQUESTED));
        c.add(no("only the consulted agency answers", ANSWER_CONSULTATION, Party.STEP_OWNER, atSpecialist, reason, NOT_YOUR_ROLE, 409));
        c.add(ok("ask for the fee: the clock stops", REQUEST_PAYMENT, Party.STEP_OWNER, atSpecialist, in(), AWAITING_PAYMENT));
        c.add(ok("paid", CONFIRM_PAYMENT, Party.RECEPTION, online(AWAITING_PAYMENT), in(), PROCESSING));
        c.add(ok("paid online: the payment platform confirms", CONFIRM_PAYMENT, Party.PAYMENT_PLATFORM,
                online(AWAITING_PAYMENT), in(), PROCESSING));
        c.add(ok("a fee paid with the application: the status stays", CONFIRM_PAYMENT, Party.PAYMENT_PLATFORM,
                online(SUBMITTED), in(), SUBMITTED));
        c.add(no("no fee is taken once the dossier is finished", CONFIRM_PAYMENT, Party.PAYMENT_PLATFORM,
                online(COMPLETED), in(), NOT_IN_STATUS, 409));
        c.add(no("the one-stop confirms only a requested payment", CONFIRM_PAYMENT, Party.RECEPTION,
                online(SUBMITTED), in(), NOT_YOUR_ROLE, 409));
        c.add(ok("waived by a leader", WAIVE_PAYMENT, Party.LEADER, online(AWAITING_PAYMENT), reason, PROCESSING));
        c.add(no("only a leader waives", WAIVE_PAYMENT, Party.SPECIALIST, online(AWAITING_PAYMENT), reason, NOT_YOUR_ROLE, 409));
        c.add(ok("refusal after appraisal", REJECT, Party.LEADER, atLeader, reason, REJECTED));
        c.add(ok("complete at the last step, with the result", COMPLETE, Party.STEP_OWNER, atLeader,
                in().withResultDocument(), COMPLETED));
        c.add(no("a result is needed", COMPLETE, Party.STEP_OWNER, atLeader, in(), "dossier.rule.resultRequired", 400));
        c.add(ok("return the result", RETURN_RESULT, Party.RECEPTION, online(COMPLETED), in(), RETURNED));
        c.add(no("nothing is returned before it is completed", RETURN_RESULT, Party.RECEPTION, atLeader, in(), NOT_IN_STATUS, 409));
        c.add(ok("stop", STOP, Party.LEADER, online(RECEIVED), reason, STOPPED));
        c.add(no("nothing after a terminal status", STOP, Party.LEADER, online(RETURNED), reason, NOT_IN_STATUS, 409));
        // ---- withdrawal and rating
        c.add(ok("the applicant withdraws", WITHDRAW, Party.APPLICANT, online(PROCESSING), in(), WITHDRAWN));
        c.add(ok("the applicant withdraws before acceptance", WITHDRAW, Party.APPLICANT, online(SUBMITTED), in(), WITHDRAWN));
        c.add(no("not once finished", WITHDRAW, Party.APPLICANT, online(COMPLETED), in(), NOT_IN_STATUS, 409));
        // ---- reorganisation of units (issue 11)
        c.add(ok("a reorganisation hands an unfinished dossier over", HAND_OVER, Party.ADMINISTRATOR, online(PROCESSING),
                reason.withAgency(), PROCESSING));
        c.add(ok("also one waiting for reception", HAND_OVER, Party.ADMINISTRATOR, online(SUBMITTED), reason.withAgency(),
                SUBMITTED));
        c.add(no("only the administrator hands over", HAND_OVER, Party.LEADER, online(PROCESSING), reason.withAgency(),
                NOT_YOUR_ROLE, 409));
        c.add(no("a finished dossier stays where it was", HAND_OVER, Party.ADMINISTRATOR, online(RETURNED),
                reason.withAgency(), NOT_IN_STATUS, 409));
        c.add(no("the successor is named", HAND_OVER, Party.ADMINISTRATOR, online(PROCESSING), reason,
                "dossier.rule.agencyRequired", 400));
        c.add(ok("a written request at the counter, scanned", WITHDRAW, Party.RECEPTION, counter(PROCESSING),
                in().withDocuments(), WITHDRAWN));
        c.add(no("the written request is scanned", WITHDRAW, Party.RECEPTION, counter(PROCESSING), in(),
                "dossier.rule.scansRequired", 400));
        c.add(ok("rate once the result is returned", RATE, Party.APPLICANT, online(RETURNED), in(), RETURNED));
        c.add(no("rate only after the return", RATE, Party.APPLICANT, online(COMPLETED), in(), NOT_IN_STATUS, 409));
        // ---- policies
        c.add(no("PaperDossierActedForAtCounter: the counter does not supply for an online applicant", SUPPLY,
                Party.RECEPTION, waitingInProcessing, in().withDocuments(), "dossier.rule.onlineActsItself", 409));
        c.add(no("PaperDossierActedForAtCounter: the counter does not withdraw an online dossier", WITHDRAW,
                Party.RECEPTION, online(PROCESSING), in().withDocuments(), "dossier.rule.onlineActsItself", 409));
        c.add(ok("PaperDossierActedForAtCounter: a postal dossier is acted for", WITHDRAW, Party.RECEPTION,
                DossierFacts.of(RECEIVED, Channel.POSTAL).withReceived(RECEIVED_AT, DUE), in().withDocuments(), WITHDRAWN));
        c.add(no("OnlyAfterAcceptance: no apology before acceptance", APOLOGIZE, Party.LEADER, waitingAtReception,
                reason.withNewDueAt(at("2025-06-09T10:00")), "dossier.rule.notAccepted", 409));
        c.add(no("OnlyAfterAcceptance: no stop before acceptance", STOP, Party.LEADER, waitingAtReception, reason,
                "dossier.rule.notAccepted", 409));
        c.add(no("OnlyBeforeAcceptance: no reception refusal after acceptance", REFUSE, Party.RECEPTION,
                waitingInProcessing, reason, "dossier.rule.alreadyAccepted", 409));
        c.add(no("GuideOnceCompletely: a second supplement request at reception", REQUEST_SUPPLEMENT, Party.RECEPTION,
                online(SUBMITTED).withReceptionSupplements(1), reason, "dossier.rule.guideOnce", 409));
        c.add(ok("AppraisalSupplementInTime: within 3 working days of reaching processing", REQUEST_SUPPLEMENT,
                Party.STEP_OWNER, atSpecialist.withProcessingSince(at("2025-05-28T09:00")),
                ActionInput.at(at("2025-06-02T09:00")).withReason(), SUPPLEMENT_REQUESTED));
        c.add(no("AppraisalSupplementInTime: later is refused (default)", REQUEST_SUPPLEMENT, Party.STEP_OWNER,
                atSpecialist.withProcessingSince(at("2025-05-28T09:00")),
                ActionInput.at(at("2025-06-02T09:01")).withReason(), "dossier.rule.supplementWindow", 409));
        c.add(late(with(ok("AppraisalSupplementInTime: later is allowed and counted late when configured",
                REQUEST_SUPPLEMENT, Party.STEP_OWNER, atSpecialist.withProcessingSince(at("2025-05-28T09:00")),
                ActionInput.at(at("2025-06-02T09:01")).withReason(), SUPPLEMENT_REQUESTED), MARK_LATE)));
        c.add(ok("AppraisalSupplementInTime: the window restarts with the supplied dossier", REQUEST_SUPPLEMENT,
                Party.STEP_OWNER, atSpecialist.withProcessingSince(at("2025-06-02T07:30")),
                ActionInput.at(at("2025-06-04T16:00")).withReason(), SUPPLEMENT_REQUESTED));
        OffsetDateTime goodDue = at("2025-06-06T10:00");
        c.add(ok("an apology with a later working moment, 2 working days before the due moment", APOLOGIZE, Party.LEADER,
                online(PROCESSING), reason.withNewDueAt(goodDue), PROCESSING));
        c.add(no("ApologyOnce: a second apology", APOLOGIZE, Party.SPECIALIST, online(PROCESSING).withApologies(1),
                reason.withNewDueAt(goodDue), "dossier.rule.apologyOnce", 409));
        c.add(no("ApologyInGoodTime: less than 1 working day before the due moment", APOLOGIZE, Party.LEADER,
                online(PROCESSING), ActionInput.at(at("2025-06-03T10:01")).withReason().withNewDueAt(goodDue),
                "dossier.rule.apologyTooLate", 409));
        c.add(ok("ApologyInGoodTime: exactly 1 working day before", APOLOGIZE, Party.LEADER, online(PROCESSING),
                ActionInput.at(at("2025-06-03T10:00")).withReason().withNewDueAt(goodDue), PROCESSING));
        c.add(no("ApologyInGoodTime: after the due moment", APOLOGIZE, Party.LEADER, online(PROCESSING),
                ActionInput.at(at("2025-06-05T08:00")).withReason().withNewDueAt(goodDue), "dossier.rule.apologyTooLate", 409));
        c.add(with(no("ApologyInGoodTime: 2 working days when configured", APOLOGIZE, Party.LEADER, online(PROCESSING),
                ActionInput.at(at("2025-06-02T10:01")).withReason().withNewDueAt(goodDue), "dossier.rule.apologyTooLate",
                409), TWO_DAYS_LEAD));
        c.add(no("NewDueMomentValid: not earlier than the due moment", APOLOGIZE, Party.LEADER, online(PROCESSING),
                reason.withNewDueAt(at("2025-06-04T09:00")), "dossier.rule.newDueAfterCurrent", 400));
        c.add(no("NewDueMomentValid: a Saturday is not a working moment", APOLOGIZE, Party.LEADER, online(PROCESSING),
                reason.withNewDueAt(at("2025-06-07T09:00")), "dossier.rule.newDueWorkingMoment", 400));
        c.add(no("NewDueMomentValid: the lunch break is not a working moment", APOLOGIZE, Party.LEADER,
                online(PROCESSING), reason.withNewDueAt(at("2025-06-06T12:15")), "dossier.rule.newDueWorkingMoment", 400));
        c.add(no("NewDueMomentValid: a public holiday is not a working moment", APOLOGIZE, Party.LEADER,
                online(PROCESSING).withDueAt(at("2025-08-28T10:00")),
                ActionInput.at(at("2025-08-25T08:00")).withReason().withNewDueAt(at("2025-09-02T09:00")),
                "dossier.rule.newDueWorkingMoment", 400));
        c.add(no("an apology names the new appointment", APOLOGIZE, Party.LEADER, online(PROCESSING), reason,
                "dossier.rule.newDueRequired", 400));
        c.add(no("CompleteAtLastStep: not before the last step", COMPLETE, Party.STEP_OWNER, atSpecialist,
                in().withResultDocument(), "dossier.rule.completeAtLastStep", 409));
        c.add(no("RateOnce: a second rating", RATE, Party.APPLICANT, online(RETURNED).withRated(true), in(),
                "dossier.rating.once", 409));
        return c;
    }

    static Stream<Arguments> table() {
        return cases().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(Case c) {
        Decision d = DossierRules.decide(c.action, c.by, c.dossier, c.input, c.context);
        if (c.refusal == null) {
            assertThat(d.allowed()).as("%s: %s", c.name, d.rejection()).isTrue();
            assertThat(d.to()).as(c.name).isEqualTo(c.to);
            assertThat(d.markLate()).as(c.name + " counted late").isEqualTo(c.late);
        } else {
            assertThat(d.allowed()).as(c.name).isFalse();
            assertThat(d.rejection().messageKey()).as(c.name).isEqualTo(c.refusal);
            assertThat(d.rejection().httpStatus()).as(c.name).isEqualTo(c.http);
            assertThat(d.rejection().legalBasis()).as(c.name + ": the legal basis").isNotBlank();
        }
    }

    @Test
    void everyLineOfTheTableAndEveryPolicyHasAnAllowedAndARefusedCase() {
        Map<String, boolean[]> seen = new LinkedHashMap<>();
        for (Transition t : LifecycleTable.TRANSITIONS) {
            if (!t.creates()) {
                seen.put(t.action() + " by " + t.by(), new boolean[2]);
            }
        }
        for (Case c : cases()) {
            Decision d = DossierRules.decide(c.action, c.by, c.dossier, c.input, c.context);
            for (Transition t : LifecycleTable.lines(c.action, c.dossier.status())) {
                if (t.by().stream().anyMatch(c.by::contains)) {
                    seen.get(t.action() + " by " + t.by())[d.allowed() ? 0 : 1] = true;
                }
            }
        }
        seen.forEach((line, b) -> assertThat(b[0]).as("an allowed case of " + line).isTrue());
        for (Policy p : Policies.allCurrentPolicies()) {
            String name = p.getClass().getSimpleName();
            assertThat(cases().stream().filter(c -> c.name.startsWith(name + ":") && c.refusal != null))
                    .as("a refused case of the policy " + name).isNotEmpty();
            assertThat(cases().stream().filter(c -> c.refusal == null && p.actions().contains(c.action)
                    && c.dossier.status() != null)).as("an allowed case for the policy " + name).isNotEmpty();
        }
    }

    @Test
    void creatingADossierOnlineOrAtTheCounter() {
        assertThat(DossierRules.create(SUBMIT, Set.of(Party.APPLICANT)).to()).isEqualTo(SUBMITTED);
        assertThat(DossierRules.create(RECEIVE, Set.of(Party.RECEPTION)).to()).isEqualTo(RECEIVED);
        assertThat(DossierRules.create(RECEIVE, Set.of(Party.APPLICANT)).allowed()).isFalse();
        assertThat(DossierRules.create(SUBMIT, Set.of(Party.RECEPTION, Party.LEADER)).allowed()).isFalse();
    }

    @Test
    void pagesOfferOnlyWhatTheRulesAllowNow() {
        Set<Party> leader = EnumSet.of(Party.LEADER, Party.SPECIALIST);
        assertThat(DossierRules.allowedNow(leader, online(PROCESSING), DEFAULTS, NOW)).contains(APOLOGIZE, STOP);
        assertThat(DossierRules.allowedNow(leader, online(PROCESSING), DEFAULTS, at("2025-06-03T15:00")))
                .as("less than a working day before the due moment: no apology offered").doesNotContain(APOLOGIZE)
                .contains(STOP);
        assertThat(DossierRules.allowedNow(leader, online(PROCESSING).withApologies(1), DEFAULTS, NOW))
                .doesNotContain(APOLOGIZE);
        Set<Party> reception = EnumSet.of(Party.RECEPTION);
        DossierFacts waiting = online(SUPPLEMENT_REQUESTED).withSupplementStage(SupplementStage.PROCESSING);
        assertThat(DossierRules.allowedNow(reception, waiting, DEFAULTS, NOW)).doesNotContain(SUPPLY, WITHDRAW);
        assertThat(DossierRules.allowedNow(reception, counter(SUPPLEMENT_REQUESTED)
                .withSupplementStage(SupplementStage.PROCESSING), DEFAULTS, NOW)).contains(SUPPLY, WITHDRAW);
        assertThat(DossierRules.allowedNow(EnumSet.of(Party.APPLICANT), online(RETURNED), DEFAULTS, NOW))
                .containsExactly(RATE);
        assertThat(DossierRules.allowedNow(EnumSet.of(Party.APPLICANT), online(RETURNED).withRated(true), DEFAULTS,
                NOW)).isEmpty();
        assertThat(DossierRules.allowedNow(EnumSet.of(Party.RECEPTION), online(SUBMITTED).withReceptionSupplements(1),
                DEFAULTS, NOW)).contains(ACCEPT, REFUSE).doesNotContain(REQUEST_SUPPLEMENT);
    }

    @Test
    void theRuleBookIsASingleListWithOnePolicyPerRule() {
        List<Class<?>> classes = Policies.allCurrentPolicies().stream().<Class<?>>map(Object::getClass).toList();
        assertThat(classes).doesNotHaveDuplicates().hasSize(11);
    }
}
