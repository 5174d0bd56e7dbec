package vn.motcua.feedback;

/** What the feedback is about (DVCQG classification, 766 indicator 5.1). */
public enum FeedbackCategory {
    /** về quy định hành chính, thủ tục hành chính, chính sách */
    REGULATION,
    /** về hành vi, thái độ của cán bộ, công chức, viên chức */
    CONDUCT
}
