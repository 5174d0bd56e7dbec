package vn.motcua.calendar.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.calendar.Holiday;

/** The calendar tables, in explicit SQL. Writes run inside the caller's transaction. */
@Repository
public class ScheduleStore implements ScheduleSource {

    private final JdbcClient jdbc;
    private final TransactionTemplate consistentRead;

    public ScheduleStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.consistentRead = new TransactionTemplate(transactions);
        this.consistentRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.consistentRead.setReadOnly(true);
    }

    @Override
    public long version() {
        return jdbc.sql("select version from calendar_version").query(Long.class).single();
    }

    @Override
    public Loaded load() {
        return consistentRead.execute(status -> new Loaded(version(), all()));
    }

    /** Locks the version row for the rest of the transaction: edits of the calendar run one at a time. */
    public long lockVersion() {
        return jdbc.sql("select version from calendar_version for update").query(Long.class).single();
    }

    public long bumpVersion() {
        return jdbc.sql("update calendar_version set version = version + 1, changed_at = now() returning version")
                .query(Long.class).single();
    }

    public List<Schedule> all() {
        return read("", Map.of());
    }

    public List<Schedule> ofYear(int year) {
        return read("where s.year = :year", Map.of("year", year));
    }

    public Optional<Schedule> find(int year, Holiday holiday) {
        return read("where s.year = :year and s.holiday = :holiday", Map.of("year", year, "holiday", holiday.name()))
                .stream().findFirst();
    }

    private List<Schedule> read(String where, Map<String, Object> params) {
        Map<Long, Schedule> schedules = new LinkedHashMap<>();
        Map<Long, List<ScheduleDay>> days = new LinkedHashMap<>();
        jdbc.sql("""
                select s.id, s.year, s.holiday, s.name, s.name_en, s.source, s.confidence, s.note, s.updated_by,
                       s.updated_at, s.version, d.day, d.kind, d.name as day_name
                from calendar_schedule s left join calendar_schedule_day d on d.schedule_id = s.id
                """ + where + " order by s.year, s.holiday, d.day")
                .params(params)
                .query((ResultSet rs) -> {
                    long id = rs.getLong("id");
                    schedules.computeIfAbsent(id, k -> schedule(rs));
                    List<ScheduleDay> list = days.computeIfAbsent(id, k -> new ArrayList<>());
                    LocalDate day = rs.getObject("day", LocalDate.class);
                    if (day != null) {
                        list.add(new ScheduleDay(day, ScheduleDayKind.valueOf(rs.getString("kind")),
                                rs.getString("day_name")));
                    }
                });
        List<Schedule> out = new ArrayList<>();
        schedules.forEach((id, s) -> out.add(new Schedule(s.id(), s.year(), s.holiday(), s.name(), s.nameEn(),
                s.source(), s.confidence(), s.note(), days.get(id), s.updatedBy(), s.updatedAt(), s.version())));
        return out;
    }

    private static Schedule schedule(ResultSet rs) {
        try {
            return new Schedule(rs.getLong("id"), rs.getInt("year"), Holiday.valueOf(rs.getString("holiday")),
                    rs.getString("name"), rs.getString("name_en"), rs.getString("source"), rs.getString("confidence"),
                    rs.getString("note"), List.of(), rs.getString("updated_by"),
                    rs.getObject("updated_at", OffsetDateTime.class), rs.getLong("version"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inserts a schedule and its days; returns its id. */
    public long insert(Schedule s, String actor) {
        long id = jdbc.sql("""
                insert into calendar_schedule (year, holiday, name, name_en, source, confidence, note, created_by,
                                               updated_by)
                values (:year, :holiday, :name, :nameEn, :source, :confidence, :note, :actor, :actor)
                returning id""")
                .param("year", s.year())
                .param("holiday", s.holiday().name())
                .param("name", s.name())
                .param("nameEn", s.nameEn())
                .param("source", s.source())
                .param("confidence", s.confidence())
                .param("note", s.note())
                .param("actor", actor)
                .query(Long.class).single();
        insertDays(id, s.days());
        return id;
    }

    /** Replaces the fields and days of an existing schedule. */
    public void update(long id, Schedule s, String actor) {
        jdbc.sql("""
                update calendar_schedule set name = :name, name_en = :nameEn, source = :source,
                  confidence = :confidence, note = :note, updated_by = :actor, updated_at = now(),
                  version = version + 1
                where id = :id""")
                .param("id", id)
                .param("name", s.name())
                .param("nameEn", s.nameEn())
                .param("source", s.source())
                .param("confidence", s.confidence())
                .param("note", s.note())
                .param("actor", actor)
                .update();
        jdbc.sql("delete from calendar_schedule_day where schedule_id = :id").param("id", id).update();
        insertDays(id, s.days());
    }

    public void delete(long id) {
        jdbc.sql("delete from calendar_schedule where id = :id").param("id", id).update();
    }

    private void insertDays(long id, List<ScheduleDay> days) {
        for (ScheduleDay d : days) {
            jdbc.sql("insert into calendar_schedule_day (schedule_id, day, kind, name) values (:id, :day, :kind, :name)")
                    .param("id", id)
                    .param("day", d.date())
                    .param("kind", d.kind().name())
                    .param("name", d.name())
                    .update();
        }
    }

    public long audit(String actor, String actorName, String origin, String action, int year, Holiday holiday,
                      LocalDate changedFrom, LocalDate changedTo, String diff) {
        return jdbc.sql("""
                insert into calendar_audit (actor, actor_name, origin, action, year, holiday, changed_from, changed_to,
                                            diff)
                values (:actor, :actorName, :origin, :action, :year, :holiday, :from, :to, cast(:diff as jsonb))
                returning id""")
                .param("actor", actor)
                .param("actorName", actorName)
                .param("origin", origin)
                .param("action", action)
                .param("year", year)
                .param("holiday", holiday.name())
                .param("from", changedFrom)
                .param("to", changedTo)
                .param("diff", diff)
                .query(Long.class).single();
    }

    private static final String AUDIT_COLUMNS = """
            select id, at, actor, actor_name, origin, action, year, holiday, changed_from, changed_to,
                   diff::text as diff
            from calendar_audit""";

    public Optional<AuditEntry> auditEntry(long id) {
        return jdbc.sql(AUDIT_COLUMNS + " where id = :id").param("id", id).query(ScheduleStore::auditRow).optional();
    }

    /** The latest audit entries, of one year or of all (year null). */
    public List<AuditEntry> audits(Integer year, int limit) {
        return jdbc.sql(AUDIT_COLUMNS + " where (cast(:year as int) is null or year = :year) order by id desc limit :limit")
                .param("year", year)
                .param("limit", limit)
                .query(ScheduleStore::auditRow).list();
    }

    private static AuditEntry auditRow(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                rs.getString("actor_name"), rs.getString("origin"), rs.getString("action"), rs.getInt("year"),
                Holiday.valueOf(rs.getString("holiday")), rs.getObject("changed_from", LocalDate.class),
                rs.getObject("changed_to", LocalDate.class), rs.getString("diff"));
    }
}
