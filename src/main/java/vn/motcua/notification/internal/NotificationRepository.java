package vn.motcua.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.notification.NotificationChannel;

/** The {@code notification} table. */
@Repository
public class NotificationRepository {

    private static final int MAX_ERROR = 2000;
    private final JdbcClient jdbc;

    public NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A message to store. In-app messages are delivered by being stored (status SENT); the others wait for
     * the delivery task (PENDING).
     *
     * @param sourceEventId the outbox event behind it: the same event never stores the same message twice
     */
    public record NewNotification(Long accountId, NotificationChannel channel, String recipient, String subject,
                                  String body, String dossierCode, String event, Long sourceEventId) {
    }

    /** A message in someone's in-app list. */
    public record InboxItem(long id, String subject, String body, String dossierCode, String event,
                            OffsetDateTime createdAt, OffsetDateTime readAt) {
        public boolean read() {
            return readAt != null;
        }
    }

    /** A message claimed for delivery. */
    public record Pending(long id, Long accountId, NotificationChannel channel, String recipient, String subject,
                          String body, String dossierCode, String event, int attempts) {
    }

    /** Stores a message; false when the same event already gave this message to this recipient. */
    public boolean insert(NewNotification n) {
        boolean inApp = n.channel() == NotificationChannel.IN_APP;
        return jdbc.sql("""
                insert into notification (account_id, channel, recipient, subject, body, dossier_code, event, status,
                                          sent_at, source_event_id)
                values (:accountId, :channel, :recipient, :subject, :body, :dossierCode, :event, :status,
                        case when :inApp then now() end, :sourceEventId)
                on conflict (source_event_id, channel, recipient) where source_event_id is not null do nothing""")
                .param("accountId", n.accountId())
                .param("channel", n.channel().name())
                .param("recipient", n.recipient())
                .param("subject", n.subject())
                .param("body", n.body())
                .param("dossierCode", n.dossierCode())
                .param("event", n.event())
                .param("status", inApp ? "SENT" : "PENDING")
                .param("inApp", inApp)
                .param("sourceEventId", n.sourceEventId())
                .update() == 1;
    }

    // ---- in-app list ----

    public List<InboxItem> inbox(long accountId, int page, int size) {
        return jdbc.sql("""
                select id, subject, body, dossier_code, event, created_at, read_at from notification
                where account_id = :a and channel = 'IN_APP'
                order by created_at desc, id desc limit :size offset :offset""")
                .param("a", accountId).param("size", size).param("offset", (long) page * size)
                .query((rs, i) -> new InboxItem(rs.getLong("id"), rs.getString("subject"), rs.getString("body"),
                        rs.getString("dossier_code"), rs.getString("event"), time(rs, "created_at"),
                        time(rs, "read_at")))
                .list();
    }

    public long inboxTotal(long accountId) {
        return jdbc.sql("select count(*) from notification where account_id = :a and channel = 'IN_APP'")
                .param("a", accountId).query(Long.class).single();
    }

    public long unread(long accountId) {
        return jdbc.sql("""
                select count(*) from notification where account_id = :a and channel = 'IN_APP' and read_at is null""")
                .param("a", accountId).query(Long.class).single();
    }

    /** Marks one of the account's messages read (again: no change); false when it is not theirs. */
    public boolean markRead(long accountId, long id) {
        jdbc.sql("""
                update notification set read_at = now()
                where id = :id and account_id = :a and channel = 'IN_APP' and read_at is null""")
                .param("id", id).param("a", accountId).update();
        return jdbc.sql("select count(*) from notification where id = :id and account_id = :a and channel = 'IN_APP'")
                .param("id", id).param("a", accountId).query(Long.class).single() == 1;
    }

    public int markAllRead(long accountId) {
        return jdbc.sql("""
                update notification set read_at = now()
                where account_id = :a and channel = 'IN_APP' and read_at is null""")
                .param("a", accountId).update();
    }

    // ---- delivery ----

    /**
     * Reserves up to {@code limit} due messages for {@code lease} (another node, or a later round, skips them
     * meanwhile) and returns them. A node that dies while sending leaves them due again when the lease ends.
     */
    public List<Pending> claim(int limit, Duration lease) {
        return jdbc.sql("""
                update notification n set next_attempt_at = now() + make_interval(secs => :lease)
                where n.id in (select id from notification
                               where status = 'PENDING' and next_attempt_at <= now()
                               order by next_attempt_at, id limit :limit for update skip locked)
                returning n.id, n.account_id, n.channel, n.recipient, n.subject, n.body, n.dossier_code, n.event,
                          n.attempts""")
                .param("lease", (double) lease.toMillis() / 1000).param("limit", limit)
                .query(this::mapPending).list();
    }

    /** One message still waiting, whatever its next attempt time. */
    public Optional<Pending> pending(long id) {
        return jdbc.sql("""
                select id, account_id, channel, recipient, subject, body, dossier_code, event, attempts
                from notification where id = :id and status = 'PENDING'""")
                .param("id", id).query(this::mapPending).optional();
    }

    public void sent(long id) {
        jdbc.sql("""
                update notification set status = 'SENT', attempts = attempts + 1, sent_at = now(), last_error = null
                where id = :id""").param("id", id).update();
    }

    public void skipped(long id, String why) {
        jdbc.sql("update notification set status = 'SKIPPED', last_error = :why where id = :id")
                .param("id", id).param("why", why).update();
    }

    /** A failed attempt: PENDING again after {@code retryIn}, or FAILED for good when {@code giveUp}. */
    public void failed(long id, String error, boolean giveUp, Duration retryIn) {
        jdbc.sql("""
                update notification set attempts = attempts + 1, last_error = :error,
                       status = case when :giveUp then 'FAILED' else 'PENDING' end,
                       next_attempt_at = now() + make_interval(secs => :retry)
                where id = :id""")
                .param("id", id)
                .param("error", error == null ? "" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error)
                .param("giveUp", giveUp)
                .param("retry", (double) retryIn.toMillis() / 1000)
                .update();
    }

    private Pending mapPending(ResultSet rs, int i) throws SQLException {
        long account = rs.getLong("account_id");
        return new Pending(rs.getLong("id"), rs.wasNull() ? null : account,
                NotificationChannel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body"), rs.getString("dossier_code"), rs.getString("event"),
                rs.getInt("attempts"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
