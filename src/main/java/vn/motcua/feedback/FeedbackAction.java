package vn.motcua.feedback;

/** What someone does to a feedback item; which status it moves to is the machine's business. */
public enum FeedbackAction {
    CLASSIFY, MARK_SPAM, REFUSE, REQUEST_SUPPLEMENT, SUPPLEMENT, ROUTE, ANSWER, RETURN_ANSWER, APPROVE, PUBLISH,
    RAISE_AGAIN
}
