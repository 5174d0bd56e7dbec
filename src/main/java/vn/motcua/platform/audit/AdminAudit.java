package vn.motcua.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.Actor;

/**
 * The audit log of administrative changes (accounts, agencies, procedures, reorganisations, electronic processes,
 * holiday schedules of the working calendar): who, when, what was
 * changed, the state before and after as JSON. Writers call {@link #record} inside their transaction, so a
 * refused change leaves no line. Lines are never updated or deleted.
 */
@Service
public class AdminAudit {

    /** What was changed. */
    public enum Subject { ACCOUNT, AGENCY, PROCEDURE, REORGANISATION, UNIT, PROCESS, CALENDAR }

    /** One audit line as read back. {@code before}/{@code after} are null for a creation/removal. */
    public record Entry(long id, Instant at, String actor, Subject subject, String key, String action,
                        String agencyCode, JsonNode before, JsonNode after) {

        /** The top-level fields that differ between before and after (all of after for a creation). */
        public List<Change> changes() {
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            if (before != null && before.isObject()) {
                names.addAll(before.propertyNames());
            }
            if (after != null && after.isObject()) {
                names.addAll(after.propertyNames());
            }
            List<Change> out = new java.util.ArrayList<>();
            for (String n : names) {
                String b = text(before == null ? null : before.get(n));
                String a = text(after == null ? null : after.get(n));
                if (!java.util.Objects.equals(a, b)) {
                    out.add(new Change(n, b, a));
                }
            }
            return out;
        }

        private static String text(JsonNode n) {
            if (n == null || n.isNull()) {
                return null;
            }
            return n.isValueNode() ? n.asString() : n.toString();
        }
    }

    /** One changed field of an entry. */
    public record Change(String field, String before, String after) {
    }

    /** A filter; nulls mean any. {@code agencyCode} restricts to one agency's lines (agency administrators). */
    public record Query(Subject subject, String key, String agencyCode, int limit) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AdminAudit(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records a change. {@code before} and {@code after} are typed records (or null), written as JSON.
     *
     * @param agencyCode the agency the change belongs to (null for province-wide things)
     */
    public void record(Actor actor, Subject subject, String key, String action, String agencyCode, Object before,
                       Object after) {
        jdbc.sql("""
                insert into admin_audit (at, actor_id, actor_username, subject, subject_key, action, agency_code,
                                         before, after)
                values (:at, :aid, :actor, :subject, :key, :action, :agency, cast(:before as jsonb),
                        cast(:after as jsonb))""")
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("aid", actor.accountId() == 0 ? null : actor.accountId())
                .param("actor", actor.username()).param("subject", subject.name()).param("key", key)
                .param("action", action).param("agency", agencyCode)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .update();
    }

    /** The newest lines first. */
    public List<Entry> list(Query q) {
        int limit = q.limit() <= 0 || q.limit() > 500 ? 100 : q.limit();
        return jdbc.sql("""
                select id, at, actor_username, subject, subject_key, action, agency_code, before::text as b,
                       after::text as a
                from admin_audit
                where (cast(:subject as text) is null or subject = :subject)
                  and (cast(:key as text) is null or subject_key = :key)
                  and (cast(:agency as text) is null or agency_code = :agency)
                order by at desc, id desc limit :limit""")
                .param("subject", q.subject() == null ? null : q.subject().name()).param("key", q.key())
                .param("agency", q.agencyCode()).param("limit", limit)
                .query((rs, i) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor_username"), Subject.valueOf(rs.getString("subject")),
                        rs.getString("subject_key"), rs.getString("action"), rs.getString("agency_code"),
                        rs.getString("b") == null ? null : json.readTree(rs.getString("b")),
                        rs.getString("a") == null ? null : json.readTree(rs.getString("a"))))
                .list();
    }
}
