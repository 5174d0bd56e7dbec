package vn.motcua.integration.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an administrator sees of the synchronisation: the backlog and its age, the dead letters (what the portal
 * refused or what could not be delivered in time) with "resend", the state of one dossier, and the backlog alert.
 */
@Component
public class NationalSyncState {

    private static final Log log = LogFactory.getLog(NationalSyncState.class);

    private final JdbcClient jdbc;
    private final NationalPortalProperties properties;
    private final Clock clock;
    private volatile boolean alerted;

    NationalSyncState(JdbcClient jdbc, NationalPortalProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The backlog.
     *
     * @param pending      changes waiting to be delivered
     * @param retrying     of which failed at least once
     * @param dead         changes in the dead letters
     * @param sent         changes accepted by the portal
     * @param skipped      changes not sent because no portal is configured
     * @param oldestAt     when the oldest waiting change was queued
     * @param acknowledged dossiers the portal accepted at least once
     * @param alert        the reason of the alert, null when none
     */
    public record Backlog(long pending, long retrying, long dead, long sent, long skipped, OffsetDateTime oldestAt,
                          long acknowledged, boolean configured, String alert) {
    }

    /** A change as the administrator sees it. */
    public record ChangeView(long id, String dossierCode, String action, int nationalStatus, String status,
                             int attempts, String lastError, String answer, OffsetDateTime createdAt,
                             OffsetDateTime nextAttempt, OffsetDateTime sentAt) {
    }

    /** One dossier: what the portal acknowledged, and its changes in order. */
    public record DossierView(String dossierCode, boolean knownToPortal, Integer acknowledgedStatus,
                              OffsetDateTime firstAcknowledgedAt, OffsetDateTime lastAcknowledgedAt,
                              List<ChangeView> changes) {
    }

    public Backlog backlog() {
        var counts = jdbc.sql("""
                select count(*) filter (where status = 'PENDING'),
                       count(*) filter (where status = 'PENDING' and attempts > 0),
                       count(*) filter (where status = 'DEAD'),
                       count(*) filter (where status = 'SENT'),
                       count(*) filter (where status = 'SKIPPED'),
                       min(created_at) filter (where status = 'PENDING')
                from national_sync_change""")
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getObject(6, OffsetDateTime.class)})
                .single();
        long acknowledged = jdbc.sql("select count(*) from national_sync_dossier where first_acknowledged_at is not null")
                .query(Long.class).single();
        long pending = (Long) counts[0];
        OffsetDateTime oldest = (OffsetDateTime) counts[5];
        return new Backlog(pending, (Long) counts[1], (Long) counts[2], (Long) counts[3], (Long) counts[4], oldest,
                acknowledged, properties.enabled(), alert(pending, (Long) counts[2], oldest));
    }

    /** The alert: too many changes waiting, the oldest waiting too long, or dead letters to look at. */
    String alert(long pending, long dead, OffsetDateTime oldest) {
        if (pending > properties.alertBacklog()) {
            return "backlog";
        }
        if (oldest != null && Duration.between(oldest, OffsetDateTime.now(clock)).compareTo(properties.alertAge()) > 0) {
            return "age";
        }
        return dead > 0 ? "dead" : null;
    }

    /** Logs the alert once when it is raised and once when it clears (run after each delivery round). */
    void watch() {
        Backlog b = backlog();
        if (b.alert() != null && !alerted) {
            alerted = true;
            log.error("National portal sync alert (" + b.alert() + "): " + b.pending() + " changes waiting since "
                    + b.oldestAt() + ", " + b.dead() + " in the dead letters");
        } else if (b.alert() == null && alerted) {
            alerted = false;
            log.info("National portal sync alert cleared");
        }
    }

    /** The changes waiting to be sent (retrying ones too), oldest first. */
    public List<ChangeView> queue(int limit) {
        return changes("status = 'PENDING'", null, limit);
    }

    public List<ChangeView> deadLetters(int limit) {
        return changes("status = 'DEAD'", null, limit);
    }

    public Optional<DossierView> dossier(String code) {
        List<ChangeView> changes = changes("dossier_code = :code", code, 500);
        var known = jdbc.sql("""
                select created_remote, acknowledged_status, first_acknowledged_at, last_acknowledged_at
                from national_sync_dossier where dossier_code = :c""").param("c", code)
                .query((rs, i) -> new DossierView(code, rs.getBoolean(1), (Integer) rs.getObject(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class), changes))
                .optional();
        if (known.isPresent()) {
            return known;
        }
        return changes.isEmpty() ? Optional.empty() : Optional.of(new DossierView(code, false, null, null, null, changes));
    }

    /** Puts a dead letter back at the head of its dossier's queue; false when it is not (any longer) dead. */
    public boolean resend(long changeId) {
        return jdbc.sql("""
                update national_sync_change set status = 'PENDING', attempts = 0, refusals = 0, next_attempt = :now,
                    created_at = :now
                where id = :id and status = 'DEAD'""")
                .param("now", OffsetDateTime.now(clock)).param("id", changeId).update() == 1;
    }

    private List<ChangeView> changes(String where, String code, int limit) {
        var q = jdbc.sql("""
                select id, dossier_code, action, national_status, status, attempts, last_error, answer, created_at,
                       next_attempt, sent_at
                from national_sync_change where %s order by id limit :n""".formatted(where)).param("n", limit);
        if (code != null) {
            q = q.param("code", code);
        }
        return q.query((rs, i) -> new ChangeView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class),
                rs.getObject(11, OffsetDateTime.class))).list();
    }
}
