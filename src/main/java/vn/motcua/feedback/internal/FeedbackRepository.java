package vn.motcua.feedback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.feedback.FeedbackCategory;
import vn.motcua.feedback.FeedbackChannel;
import vn.motcua.feedback.FeedbackStatus;

/** The tables {@code feedback}, {@code feedback_photo}, {@code feedback_event}. */
@Repository
public class FeedbackRepository {

    private final JdbcClient jdbc;

    public FeedbackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new item, as validated. */
    public record NewItem(String code, FeedbackChannel channel, FeedbackCategory category, String title,
                          String content, String senderName, String senderPhone, String senderEmail, Long accountId,
                          String address, Double lat, Double lon, String dossierCode, String serviceCode,
                          OffsetDateTime receivedAt, SlaRules.PaknDeadlines deadlines, String open311Token,
                          String mediaUrl) {
    }

    /** One history line. */
    public record Event(long id, OffsetDateTime at, String action, String fromStatus, String toStatus,
                        String actorName, String note) {
    }

    public long nextSequence() {
        return jdbc.sql("select nextval('feedback_code_seq')").query(Long.class).single();
    }

    public long insert(NewItem n) {
        return jdbc.sql("""
                insert into feedback (code, channel, category, status, title, content, sender_name, sender_phone,
                    sender_email, account_id, address, lat, lon, dossier_code, service_code, received_at,
                    clock_start_at, refuse_due_at, supplement_due_at, handled_due_at, open311_token, media_url,
                    created_at, updated_at)
                values (:code, :channel, :category, 'RECEIVED', :title, :content, :name, :phone, :email, :account,
                    :address, :lat, :lon, :dossier, :service, :received, :start, :refuseDue, :supplementDue,
                    :handledDue, :token, :media, :received, :received)
                returning id""")
                .param("code", n.code()).param("channel", n.channel().name()).param("category", n.category().name())
                .param("title", n.title()).param("content", n.content()).param("name", n.senderName())
                .param("phone", n.senderPhone()).param("email", n.senderEmail()).param("account", n.accountId())
                .param("address", n.address()).param("lat", n.lat()).param("lon", n.lon())
                .param("dossier", n.dossierCode()).param("service", n.serviceCode())
                .param("received", n.receivedAt()).param("start", n.deadlines().clockStart())
                .param("refuseDue", n.deadlines().refuseDue()).param("supplementDue", n.deadlines().supplementDue())
                .param("handledDue", n.deadlines().handledDue()).param("token", n.open311Token()).param("media", n.mediaUrl())
                .query(Long.class).single();
    }

    public void addPhoto(long feedbackId, int position, UUID fileId) {
        jdbc.sql("insert into feedback_photo (feedback_id, position, file_id) values (?, ?, ?)")
                .params(feedbackId, position, fileId).update();
    }

    public List<UUID> photos(long feedbackId) {
        return jdbc.sql("select file_id from feedback_photo where feedback_id = ? order by position")
                .param(feedbackId).query(UUID.class).list();
    }

    public void event(long feedbackId, OffsetDateTime at, String action, FeedbackStatus from, FeedbackStatus to,
                      Long actorId, String actorName, String note) {
        jdbc.sql("""
                insert into feedback_event (feedback_id, at, action, from_status, to_status, actor_id, actor_name, note)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(feedbackId, at, action, from == null ? null : from.name(), to.name(), actorId, actorName, note)
                .update();
    }

    public List<Event> events(long feedbackId) {
        return jdbc.sql("""
                select id, at, action, from_status, to_status, actor_name, note from feedback_event
                where feedback_id = ? order by id""").param(feedbackId)
                .query((rs, i) -> new Event(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))).list();
    }

    public Optional<FeedbackItem> byCode(String code) {
        return jdbc.sql("select * from feedback where code = ?").param(code).query(FeedbackRepository::map).optional();
    }

    public Optional<FeedbackItem> byId(long id) {
        return jdbc.sql("select * from feedback where id = ?").param(id).query(FeedbackRepository::map).optional();
    }

    public Optional<FeedbackItem> byToken(String token) {
        return jdbc.sql("select * from feedback where open311_token = ?").param(token)
                .query(FeedbackRepository::map).optional();
    }

    /** The desk's and agencies' queue: filtered by status and/or agency, newest first. */
    public List<FeedbackItem> queue(List<FeedbackStatus> statuses, String agencyCode, int limit, int offset) {
        return jdbc.sql("""
                select * from feedback
                where (cardinality(cast(:statuses as text[])) = 0 or status = any(cast(:statuses as text[])))
                  and (cast(:agency as text) is null or agency_code = :agency)
                order by received_at desc, id desc limit :limit offset :offset""")
                .param("statuses", statuses.stream().map(Enum::name).toArray(String[]::new))
                .param("agency", agencyCode).param("limit", limit).param("offset", offset)
                .query(FeedbackRepository::map).list();
    }

    public List<FeedbackItem> byAccount(long accountId) {
        return jdbc.sql("select * from feedback where account_id = ? order by received_at desc, id desc limit 200")
                .param(accountId).query(FeedbackRepository::map).list();
    }

    /** Open311 GET requests: filtered, newest first, at most {@code limit}. */
    public List<FeedbackItem> search(List<String> codes, List<String> serviceCodes, OffsetDateTime from,
                                     OffsetDateTime to, Boolean closed, int limit) {
        return jdbc.sql("""
                select * from feedback
                where status <> 'SPAM'
                  and (cardinality(cast(:codes as text[])) = 0 or code = any(cast(:codes as text[])))
                  and (cardinality(cast(:codes as text[])) > 0 or (
                        (cardinality(cast(:services as text[])) = 0 or service_code = any(cast(:services as text[])))
                    and received_at >= :from and received_at <= :to
                    and (cast(:closed as boolean) is null
                         or (status in ('APPROVED', 'PUBLISHED', 'NOT_ACCEPTED')) = cast(:closed as boolean))))
                order by received_at desc, id desc limit :limit""")
                .param("codes", codes.toArray(String[]::new)).param("services", serviceCodes.toArray(String[]::new))
                .param("from", from).param("to", to).param("closed", closed).param("limit", limit)
                .query(FeedbackRepository::map).list();
    }

    /** The change of one transition; null fields stay as they are. */
    public record Change(FeedbackStatus status, FeedbackCategory category, String agencyCode, String answer,
                         String answeredBy, String approvedBy, String reason, OffsetDateTime routedAt,
                         OffsetDateTime specialistDueAt, OffsetDateTime leaderDueAt, OffsetDateTime handledAt,
                         Boolean handledLate, OffsetDateTime publishDueAt, OffsetDateTime publishedAt,
                         SlaRules.PaknDeadlines restart, boolean clearHandling, boolean specialistLate,
                         boolean leaderLate) {
    }

    /** Applies a change if the row is still at {@code version}; false when someone changed it first. */
    public boolean update(long id, int version, Change c, OffsetDateTime now) {
        var restart = c.restart();
        return jdbc.sql("""
                update feedback set
                    status = :status,
                    category = coalesce(:category, category),
                    agency_code = case when :clear then null else coalesce(:agency, agency_code) end,
                    answer = case when :clear then null else coalesce(:answer, answer) end,
                    answered_by = case when :clear then null else coalesce(:answeredBy, answered_by) end,
                    approved_by = case when :clear then null else coalesce(:approvedBy, approved_by) end,
                    reason = coalesce(:reason, reason),
                    routed_at = case when :clear then null else coalesce(:routedAt, routed_at) end,
                    specialist_due_at = case when :clear then null else coalesce(:specialistDue, specialist_due_at) end,
                    leader_due_at = case when :clear then null else coalesce(:leaderDue, leader_due_at) end,
                    specialist_overdue_at = case when :clear then null
                        when :specialistLate then coalesce(specialist_overdue_at, specialist_due_at)
                        else specialist_overdue_at end,
                    leader_overdue_at = case when :clear then null
                        when :leaderLate then coalesce(leader_overdue_at, leader_due_at) else leader_overdue_at end,
                    handled_at = case when :clear then null else coalesce(:handledAt, handled_at) end,
                    handled_late = case when :clear then false else coalesce(:handledLate, handled_late) end,
                    publish_due_at = case when :clear then null else coalesce(:publishDue, publish_due_at) end,
                    published_at = case when :clear then null else coalesce(:publishedAt, published_at) end,
                    rating = case when :clear then null else rating end,
                    rated_at = case when :clear then null else rated_at end,
                    raised_count = raised_count + case when :clear then 1 else 0 end,
                    clock_start_at = coalesce(:start, clock_start_at),
                    refuse_due_at = coalesce(:refuseDue, refuse_due_at),
                    supplement_due_at = coalesce(:supplementDue, supplement_due_at),
                    handled_due_at = coalesce(:handledDue, handled_due_at),
                    version = version + 1,
                    updated_at = :now
                where id = :id and version = :version""")
                .param("status", c.status().name())
                .param("category", c.category() == null ? null : c.category().name())
                .param("agency", c.agencyCode()).param("answer", c.answer()).param("answeredBy", c.answeredBy())
                .param("approvedBy", c.approvedBy()).param("reason", c.reason()).param("routedAt", c.routedAt())
                .param("specialistDue", c.specialistDueAt()).param("leaderDue", c.leaderDueAt())
                .param("handledAt", c.handledAt()).param("handledLate", c.handledLate())
                .param("publishDue", c.publishDueAt()).param("publishedAt", c.publishedAt())
                .param("clear", c.clearHandling())
                .param("specialistLate", c.specialistLate()).param("leaderLate", c.leaderLate())
                .param("start", restart == null ? null : restart.clockStart())
                .param("refuseDue", restart == null ? null : restart.refuseDue())
                .param("supplementDue", restart == null ? null : restart.supplementDue())
                .param("handledDue", restart == null ? null : restart.handledDue())
                .param("now", now).param("id", id).param("version", version)
                .update() == 1;
    }

    /** Records the sender's rating once the answer is published. */
    public boolean rate(long id, int version, String rating, OffsetDateTime now) {
        return jdbc.sql("""
                update feedback set rating = ?, rated_at = ?, version = version + 1, updated_at = ?
                where id = ? and version = ? and status = 'PUBLISHED'""")
                .params(rating, now, now, id, version).update() == 1;
    }

    /** The SLA watch: routed items past the specialist level, newly escalated to the leader level. */
    public List<FeedbackItem> escalateSpecialistLevel(OffsetDateTime now) {
        return jdbc.sql("""
                update feedback set specialist_overdue_at = specialist_due_at, updated_at = :now
                where status = 'ROUTED' and specialist_overdue_at is null and specialist_due_at < :now
                returning *""").param("now", now).query(FeedbackRepository::map).list();
    }

    /** The SLA watch: items not yet approved past the leader level. */
    public List<FeedbackItem> markLeaderLevelOverdue(OffsetDateTime now) {
        return jdbc.sql("""
                update feedback set leader_overdue_at = leader_due_at, updated_at = :now
                where status in ('ROUTED', 'ANSWERED') and leader_overdue_at is null and leader_due_at < :now
                returning *""").param("now", now).query(FeedbackRepository::map).list();
    }

    static FeedbackItem map(ResultSet rs, int i) throws SQLException {
        return new FeedbackItem(rs.getLong("id"), rs.getString("code"),
                FeedbackChannel.valueOf(rs.getString("channel")), FeedbackCategory.valueOf(rs.getString("category")),
                FeedbackStatus.valueOf(rs.getString("status")), rs.getString("title"), rs.getString("content"),
                rs.getString("sender_name"), rs.getString("sender_phone"), rs.getString("sender_email"),
                (Long) rs.getObject("account_id", Long.class), rs.getString("address"),
                rs.getObject("lat", Double.class), rs.getObject("lon", Double.class), rs.getString("dossier_code"),
                rs.getString("service_code"), rs.getString("agency_code"), rs.getString("answer"),
                rs.getString("answered_by"), rs.getString("approved_by"), rs.getString("reason"),
                t(rs, "received_at"), t(rs, "clock_start_at"), t(rs, "refuse_due_at"), t(rs, "supplement_due_at"),
                t(rs, "handled_due_at"), t(rs, "publish_due_at"), t(rs, "routed_at"), t(rs, "specialist_due_at"),
                t(rs, "leader_due_at"), t(rs, "specialist_overdue_at"), t(rs, "leader_overdue_at"),
                t(rs, "handled_at"), rs.getBoolean("handled_late"), t(rs, "published_at"), rs.getString("rating"),
                t(rs, "rated_at"), rs.getInt("raised_count"), rs.getString("open311_token"), rs.getInt("version"),
                t(rs, "updated_at"), rs.getString("media_url"));
    }

    private static OffsetDateTime t(ResultSet rs, String col) throws SQLException {
        return rs.getObject(col, OffsetDateTime.class);
    }
}
