package vn.motcua.dossier.internal.generate;

/** A batch of rows in PostgreSQL COPY text format, for the dossier tables and the daily code counters. */
final class Rows {

    static final String DOSSIER_COLUMNS = "id, code, procedure_code, procedure_version, procedure_name, agency_code, "
            + "province_code, district_code, commune_code, level, channel, status, applicant, applicant_name, "
            + "applicant_id_number, applicant_phone, form, time_amount, time_unit, submitted_at, received_at, "
            + "clock_started_at, due_at, original_due_at, paused_at, paused_remaining_min, finished_at, returned_at, "
            + "outcome, supplement_count, supplement_stage, apology_count, late_flag, assignee_name, digitised, "
            + "fee_amount, paid_at, rating, rating_comment, rated_at, created_at, updated_at";
    static final String HISTORY_COLUMNS = "dossier_id, at, actor_name, actor_role, agency_code, origin, action, "
            + "from_status, to_status, step, reason, note, due_at";
    static final String SUPPLEMENT_COLUMNS = "dossier_id, stage, requested_at, reason, items, supplied_at, note";
    static final String CODE_SEQ_COLUMNS = "agency_eid, day, last";

    final StringBuilder dossiers = new StringBuilder(1 << 20);
    final StringBuilder history = new StringBuilder(1 << 21);
    final StringBuilder supplements = new StringBuilder(1 << 16);
    final StringBuilder codeSeq = new StringBuilder(1 << 12);
    int dossierCount;
    int historyCount;
    int supplementCount;

    boolean isEmpty() {
        return dossierCount == 0 && codeSeq.isEmpty();
    }

    /** Appends one field (tab before all but the first), escaped for COPY text; null is {@code \N}. */
    static void field(StringBuilder sb, Object value, boolean first) {
        if (!first) {
            sb.append('\t');
        }
        if (value == null) {
            sb.append("\\N");
            return;
        }
        String s = value.toString();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
    }

    static void row(StringBuilder sb, Object... values) {
        for (int i = 0; i < values.length; i++) {
            field(sb, values[i], i == 0);
        }
        sb.append('\n');
    }
}
