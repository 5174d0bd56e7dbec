package vn.motcua.dossier;

/** Everything that can happen to a dossier. Officers' actions go through the actions endpoint. */
public enum DossierAction {
    /** nộp trực tuyến (applicant) */
    SUBMIT,
    /** tiếp nhận trực tiếp / qua bưu chính (reception, at the counter) */
    RECEIVE,
    /** tiếp nhận hồ sơ trực tuyến */
    ACCEPT,
    /** từ chối tiếp nhận (form 03) */
    REFUSE,
    /** yêu cầu bổ sung, hoàn thiện hồ sơ (form 02) */
    REQUEST_SUPPLEMENT,
    /** nộp bổ sung: the applicant online, or the one-stop for papers brought to the counter */
    SUPPLY,
    /** phân công cán bộ */
    ASSIGN,
    /** chuyển bước xử lý, or to another agency */
    FORWARD,
    /** xin ý kiến cơ quan khác */
    CONSULT,
    /** trả lời xin ý kiến */
    ANSWER_CONSULTATION,
    /** từ chối giải quyết */
    REJECT,
    /** xin lỗi và hẹn lại ngày trả kết quả (form 04) */
    APOLOGIZE,
    /** yêu cầu thực hiện nghĩa vụ tài chính */
    REQUEST_PAYMENT,
    /** xác nhận đã nộp phí, lệ phí */
    CONFIRM_PAYMENT,
    /** miễn, giảm phí, lệ phí */
    WAIVE_PAYMENT,
    /** đã xử lý xong, with the result */
    COMPLETE,
    /** đã trả kết quả */
    RETURN_RESULT,
    /** dừng xử lý */
    STOP,
    /** rút hồ sơ: the applicant, or the one-stop for a written request at the counter */
    WITHDRAW,
    /** đánh giá mức độ hài lòng (applicant, once, after the result is returned) */
    RATE,
    /** bàn giao: a reorganisation of units hands an unfinished dossier over to the successor agency */
    HAND_OVER
}
