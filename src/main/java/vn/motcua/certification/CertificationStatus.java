package vn.motcua.certification;

/** The states of a certification request (DOMAIN.md §4; the seed list of states is UNCONFIRMED as law). */
public enum CertificationStatus {
    /** Tiếp nhận: the request and the scan of the original are in. */
    TIEP_NHAN,
    /** Chờ ký: the certifier compared the copy with the original and entered the statement. */
    CHO_KY,
    /** Chờ đóng dấu: signed by the competent person, numbered in the register; the agency's seal is next. */
    CHO_DONG_DAU,
    /** Hoàn thành: the signed e-copy is issued to the applicant. */
    HOAN_THANH,
    /** Hủy: withdrawn by the applicant or cancelled. */
    HUY,
    /** Từ chối: refused on a ground of Decree 23/2015 Art. 22. */
    TU_CHOI;

    public boolean finished() {
        return this == HOAN_THANH || this == HUY || this == TU_CHOI;
    }
}
