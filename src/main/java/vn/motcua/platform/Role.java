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
    /** quản trị */
    ADMIN;

    public boolean isOfficer() {
        return this == RECEPTION || this == SPECIALIST || this == LEADER;
    }
}
