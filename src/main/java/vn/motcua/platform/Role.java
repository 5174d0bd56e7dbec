package vn.motcua.platform;

/** What an account may do. Officers act within one agency; citizens only on their own dossiers. */
public enum Role {
    /** người dân, doanh nghiệp */
    CITIZEN,
    /** cán bộ một cửa: receives, hands back results */
    RECEPTION,
    /** chuyên viên: appraises, drafts the result */
    SPECIALIST,
    /** lãnh đạo: approves and signs */
    LEADER,
    /** quản trị tỉnh: the province administrator */
    ADMIN,
    /** quản trị cơ quan: manages the staff of one agency only */
    AGENCY_ADMIN,
    /** kế toán: sees transactions, refunds and reconciliation of one agency */
    ACCOUNTANT,
    /** cán bộ chứng thực: compares originals and certifies copies */
    CERTIFIER,
    /** giám sát vận hành: reads metrics and drill-downs, changes nothing */
    MONITORING;

    public boolean isOfficer() {
        return this == RECEPTION || this == SPECIALIST || this == LEADER;
    }
}
