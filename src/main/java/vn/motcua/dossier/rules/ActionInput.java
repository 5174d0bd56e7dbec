package vn.motcua.dossier.rules;

import java.time.OffsetDateTime;

/**
 * What the actor brings with an action, and when. A {@linkplain #probe probe} asks "could this action be taken
 * now, given the inputs it needs?" (the list of actions a page offers): every need counts as met and the
 * policies about an input's value wait for the real request.
 *
 * @param documents the request carries documents (result files, scans, supplied documents)
 * @param form      the request carries an eForm (a corrected one, with a supplement)
 */
public record ActionInput(OffsetDateTime now, boolean reason, boolean assignee, boolean agency,
                          boolean resultDocument, boolean documents, boolean form, OffsetDateTime newDueAt,
                          boolean probe) {

    /** Nothing but the moment. */
    public static ActionInput at(OffsetDateTime now) {
        return new ActionInput(now, false, false, false, false, false, false, null, false);
    }

    /** Every input present, values unknown: "could this be done now?". */
    public static ActionInput probe(OffsetDateTime now) {
        return new ActionInput(now, true, true, true, true, true, true, null, true);
    }

    public ActionInput withReason() {
        return new ActionInput(now, true, assignee, agency, resultDocument, documents, form, newDueAt, probe);
    }

    public ActionInput withAssignee() {
        return new ActionInput(now, reason, true, agency, resultDocument, documents, form, newDueAt, probe);
    }

    public ActionInput withAgency() {
        return new ActionInput(now, reason, assignee, true, resultDocument, documents, form, newDueAt, probe);
    }

    public ActionInput withResultDocument() {
        return new ActionInput(now, reason, assignee, agency, true, documents, form, newDueAt, probe);
    }

    public ActionInput withDocuments() {
        return new ActionInput(now, reason, assignee, agency, resultDocument, true, form, newDueAt, probe);
    }

    public ActionInput withForm() {
        return new ActionInput(now, reason, assignee, agency, resultDocument, documents, true, newDueAt, probe);
    }

    public ActionInput withNewDueAt(OffsetDateTime due) {
        return new ActionInput(now, reason, assignee, agency, resultDocument, documents, form, due, probe);
    }

    /** Whether the input carries what a line of the table needs. */
    boolean has(Needs need) {
        return switch (need) {
            case REASON -> reason;
            case ASSIGNEE -> assignee;
            case AGENCY -> agency;
            case RESULT_DOCUMENT -> resultDocument;
            case NEW_DUE_MOMENT -> probe || newDueAt != null;
            case SUPPLEMENT -> documents || form;
            case SCANS -> documents;
        };
    }
}
