package vn.motcua.dossier;

import static vn.motcua.dossier.DossierAction.*;
import static vn.motcua.dossier.DossierStatus.*;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The status machine of a dossier, in one place: which action may be taken in which status, by whom, what it
 * needs, and where it leads (Decree 61/2018 Art. 15–20, Circular 01/2018, DOMAIN.md §2.9). Everything that
 * changes a dossier asks {@link #decide} first; a refusal changes nothing.
 *
 * <p>Read the table {@link #RULES} top to bottom: it is the whole lifecycle.
 */
public final class DossierRules {

    private DossierRules() {
    }

    /**
     * Who acts. {@code STEP_OWNER} is the officer whose role (and agency) the current processing step names;
     * {@code CONSULTED} an officer of an agency asked for an opinion, who may only answer.
     */
    public enum Party {
        APPLICANT, RECEPTION, SPECIALIST, LEADER, STEP_OWNER, CONSULTED
    }

    /** What an action must carry. */
    public enum Needs {
        /** lý do */
        REASON,
        /** the officer to assign */
        ASSIGNEE,
        /** the other agency */
        AGENCY,
        /** at least one result document */
        RESULT_DOCUMENT,
        /** the new appointment (hẹn lại) */
        NEW_DUE_MOMENT
    }

    /**
     * One line of the table.
     *
     * @param to     the status after the action; {@code null} = the status does not change
     * @param basis  the legal basis or the design note behind the line
     */
    public record Rule(DossierAction action, Set<DossierStatus> from, DossierStatus to, Set<Party> by,
                       Set<Needs> needs, String basis) {
    }

    private static final Set<DossierStatus> OPEN_AFTER_ACCEPTANCE =
            EnumSet.of(RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED, AWAITING_PAYMENT);

    /** The lifecycle. */
    public static final List<Rule> RULES = List.of(
            rule(SUBMIT, Set.of(), SUBMITTED, by(Party.APPLICANT), needs(), "Art. 16: online submission"),
            rule(RECEIVE, Set.of(), RECEIVED, by(Party.RECEPTION), needs(), "Art. 15: counter or postal intake, complete dossier"),
            rule(ACCEPT, EnumSet.of(SUBMITTED), RECEIVED, by(Party.RECEPTION), needs(), "Art. 15(2)(c), form 01"),
            rule(REFUSE, EnumSet.of(SUBMITTED, SUPPLEMENT_REQUESTED), REFUSED, by(Party.RECEPTION), needs(Needs.REASON),
                    "Art. 15(2)(b), form 03: only before acceptance"),
            rule(REQUEST_SUPPLEMENT, EnumSet.of(SUBMITTED), SUPPLEMENT_REQUESTED, by(Party.RECEPTION),
                    needs(Needs.REASON), "Art. 15(2)(a), form 02: guide once, completely"),
            rule(REQUEST_SUPPLEMENT, EnumSet.of(PROCESSING), SUPPLEMENT_REQUESTED, by(Party.STEP_OWNER),
                    needs(Needs.REASON), "Art. 19(3): within 3 working days; time restarts once complete"),
            rule(SUPPLY, EnumSet.of(SUPPLEMENT_REQUESTED), null, by(Party.APPLICANT), needs(),
                    "back to SUBMITTED (requested at reception) or PROCESSING with a new full processing time"),
            rule(FORWARD, EnumSet.of(RECEIVED), PROCESSING, by(Party.RECEPTION), needs(), "Art. 18: transfer for processing"),
            rule(FORWARD, EnumSet.of(PROCESSING), PROCESSING, by(Party.STEP_OWNER), needs(),
                    "Art. 19: next step, or another agency (liên thông)"),
            rule(ASSIGN, EnumSet.of(RECEIVED, PROCESSING), null, by(Party.LEADER, Party.STEP_OWNER),
                    needs(Needs.ASSIGNEE), "Art. 19(1): the head assigns an officer"),
            rule(CONSULT, EnumSet.of(PROCESSING), null, by(Party.STEP_OWNER), needs(Needs.AGENCY, Needs.REASON),
                    "Art. 19(4): consultation with its own deadline"),
            rule(ANSWER_CONSULTATION, EnumSet.of(PROCESSING, SUPPLEMENT_REQUESTED, AWAITING_PAYMENT), null,
                    by(Party.CONSULTED), needs(Needs.REASON), "the consulted agency answers"),
            rule(REQUEST_PAYMENT, EnumSet.of(PROCESSING), AWAITING_PAYMENT, by(Party.STEP_OWNER), needs(),
                    "Art. 22: financial obligation; the clock stops until paid or waived"),
            rule(CONFIRM_PAYMENT, EnumSet.of(AWAITING_PAYMENT), PROCESSING, by(Party.RECEPTION, Party.STEP_OWNER),
                    needs(), "paid: the clock runs again"),
            rule(WAIVE_PAYMENT, EnumSet.of(AWAITING_PAYMENT), PROCESSING, by(Party.LEADER), needs(Needs.REASON),
                    "exempted: the clock runs again"),
            rule(APOLOGIZE, OPEN_AFTER_ACCEPTANCE, null, by(Party.LEADER, Party.SPECIALIST),
                    needs(Needs.REASON, Needs.NEW_DUE_MOMENT),
                    "Art. 19(9), form 04: before the due moment, once; the original due moment is kept"),
            rule(REJECT, EnumSet.of(PROCESSING), REJECTED, by(Party.LEADER), needs(Needs.REASON),
                    "Art. 19(8): Phiếu từ chối giải quyết hồ sơ"),
            rule(COMPLETE, EnumSet.of(PROCESSING), COMPLETED, by(Party.STEP_OWNER), needs(Needs.RESULT_DOCUMENT),
                    "Art. 19: the last processing step approves and signs the result"),
            rule(RETURN_RESULT, EnumSet.of(COMPLETED), RETURNED, by(Party.RECEPTION), needs(), "Art. 20"),
            rule(STOP, OPEN_AFTER_ACCEPTANCE, STOPPED, by(Party.LEADER), needs(Needs.REASON),
                    "dừng xử lý (Circular 03/2025 form 05)"),
            rule(WITHDRAW, EnumSet.of(SUBMITTED, RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED, AWAITING_PAYMENT),
                    WITHDRAWN, by(Party.APPLICANT), needs(), "status 7: while the dossier is not finished"));

    /**
     * What is known about the dossier and the request when deciding.
     *
     * @param lastStep      the current processing step is the last one (approval)
     * @param hasNextStep   there is another processing step after the current one
     * @param apologies     apologies already given
     * @param accepted      the dossier was received (tiếp nhận): the statutory clock has started once
     */
    public record Facts(OffsetDateTime now, OffsetDateTime dueAt, boolean hasReason, boolean hasAssignee,
                        boolean hasAgency, boolean hasResultDocument, OffsetDateTime newDueAt, int apologies,
                        boolean lastStep, boolean hasNextStep, boolean accepted) {
    }

    /** Actions that only make sense once the dossier was accepted, and those only before. */
    private static final Set<DossierAction> AFTER_ACCEPTANCE = EnumSet.of(APOLOGIZE, STOP, REJECT, COMPLETE);
    private static final Set<DossierAction> BEFORE_ACCEPTANCE = EnumSet.of(REFUSE, ACCEPT);

    /** The answer: allowed and the status after, or refused with a message key (400 = bad input, 409 = not now). */
    public record Decision(boolean allowed, DossierStatus to, int httpStatus, String field, String reasonKey) {

        static Decision allow(DossierStatus to) {
            return new Decision(true, to, 200, null, null);
        }

        static Decision conflict(String key) {
            return new Decision(false, null, 409, null, key);
        }

        static Decision invalid(String field, String key) {
            return new Decision(false, null, 400, field, key);
        }
    }

    /** The rule for an action in a status, if any. */
    public static Optional<Rule> rule(DossierAction action, DossierStatus status) {
        return RULES.stream().filter(r -> r.action() == action && r.from().contains(status)).findFirst();
    }

    /**
     * Decides an action. {@code parties} are the roles the actor holds for this dossier (e.g. RECEPTION and
     * STEP_OWNER when the current step is a reception step and the actor is its receptionist).
     */
    public static Decision decide(DossierAction action, DossierStatus status, Set<Party> parties, Facts f) {
        Optional<Rule> found = rule(action, status);
        if (found.isEmpty()) {
            return Decision.conflict("dossier.rule.notInStatus");
        }
        Rule r = found.get();
        if (AFTER_ACCEPTANCE.contains(action) && !f.accepted()) {
            return Decision.conflict("dossier.rule.notAccepted");
        }
        if (BEFORE_ACCEPTANCE.contains(action) && f.accepted()) {
            return Decision.conflict("dossier.rule.alreadyAccepted");
        }
        if (r.by().stream().noneMatch(parties::contains)) {
            return Decision.conflict("dossier.rule.notYourRole");
        }
        if (r.needs().contains(Needs.REASON) && !f.hasReason()) {
            return Decision.invalid("reason", "dossier.rule.reasonRequired");
        }
        if (r.needs().contains(Needs.ASSIGNEE) && !f.hasAssignee()) {
            return Decision.invalid("assignee", "dossier.rule.assigneeRequired");
        }
        if (r.needs().contains(Needs.AGENCY) && !f.hasAgency()) {
            return Decision.invalid("agencyCode", "dossier.rule.agencyRequired");
        }
        if (r.needs().contains(Needs.RESULT_DOCUMENT) && !f.hasResultDocument()) {
            return Decision.invalid("attachments", "dossier.rule.resultRequired");
        }
        if (r.needs().contains(Needs.NEW_DUE_MOMENT) && f.newDueAt() == null) {
            return Decision.invalid("newDueAt", "dossier.rule.newDueRequired");
        }
        // the policies that go beyond the table
        if (action == APOLOGIZE) {
            if (f.apologies() > 0) {
                return Decision.conflict("dossier.rule.apologyOnce");
            }
            if (f.dueAt() == null || !f.now().isBefore(f.dueAt())) {
                return Decision.conflict("dossier.rule.apologyBeforeDue");
            }
            if (!f.newDueAt().isAfter(f.dueAt()) || !f.newDueAt().isAfter(f.now())) {
                return Decision.invalid("newDueAt", "dossier.rule.newDueAfterCurrent");
            }
        }
        if (action == FORWARD && status == PROCESSING && !f.hasAgency() && !f.hasNextStep()) {
            return Decision.conflict("dossier.rule.noNextStep");
        }
        if (action == COMPLETE && !f.lastStep()) {
            return Decision.conflict("dossier.rule.completeAtLastStep");
        }
        return Decision.allow(r.to() == null ? status : r.to());
    }

    /**
     * Early, on time or late (DOMAIN.md §2.6), against the due moment in force (an apology's new one if any):
     * early when finished on a calendar date before the due date; on time on the due date and not after the due
     * moment; late otherwise, and always late when flagged (a second supplement request).
     */
    public static Outcome outcome(OffsetDateTime finishedAt, OffsetDateTime dueAt, boolean lateFlag,
                                  java.time.ZoneId zone) {
        if (lateFlag || dueAt == null) {
            return Outcome.LATE;
        }
        var finishedDate = finishedAt.atZoneSameInstant(zone).toLocalDate();
        var dueDate = dueAt.atZoneSameInstant(zone).toLocalDate();
        if (finishedDate.isBefore(dueDate)) {
            return Outcome.EARLY;
        }
        return finishedAt.isAfter(dueAt) ? Outcome.LATE : Outcome.ON_TIME;
    }

    /** The officer actions that the given parties may take now (for the "what can I do" list of a page). */
    public static List<DossierAction> available(DossierStatus status, Set<Party> parties) {
        List<DossierAction> out = new ArrayList<>();
        for (Rule r : RULES) {
            if (r.from().contains(status) && r.by().stream().anyMatch(parties::contains) && !out.contains(r.action())) {
                out.add(r.action());
            }
        }
        return out;
    }

    private static Rule rule(DossierAction a, Set<DossierStatus> from, DossierStatus to, Set<Party> by,
                             Set<Needs> needs, String basis) {
        return new Rule(a, from, to, by, needs, basis);
    }

    private static Set<Party> by(Party... parties) {
        return Set.of(parties);
    }

    private static Set<Needs> needs(Needs... needs) {
        return needs.length == 0 ? Set.of() : Set.of(needs);
    }
}
