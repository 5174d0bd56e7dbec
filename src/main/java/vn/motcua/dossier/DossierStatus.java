package vn.motcua.dossier;

/**
 * Statuses shown to citizens (Circular 22/2019/TT-BTTTT Art. 4) with the national portal's codes
 * (TrangThaiHoSo, DOMAIN.md §2.9).
 */
public enum DossierStatus {
    /** Mới đăng ký: submitted online, not yet accepted. */
    SUBMITTED(1, false),
    /** Được tiếp nhận: accepted; the statutory clock runs. */
    RECEIVED(2, false),
    /** Không được tiếp nhận: refused at reception (form 03). */
    REFUSED(3, true),
    /** Đang xử lý. */
    PROCESSING(4, false),
    /** Yêu cầu bổ sung giấy tờ: waiting for the applicant (form 02); the clock is stopped. */
    SUPPLEMENT_REQUESTED(5, false),
    /** Yêu cầu thực hiện nghĩa vụ tài chính: waiting for payment; the clock is stopped. */
    AWAITING_PAYMENT(6, false),
    /** Công dân yêu cầu rút hồ sơ. */
    WITHDRAWN(7, true),
    /** Dừng xử lý (Circular 03/2025 form 05). */
    STOPPED(8, true),
    /** Đã xử lý xong: the result is ready at the one-stop. */
    COMPLETED(9, false),
    /** Đã trả kết quả. */
    RETURNED(10, true),
    /**
     * Từ chối giải quyết: refused after appraisal ("Phiếu từ chối giải quyết hồ sơ"). The national list has no
     * code of its own for it; it is synchronised as 8 (Dừng xử lý / Từ chối), see DOMAIN.md §2.6.
     */
    REJECTED(8, true);

    private final int nationalCode;
    private final boolean terminal;

    DossierStatus(int nationalCode, boolean terminal) {
        this.nationalCode = nationalCode;
        this.terminal = terminal;
    }

    /** TrangThaiHoSo sent to the national portal. */
    public int nationalCode() {
        return nationalCode;
    }

    /** No action can follow. */
    public boolean terminal() {
        return terminal;
    }

    /** The statutory clock is stopped while the dossier waits for the applicant. */
    public boolean clockStopped() {
        return this == SUPPLEMENT_REQUESTED || this == AWAITING_PAYMENT;
    }
}
