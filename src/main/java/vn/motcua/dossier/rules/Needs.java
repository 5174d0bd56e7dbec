package vn.motcua.dossier.rules;

/** What an action must carry; a missing one is a 400 naming {@link #field()}. */
public enum Needs {
    /** lý do */
    REASON("reason", "dossier.rule.reasonRequired"),
    /** the officer to assign */
    ASSIGNEE("assignee", "dossier.rule.assigneeRequired"),
    /** the other agency */
    AGENCY("agencyCode", "dossier.rule.agencyRequired"),
    /** at least one result document (uploaded or generated) */
    RESULT_DOCUMENT("attachments", "dossier.rule.resultRequired"),
    /** the new appointment (hẹn lại) */
    NEW_DUE_MOMENT("newDueAt", "dossier.rule.newDueRequired"),
    /** what the applicant supplies: documents or a corrected eForm */
    SUPPLEMENT("attachments", "dossier.supply.nothing"),
    /** scans of the papers brought to the counter (a paper supplement, a written withdrawal request) */
    SCANS("attachments", "dossier.rule.scansRequired");

    private final String field;
    private final String messageKey;

    Needs(String field, String messageKey) {
        this.field = field;
        this.messageKey = messageKey;
    }

    /** The request field that is missing. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
