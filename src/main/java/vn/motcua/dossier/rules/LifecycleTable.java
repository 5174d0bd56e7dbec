package vn.motcua.dossier.rules;

import static vn.motcua.dossier.DossierAction.*;
import static vn.motcua.dossier.DossierStatus.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierStatus;

/**
 * The lifecycle of a dossier (Decree 61/2018 Art. 15–20, Circular 01/2018, DOMAIN.md §2.9), read top to bottom:
 * action, the statuses it may be taken in, where it leads, who may take it, what it needs, and why. What the table
 * cannot say (once only, no later than, only for paper dossiers, ...) is a named policy in {@link Policies}.
 */
public final class LifecycleTable {

    private LifecycleTable() {
    }

    private static final Set<DossierStatus> OPEN_AFTER_ACCEPTANCE =
            EnumSet.of(RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED, AWAITING_PAYMENT);
    private static final Set<DossierStatus> NOT_FINISHED =
            EnumSet.of(SUBMITTED, RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED, AWAITING_PAYMENT);

    /** The table. */
    public static final List<Transition> TRANSITIONS = List.of(
            line(SUBMIT, none(), to(SUBMITTED), by(Party.APPLICANT), needs(),
                    "Decree 61/2018 Art. 16: online submission; the dossier gets its code at once"),
            line(RECEIVE, none(), to(RECEIVED), by(Party.RECEPTION), needs(),
                    "Art. 15(2)(c), form 01: counter or postal intake of a complete dossier; the clock starts"),
            line(ACCEPT, of(SUBMITTED), to(RECEIVED), by(Party.RECEPTION), needs(),
                    "Art. 15(2)(c), form 01: an online dossier is accepted; the clock starts"),
            line(REFUSE, of(SUBMITTED, SUPPLEMENT_REQUESTED), to(REFUSED), by(Party.RECEPTION), needs(Needs.REASON),
                    "Art. 15(2)(b), form 03: refused at reception, with the reason"),
            line(REQUEST_SUPPLEMENT, of(SUBMITTED), to(SUPPLEMENT_REQUESTED), by(Party.RECEPTION),
                    needs(Needs.REASON), "Art. 15(2)(a), form 02: guide once, completely"),
            line(REQUEST_SUPPLEMENT, of(PROCESSING), to(SUPPLEMENT_REQUESTED), by(Party.STEP_OWNER),
                    needs(Needs.REASON), "Art. 19(3), form 02: during appraisal; the clock stops"),
            line(SUPPLY, of(SUPPLEMENT_REQUESTED), afterSupplement(), by(Party.APPLICANT), needs(Needs.SUPPLEMENT),
                    "Art. 19(3): the applicant supplies; after appraisal the time restarts from zero"),
            line(SUPPLY, of(SUPPLEMENT_REQUESTED), afterSupplement(), by(Party.RECEPTION), needs(Needs.SCANS),
                    "Art. 15(1), 19(3): the one-stop records the papers brought to the counter, scanned"),
            line(FORWARD, of(RECEIVED), to(PROCESSING), by(Party.RECEPTION), needs(),
                    "Art. 18: transfer for processing"),
            line(FORWARD, of(PROCESSING), to(PROCESSING), by(Party.STEP_OWNER), needs(),
                    "Art. 19: the next step, or another agency (liên thông)"),
            line(ASSIGN, of(RECEIVED, PROCESSING), unchanged(), by(Party.LEADER, Party.STEP_OWNER),
                    needs(Needs.ASSIGNEE), "Art. 19(1): the head assigns an officer"),
            line(CONSULT, of(PROCESSING), unchanged(), by(Party.STEP_OWNER), needs(Needs.AGENCY, Needs.REASON),
                    "Art. 19(4): consultation of another agency, with its own deadline"),
            line(ANSWER_CONSULTATION, of(PROCESSING, SUPPLEMENT_REQUESTED, AWAITING_PAYMENT), unchanged(),
                    by(Party.CONSULTED), needs(Needs.REASON), "Art. 19(4): the consulted agency answers"),
            line(REQUEST_PAYMENT, of(PROCESSING), to(AWAITING_PAYMENT), by(Party.STEP_OWNER), needs(),
                    "Art. 22: a financial obligation; the clock stops until paid or waived"),
            line(CONFIRM_PAYMENT, of(AWAITING_PAYMENT), to(PROCESSING), by(Party.RECEPTION, Party.STEP_OWNER,
                    Party.PAYMENT_PLATFORM), needs(), "Art. 22: paid; the clock runs again with the time left"),
            line(WAIVE_PAYMENT, of(AWAITING_PAYMENT), to(PROCESSING), by(Party.LEADER), needs(Needs.REASON),
                    "exempted or reduced to nothing; the clock runs again with the time that was left"),
            line(APOLOGIZE, OPEN_AFTER_ACCEPTANCE, unchanged(), by(Party.LEADER, Party.SPECIALIST),
                    needs(Needs.REASON, Needs.NEW_DUE_MOMENT),
                    "Art. 19(9), form 04: apology and a new appointment; the original due moment is kept"),
            line(REJECT, of(PROCESSING), to(REJECTED), by(Party.LEADER), needs(Needs.REASON),
                    "Art. 19(8): Phiếu từ chối giải quyết hồ sơ"),
            line(COMPLETE, of(PROCESSING), to(COMPLETED), by(Party.STEP_OWNER), needs(Needs.RESULT_DOCUMENT),
                    "Art. 19: the last processing step approves and signs the result"),
            line(RETURN_RESULT, of(COMPLETED), to(RETURNED), by(Party.RECEPTION), needs(),
                    "Art. 20: the result is returned"),
            line(STOP, OPEN_AFTER_ACCEPTANCE, to(STOPPED), by(Party.LEADER), needs(Needs.REASON),
                    "dừng xử lý (Circular 03/2025 form 05)"),
            line(WITHDRAW, NOT_FINISHED, to(WITHDRAWN), by(Party.APPLICANT), needs(),
                    "status 7: the applicant withdraws while the dossier is not finished"),
            line(WITHDRAW, NOT_FINISHED, to(WITHDRAWN), by(Party.RECEPTION), needs(Needs.SCANS),
                    "status 7: a withdrawal requested in writing at the counter, the request scanned"),
            line(RATE, of(RETURNED), unchanged(), by(Party.APPLICANT), needs(),
                    "Decree 61/2018 Art. 31, Circular 01/2018 Art. 12: the applicant rates the handling"),
            line(CONFIRM_PAYMENT, of(SUBMITTED, RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED), unchanged(),
                    by(Party.PAYMENT_PLATFORM), needs(),
                    "Art. 22, Decree 224/2026 Art. 15.1.đ: the fee paid with the application, before any request"),
            line(HAND_OVER, NOT_FINISHED, unchanged(), by(Party.ADMINISTRATOR), needs(Needs.AGENCY, Needs.REASON),
                    "Law 72/2025/QH15, NQ 1662/NQ-UBTVQH15: an unfinished dossier continues at the successor agency"));

    /** The lines for an action in a status (several when different parties need different things). */
    public static List<Transition> lines(DossierAction action, DossierStatus status) {
        return TRANSITIONS.stream().filter(t -> t.action() == action && t.from().contains(status)).toList();
    }

    /** The line that creates a dossier by this action. */
    public static Transition creating(DossierAction action) {
        return TRANSITIONS.stream().filter(t -> t.action() == action && t.creates()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(action + " does not create a dossier"));
    }

    private static Transition line(DossierAction action, Set<DossierStatus> from, Target to, Set<Party> by,
                                   Set<Needs> needs, String basis) {
        return new Transition(action, from, to, by, needs, basis);
    }

    private static Set<DossierStatus> none() {
        return Set.of();
    }

    private static Set<DossierStatus> of(DossierStatus first, DossierStatus... rest) {
        return EnumSet.of(first, rest);
    }

    private static Target to(DossierStatus status) {
        return new Target.To(status);
    }

    private static Target unchanged() {
        return new Target.Unchanged();
    }

    private static Target afterSupplement() {
        return new Target.AfterSupplement();
    }

    private static Set<Party> by(Party... parties) {
        return Set.of(parties);
    }

    private static Set<Needs> needs(Needs... needs) {
        return needs.length == 0 ? Set.of() : Set.of(needs);
    }
}
