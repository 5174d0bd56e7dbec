package vn.motcua.feedback;

/**
 * Where a feedback item is (the machine: {@code feedback.internal.StatusMachine}). National PAKN families
 * (DOMAIN.md §8.2): RECEIVED and RAISED_AGAIN wait for receipt; CLASSIFIED, SUPPLEMENT_REQUESTED, ROUTED and
 * ANSWERED are in progress; APPROVED (chờ công khai), PUBLISHED (đã công khai), SPAM and NOT_ACCEPTED (từ chối
 * tiếp nhận) are handled.
 */
public enum FeedbackStatus {
    /** Mới tiếp nhận */
    RECEIVED,
    /** Đã phân loại */
    CLASSIFIED,
    /** Chờ người gửi bổ sung */
    SUPPLEMENT_REQUESTED,
    /** Đã chuyển cơ quan có thẩm quyền */
    ROUTED,
    /** Cơ quan đã trả lời, chờ lãnh đạo duyệt */
    ANSWERED,
    /** Lãnh đạo đã duyệt, chờ công khai */
    APPROVED,
    /** Đã công khai */
    PUBLISHED,
    /** Rác, quấy rối */
    SPAM,
    /** Không tiếp nhận (có lý do) */
    NOT_ACCEPTED,
    /** Người gửi phản ánh lại */
    RAISED_AGAIN;

    /** Handled in the national sense: reached "chờ công khai" or later, or closed by the desk. */
    public boolean handled() {
        return this == APPROVED || this == PUBLISHED || this == SPAM || this == NOT_ACCEPTED;
    }

    /** Open311: {@code closed} once handled, {@code open} otherwise. */
    public boolean closed() {
        return handled();
    }
}
