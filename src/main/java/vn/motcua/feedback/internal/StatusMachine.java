package vn.motcua.feedback.internal;

import static vn.motcua.feedback.FeedbackAction.*;
import static vn.motcua.feedback.FeedbackStatus.*;
import static vn.motcua.feedback.internal.StatusMachine.Party.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.motcua.feedback.FeedbackAction;
import vn.motcua.feedback.FeedbackStatus;

/**
 * The status machine of a feedback item, in one table: the action, the statuses it may start from, where it
 * leads, who may take it and whether a note (reason, answer) is required. Decree 20/2008 Art. 9 (receive,
 * classify: not accepted / forward / within competence), DVCQG PAKN (DOMAIN.md §8.2: supplement, chờ công khai,
 * đã công khai, từ chối tiếp nhận), the province's 1022 desk (a leader approves before publication).
 */
public final class StatusMachine {

    /** Who takes an action. */
    public enum Party {
        /** the receiving desk (tổ tiếp nhận 1022 / bộ phận một cửa): an officer with the RECEPTION role */
        DESK,
        /** a specialist of the agency the item was routed to */
        AGENCY_SPECIALIST,
        /** a leader of the agency the item was routed to */
        AGENCY_LEADER,
        /** the person who sent it */
        SENDER
    }

    /** One row of the table. */
    public record Rule(FeedbackAction action, Set<FeedbackStatus> from, FeedbackStatus to, Party by,
                       boolean noteRequired) {
    }

    private static Rule rule(FeedbackAction a, Set<FeedbackStatus> from, FeedbackStatus to, Party by, boolean note) {
        return new Rule(a, from, to, by, note);
    }

    //                 action              from                                     to                    by                 note
    static final List<Rule> TABLE = List.of(
            rule(CLASSIFY,           EnumSet.of(RECEIVED, RAISED_AGAIN),     CLASSIFIED,           DESK,              false),
            rule(MARK_SPAM,          EnumSet.of(RECEIVED, RAISED_AGAIN),     SPAM,                 DESK,              false),
            rule(REFUSE,             EnumSet.of(RECEIVED, RAISED_AGAIN),     NOT_ACCEPTED,         DESK,              true),
            rule(REQUEST_SUPPLEMENT, EnumSet.of(CLASSIFIED),                 SUPPLEMENT_REQUESTED, DESK,              true),
            rule(SUPPLEMENT,         EnumSet.of(SUPPLEMENT_REQUESTED),       CLASSIFIED,           SENDER,            true),
            rule(ROUTE,              EnumSet.of(CLASSIFIED),                 ROUTED,               DESK,              false),
            rule(ANSWER,             EnumSet.of(ROUTED),                     ANSWERED,             AGENCY_SPECIALIST, true),
            rule(RETURN_ANSWER,      EnumSet.of(ANSWERED),                   ROUTED,               AGENCY_LEADER,     true),
            rule(APPROVE,            EnumSet.of(ANSWERED),                   APPROVED,             AGENCY_LEADER,     false),
            rule(PUBLISH,            EnumSet.of(APPROVED),                   PUBLISHED,            DESK,              false),
            rule(RAISE_AGAIN,        EnumSet.of(PUBLISHED, NOT_ACCEPTED),    RAISED_AGAIN,         SENDER,            true));

    private StatusMachine() {
    }

    public static Rule rule(FeedbackAction action) {
        return TABLE.stream().filter(r -> r.action() == action).findFirst().orElseThrow();
    }

    /** Where {@code action} leads from {@code status}, or empty when it is not allowed there. */
    public static Optional<FeedbackStatus> next(FeedbackStatus status, FeedbackAction action) {
        Rule r = rule(action);
        return r.from().contains(status) ? Optional.of(r.to()) : Optional.empty();
    }

    /** The actions a party may take now, in table order (what pages offer). */
    public static List<FeedbackAction> allowed(FeedbackStatus status, Party party) {
        return TABLE.stream().filter(r -> r.by() == party && r.from().contains(status)).map(Rule::action).toList();
    }
}
