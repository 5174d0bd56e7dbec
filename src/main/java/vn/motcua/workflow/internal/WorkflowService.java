package vn.motcua.workflow.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.platform.Actor;
import vn.motcua.platform.Channel;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;
import vn.motcua.workflow.Consultation;
import vn.motcua.workflow.ProcessDefinition;
import vn.motcua.workflow.StepDefinition;
import vn.motcua.workflow.StepInstance;
import vn.motcua.workflow.Workflow;

/** Steps and consultations in the database; every deadline through the calendar module. */
@Service
class WorkflowService implements Workflow {

    /** The built-in process: appraisal by a specialist, approval and signature by a leader. */
    static final List<StepDefinition> DEFAULT_STEPS = List.of(
            new StepDefinition("Thụ lý, thẩm định", Role.SPECIALIST, null, new BigDecimal("3")),
            new StepDefinition("Phê duyệt, ký", Role.LEADER, null, new BigDecimal("1")));

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final long consultationMinutes;

    WorkflowService(JdbcClient jdbc, WorkingCalendar calendar,
                    @Value("${motcua.workflow.consultation-working-days:2}") int consultationDays) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.consultationMinutes = consultationDays * calendar.workingMinutesPerDay();
    }

    @Override
    public ProcessDefinition processFor(String procedureCode, String agencyCode) {
        return jdbc.sql("""
                select id, procedure_code, agency_code, version, active, created_by, created_at
                from process_definition where procedure_code = :p and agency_code = :a and active""")
                .param("p", procedureCode).param("a", agencyCode)
                .query((rs, i) -> new ProcessDefinition(rs.getLong("id"), rs.getString("procedure_code"),
                        rs.getString("agency_code"), rs.getInt("version"), true, List.of(), rs.getString("created_by"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .optional()
                .map(d -> new ProcessDefinition(d.id(), d.procedureCode(), d.agencyCode(), d.version(), true,
                        stepDefinitions(d.id()), d.createdBy(), d.createdAt()))
                .orElseGet(() -> new ProcessDefinition(0, procedureCode, agencyCode, 0, true, DEFAULT_STEPS,
                        "system", null));
    }

    List<StepDefinition> stepDefinitions(long definitionId) {
        return jdbc.sql("select name, role, agency_code, hours from process_step_def where definition_id = :d order by seq")
                .param("d", definitionId)
                .query((rs, i) -> new StepDefinition(rs.getString("name"), Role.valueOf(rs.getString("role")),
                        rs.getString("agency_code"), rs.getBigDecimal("hours")))
                .list();
    }

    @Override
    @Transactional
    public StepInstance start(long dossierId, String procedureCode, String agencyCode, long totalMinutes,
                              OffsetDateTime now, OffsetDateTime dossierDueAt) {
        ProcessDefinition process = processFor(procedureCode, agencyCode);
        BigDecimal weights = process.steps().stream().map(StepDefinition::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<StepDefinition> steps = process.steps();
        long assigned = 0;
        for (int i = 0; i < steps.size(); i++) {
            StepDefinition s = steps.get(i);
            long share = i == steps.size() - 1 ? Math.max(0, totalMinutes - assigned)
                    : weights.signum() == 0 ? 0 : BigDecimal.valueOf(totalMinutes).multiply(s.hours())
                    .divide(weights, 0, RoundingMode.HALF_UP).longValue();
            assigned += share;
            jdbc.sql("""
                    insert into dossier_step (dossier_id, definition_id, seq, name, role, agency_code, share_minutes,
                                              status)
                    values (:d, :def, :seq, :name, :role, :agency, :share, 'PENDING')""")
                    .param("d", dossierId).param("def", process.isDefault() ? null : process.id())
                    .param("seq", i + 1).param("name", s.name()).param("role", s.role().name())
                    .param("agency", s.agencyCode() == null ? agencyCode : s.agencyCode()).param("share", share)
                    .update();
        }
        return activate(dossierId, 1, now, dossierDueAt).orElseThrow();
    }

    private Optional<StepInstance> activate(long dossierId, int seq, OffsetDateTime now, OffsetDateTime dossierDueAt) {
        var share = jdbc.sql("select share_minutes from dossier_step where dossier_id = :d and seq = :s")
                .param("d", dossierId).param("s", seq).query(Long.class).optional();
        if (share.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("update dossier_step set status = 'ACTIVE', started_at = :now, due_at = :due where dossier_id = :d and seq = :s")
                .param("now", now).param("due", stepDue(now, share.get(), dossierDueAt))
                .param("d", dossierId).param("s", seq).update();
        return current(dossierId);
    }

    private OffsetDateTime stepDue(OffsetDateTime now, long share, OffsetDateTime dossierDueAt) {
        OffsetDateTime start = calendar.clockStart(now, Channel.COUNTER);
        OffsetDateTime due = calendar.addWorkingMinutes(start, share);
        return dossierDueAt != null && due.isAfter(dossierDueAt) ? dossierDueAt : due;
    }

    @Override
    public Optional<StepInstance> current(long dossierId) {
        return jdbc.sql(SELECT + " where dossier_id = :d and status = 'ACTIVE'").param("d", dossierId)
                .query(this::map).optional();
    }

    @Override
    public List<StepInstance> steps(long dossierId) {
        return jdbc.sql(SELECT + " where dossier_id = :d order by seq").param("d", dossierId).query(this::map).list();
    }

    @Override
    @Transactional
    public Optional<StepInstance> advance(long dossierId, OffsetDateTime now, OffsetDateTime dossierDueAt) {
        StepInstance cur = current(dossierId).orElseThrow(() -> new IllegalStateException("no active step"));
        jdbc.sql("update dossier_step set status = 'DONE', finished_at = :now where id = :id")
                .param("now", now).param("id", cur.id()).update();
        return activate(dossierId, cur.seq() + 1, now, dossierDueAt);
    }

    @Override
    @Transactional
    public void finish(long dossierId, OffsetDateTime now, String status) {
        jdbc.sql("update dossier_step set status = 'DONE', finished_at = :now where dossier_id = :d and status = 'ACTIVE'")
                .param("now", now).param("d", dossierId).update();
        jdbc.sql("update dossier_step set status = 'CANCELLED' where dossier_id = :d and status = 'PENDING'")
                .param("d", dossierId).update();
    }

    @Override
    @Transactional
    public StepInstance transfer(long dossierId, String agencyCode, OffsetDateTime now, OffsetDateTime dossierDueAt) {
        StepInstance cur = current(dossierId).orElseThrow(() -> new IllegalStateException("no active step"));
        jdbc.sql("update dossier_step set agency_code = :a, assignee_id = null, assignee_name = null where id = :id")
                .param("a", agencyCode).param("id", cur.id()).update();
        return current(dossierId).orElseThrow();
    }

    @Override
    @Transactional
    public void assign(long dossierId, Actor assignee) {
        jdbc.sql("update dossier_step set assignee_id = :a, assignee_name = :n where dossier_id = :d and status = 'ACTIVE'")
                .param("a", assignee.accountId()).param("n", assignee.displayName()).param("d", dossierId).update();
    }

    @Override
    @Transactional
    public Optional<StepInstance> rebase(long dossierId, OffsetDateTime now, OffsetDateTime dossierDueAt) {
        Optional<StepInstance> cur = current(dossierId);
        cur.ifPresent(s -> jdbc.sql("update dossier_step set due_at = :due where id = :id")
                .param("due", stepDue(now, s.shareMinutes(), dossierDueAt)).param("id", s.id()).update());
        return current(dossierId);
    }

    @Override
    @Transactional
    public Consultation consult(long dossierId, String dossierCode, String fromAgency, String toAgency,
                                String question, Actor actor, OffsetDateTime now) {
        OffsetDateTime due = calendar.addWorkingMinutes(calendar.clockStart(now, Channel.COUNTER), consultationMinutes);
        long id = jdbc.sql("""
                insert into consultation (dossier_id, dossier_code, from_agency, to_agency, question, requested_by,
                                          requested_at, due_at)
                values (:d, :code, :from, :to, :q, :by, :now, :due) returning id""")
                .param("d", dossierId).param("code", dossierCode).param("from", fromAgency).param("to", toAgency)
                .param("q", question).param("by", actor.displayName()).param("now", now).param("due", due)
                .query(Long.class).single();
        return consultation(id);
    }

    @Override
    @Transactional
    public Consultation answer(long dossierId, String agencyCode, String answer, Actor actor, OffsetDateTime now) {
        Long id = jdbc.sql("""
                select id from consultation where dossier_id = :d and to_agency = :a and answered_at is null
                order by id limit 1""")
                .param("d", dossierId).param("a", agencyCode).query(Long.class).optional()
                .orElseThrow(() -> ProblemException.conflict("workflow.consultation.none"));
        jdbc.sql("update consultation set answered_at = :now, answer = :ans, answered_by = :by where id = :id")
                .param("now", now).param("ans", answer).param("by", actor.displayName()).param("id", id).update();
        return consultation(id);
    }

    @Override
    public List<Consultation> consultations(long dossierId) {
        return jdbc.sql(CONSULTATION + " where dossier_id = :d order by id").param("d", dossierId)
                .query(Consultation.class).list();
    }

    @Override
    @Transactional
    public List<Consultation> remindLateConsultations(OffsetDateTime now) {
        List<Long> ids = jdbc.sql("""
                update consultation set reminded_at = :now
                where answered_at is null and reminded_at is null and due_at < :now returning id""")
                .param("now", now).query(Long.class).list();
        return ids.stream().map(this::consultation).toList();
    }

    private Consultation consultation(long id) {
        return jdbc.sql(CONSULTATION + " where id = :id").param("id", id).query(Consultation.class).single();
    }

    private static final String CONSULTATION = """
            select id, dossier_id, dossier_code, from_agency, to_agency, question, requested_by, requested_at, due_at,
                   answered_at, answer, answered_by from consultation""";

    private static final String SELECT = """
            select id, seq, name, role, agency_code, share_minutes, assignee_id, assignee_name, status, started_at,
                   due_at, finished_at,
                   seq = (select max(seq) from dossier_step x where x.dossier_id = dossier_step.dossier_id) as last
            from dossier_step""";

    private StepInstance map(ResultSet rs, int i) throws SQLException {
        return new StepInstance(rs.getLong("id"), rs.getInt("seq"), rs.getString("name"),
                Role.valueOf(rs.getString("role")), rs.getString("agency_code"), rs.getLong("share_minutes"),
                (Long) rs.getObject("assignee_id"), rs.getString("assignee_name"), rs.getString("status"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("due_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class), rs.getBoolean("last"));
    }

    /** Serialises the definitions of one procedure's process at one agency until the transaction ends. */
    void lockDefinitions(String procedureCode, String agencyCode) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('process:' || :p || '@' || :a))")
                .param("p", procedureCode).param("a", agencyCode).query((rs, i) -> 1).single();
    }

    /** New version of a process; the previous one stops applying to new dossiers (dossiers keep theirs). */
    @Transactional
    ProcessDefinition define(String procedureCode, String agencyCode, List<StepDefinition> steps, String note,
                             Actor actor) {
        int version = jdbc.sql("""
                select coalesce(max(version), 0) + 1 from process_definition
                where procedure_code = :p and agency_code = :a""")
                .param("p", procedureCode).param("a", agencyCode).query(Integer.class).single();
        jdbc.sql("update process_definition set active = false where procedure_code = :p and agency_code = :a and active")
                .param("p", procedureCode).param("a", agencyCode).update();
        long id = jdbc.sql("""
                insert into process_definition (procedure_code, agency_code, version, note, created_by)
                values (:p, :a, :v, :n, :by) returning id""")
                .param("p", procedureCode).param("a", agencyCode).param("v", version).param("n", note)
                .param("by", actor.username()).query(Long.class).single();
        for (int i = 0; i < steps.size(); i++) {
            StepDefinition s = steps.get(i);
            jdbc.sql("""
                    insert into process_step_def (definition_id, seq, name, role, agency_code, hours)
                    values (:d, :seq, :name, :role, :agency, :hours)""")
                    .param("d", id).param("seq", i + 1).param("name", s.name()).param("role", s.role().name())
                    .param("agency", s.agencyCode()).param("hours", s.hours()).update();
        }
        return processFor(procedureCode, agencyCode);
    }

    List<ProcessDefinition> versions(String procedureCode, String agencyCode) {
        List<ProcessDefinition> out = new ArrayList<>();
        jdbc.sql("""
                select id, version, active, created_by, created_at from process_definition
                where procedure_code = :p and agency_code = :a order by version desc""")
                .param("p", procedureCode).param("a", agencyCode)
                .query((rs, i) -> new ProcessDefinition(rs.getLong("id"), procedureCode, agencyCode,
                        rs.getInt("version"), rs.getBoolean("active"), List.of(), rs.getString("created_by"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list().forEach(d -> out.add(new ProcessDefinition(d.id(), d.procedureCode(), d.agencyCode(),
                        d.version(), d.active(), stepDefinitions(d.id()), d.createdBy(), d.createdAt())));
        return out;
    }
}
