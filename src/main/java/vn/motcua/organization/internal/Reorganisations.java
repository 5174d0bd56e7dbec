package vn.motcua.organization.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.organization.AgencySucceeded;
import vn.motcua.organization.OpenDossiers;
import vn.motcua.platform.Actor;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.audit.AdminAudit;

/**
 * Reorganisations of units (sắp xếp đơn vị hành chính), entered once: the legal basis, the date, which units became
 * which, which agency succeeds which. Applying one (on or after its date) closes each old agency the day before, makes
 * its successor in force, and hands every unfinished dossier over to the successor through the dossier module's rule
 * book ({@link AgencySucceeded}, one history line each); dossiers keep the units they were filed under. Old agency
 * codes keep resolving to their successors ({@code Organization.agency}). All in one transaction, audited.
 */
@Service
public class Reorganisations {

    /** One line of a mapping: an old unit or agency and the one it became. */
    public record Mapping(String from, String to) {
    }

    public record ReorganisationInput(String code, String title, String legalBasis, LocalDate effectiveDate,
                                      List<Mapping> units, List<Mapping> agencies) {
    }

    public record ReorganisationView(String code, String title, String legalBasis, LocalDate effectiveDate,
                                     String status, Instant appliedAt, String appliedBy, int handedOver,
                                     List<Mapping> units, List<Mapping> agencies, int version) {
    }

    private final JdbcClient jdbc;
    private final OrganizationService organization;
    private final AdminAudit audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<OpenDossiers> openDossiers;
    private final Clock clock;
    private final ZoneId zone;

    /** One agency that closes: its successor, and the unfinished dossiers that will be handed over. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ReorganisationAgencyMove")
    public record AgencyMove(String from, String fromName, String to, String toName, long openDossiers) {
    }

    /**
     * What applying a reorganisation would do, before it is applied: unit mapping sizes, each agency that closes with
     * its successor and its unfinished dossiers; {@code applicable} false with the reason (applied already, before its
     * date).
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ReorganisationPreview")
    public record Preview(String code, String title, String legalBasis, LocalDate effectiveDate, String status,
                          int unitsBefore, int unitsAfter, List<AgencyMove> agencies, long openDossiers,
                          boolean applicable, String reason, int version) {
    }

    private final AgencyAdmin agencyViews;

    Reorganisations(JdbcClient jdbc, OrganizationService organization, AdminAudit audit,
                    ApplicationEventPublisher events, ObjectProvider<OpenDossiers> openDossiers, Clock clock,
                    ZoneId zone, AgencyAdmin agencyViews) {
        this.agencyViews = agencyViews;
        this.zone = zone; // the province's zone, from the calendar's configuration (CalendarConfig)
        this.jdbc = jdbc;
        this.organization = organization;
        this.audit = audit;
        this.events = events;
        this.openDossiers = openDossiers;
        this.clock = clock;
    }

    private static void requireProvinceAdmin(Actor actor) {
        actor.requireProvinceAdmin();
    }

    @Transactional(readOnly = true)
    public List<ReorganisationView> list(Actor actor) {
        requireProvinceAdmin(actor);
        return jdbc.sql("select code from reorganisation order by effective_date desc, code").query(String.class)
                .list().stream().map(c -> find(c).orElseThrow()).toList();
    }

    @Transactional(readOnly = true)
    public ReorganisationView get(Actor actor, String code) {
        requireProvinceAdmin(actor);
        return find(code).orElseThrow(() -> ProblemException.notFound("error.reorg.notFound", code));
    }

    Optional<ReorganisationView> find(String code) {
        return jdbc.sql("""
                select id, code, title, legal_basis, effective_date, status, applied_at, applied_by, handed_over, version
                from reorganisation where code = :c""").param("c", code).query((rs, i) -> {
                    long id = rs.getLong("id");
                    List<Mapping> units = jdbc.sql("""
                            select from_code, to_code from reorganisation_unit where reorganisation_id = :id
                            order by to_code, from_code""").param("id", id)
                            .query((r, j) -> new Mapping(r.getString(1), r.getString(2))).list();
                    List<Mapping> agencies = jdbc.sql("""
                            select from_code, to_code from reorganisation_agency where reorganisation_id = :id
                            order by to_code, from_code""").param("id", id)
                            .query((r, j) -> new Mapping(r.getString(1), r.getString(2))).list();
                    var applied = rs.getTimestamp("applied_at");
                    return new ReorganisationView(rs.getString("code"), rs.getString("title"),
                            rs.getString("legal_basis"), rs.getObject("effective_date", LocalDate.class),
                            rs.getString("status"), applied == null ? null : applied.toInstant(),
                            rs.getString("applied_by"), rs.getInt("handed_over"), units, agencies,
                            rs.getInt("version"));
                }).optional();
    }

    /** Records a reorganisation (not applied yet). Every problem is reported at once; nothing is stored then. */
    @Transactional
    public ReorganisationView create(Actor actor, ReorganisationInput in) {
        requireProvinceAdmin(actor);
        List<FieldProblem> errors = new ArrayList<>();
        String code = in.code() == null ? "" : in.code().trim();
        if (!code.matches("[A-Za-z0-9][A-Za-z0-9._-]{1,59}")) {
            errors.add(FieldProblem.of("code", "error.reorg.code"));
        } else if (find(code).isPresent()) {
            errors.add(FieldProblem.of("code", "error.reorg.codeTaken", code));
        }
        if (in.title() == null || in.title().isBlank()) {
            errors.add(FieldProblem.of("title", "error.required"));
        }
        if (in.legalBasis() == null || in.legalBasis().isBlank()) {
            errors.add(FieldProblem.of("legalBasis", "error.required"));
        }
        if (in.effectiveDate() == null) {
            errors.add(FieldProblem.of("effectiveDate", "error.required"));
        }
        List<Mapping> units = in.units() == null ? List.of() : in.units();
        List<Mapping> agencies = in.agencies() == null ? List.of() : in.agencies();
        for (int i = 0; i < units.size(); i++) {
            Mapping m = units.get(i);
            if (m == null || m.from() == null || m.to() == null || organization.unit(m.from()).isEmpty()
                    || organization.unit(m.to()).isEmpty()) {
                errors.add(FieldProblem.of("units[" + i + "]", "error.reorg.unit"));
            }
        }
        Set<String> from = new HashSet<>();
        for (int i = 0; i < agencies.size(); i++) {
            Mapping m = agencies.get(i);
            if (m == null || m.from() == null || m.to() == null || m.from().equals(m.to())
                    || !exists(m.from()) || !exists(m.to())) {
                errors.add(FieldProblem.of("agencies[" + i + "]", "error.reorg.agency"));
            } else if (!from.add(m.from())) {
                errors.add(FieldProblem.of("agencies[" + i + "]", "error.reorg.agencyTwice", m.from()));
            }
        }
        if (units.isEmpty() && agencies.isEmpty()) {
            errors.add(FieldProblem.of("agencies", "error.reorg.empty"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        insert(code, in.title().trim(), in.legalBasis().trim(), in.effectiveDate(), units, agencies);
        ReorganisationView v = find(code).orElseThrow();
        audit.record(actor, AdminAudit.Subject.REORGANISATION, code, "CREATE", null, null, v);
        return v;
    }

    void insert(String code, String title, String legalBasis, LocalDate effective, List<Mapping> units,
                List<Mapping> agencies) {
        long id = jdbc.sql("""
                insert into reorganisation (code, title, legal_basis, effective_date) values (:c, :t, :l, :e)
                returning id""").param("c", code).param("t", title).param("l", legalBasis).param("e", effective)
                .query(Long.class).single();
        for (Mapping m : units) {
            jdbc.sql("""
                    insert into reorganisation_unit (reorganisation_id, from_code, to_code) values (:id, :f, :t)
                    on conflict do nothing""").param("id", id).param("f", m.from()).param("t", m.to()).update();
        }
        for (Mapping m : agencies) {
            jdbc.sql("insert into reorganisation_agency (reorganisation_id, from_code, to_code) values (:id, :f, :t)")
                    .param("id", id).param("f", m.from()).param("t", m.to()).update();
        }
    }

    private boolean exists(String agency) {
        return jdbc.sql("select count(*) from agency where code = :c").param("c", agency).query(Integer.class)
                .single() > 0;
    }

    /** Units below the province (the province itself, 70 → 75, is not counted among the merged units). */
    private boolean belowProvince(String unit) {
        return organization.unit(unit).map(u -> u.level() != vn.motcua.organization.UnitLevel.PROVINCE).orElse(true);
    }

    /** What applying would move (nothing is changed). */
    @Transactional(readOnly = true)
    public Preview preview(Actor actor, String code) {
        ReorganisationView r = get(actor, code);
        java.util.Map<String, String> names = new java.util.HashMap<>();
        jdbc.sql("select code, name from agency").query((rs, i) -> java.util.Map.entry(rs.getString(1), rs.getString(2)))
                .list().forEach(e -> names.put(e.getKey(), e.getValue()));
        boolean pending = "PENDING".equals(r.status());
        List<AgencyMove> moves = r.agencies().stream().map(m -> new AgencyMove(m.from(), names.get(m.from()), m.to(),
                names.get(m.to()), pending ? openDossiers.stream().mapToLong(o -> o.count(m.from())).sum() : 0))
                .toList();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String reason = !pending ? "applied" : r.effectiveDate().isAfter(today) ? "notYet" : null;
        return new Preview(r.code(), r.title(), r.legalBasis(), r.effectiveDate(), r.status(),
                (int) r.units().stream().map(Mapping::from).distinct().filter(this::belowProvince).count(),
                (int) r.units().stream().filter(m -> belowProvince(m.from())).map(Mapping::to).distinct().count(), moves,
                moves.stream().mapToLong(AgencyMove::openDossiers).sum(), reason == null, reason, r.version());
    }

    /**
     * Applies a reorganisation on or after its date: old agencies close the day before, successors come into force,
     * unfinished dossiers are handed over. 409 when already applied or before the date, or when {@code version} is
     * stale; 400 when it is missing.
     */
    @Transactional
    public ReorganisationView apply(Actor actor, String code, Integer version) {
        ReorganisationView r = get(actor, code);
        if (version == null) {
            throw ProblemException.invalid("version", "error.version.required");
        }
        if (version != r.version()) {
            throw ProblemException.conflict("error.admin.stale");
        }
        if (!"PENDING".equals(r.status())) {
            throw ProblemException.conflict("error.reorg.applied", code);
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (r.effectiveDate().isAfter(today)) {
            throw ProblemException.conflict("error.reorg.notYet", code, r.effectiveDate().toString());
        }
        LocalDate lastDay = r.effectiveDate().minusDays(1);
        Set<String> successors = new HashSet<>();
        r.agencies().forEach(m -> successors.add(m.to()));
        // each agency the reorganisation changes has its audit line with the agency before and after (issue 11: every
        // administrative change, who, when, what before and after), as an edit on the agency's page would
        for (String s : successors) {
            var before = agencyViews.find(s).orElse(null);
            int changed = jdbc.sql("""
                    update agency set active = true, valid_from = coalesce(valid_from, :from), valid_to = null,
                           successor_code = null, version = version + 1, updated_at = now()
                    where code = :c and not active""").param("from", r.effectiveDate()).param("c", s).update();
            if (changed > 0) {
                audit.record(actor, AdminAudit.Subject.AGENCY, s, "IN_FORCE", s, before,
                        agencyViews.find(s).orElse(null));
            }
        }
        int handed = 0;
        for (Mapping m : r.agencies()) {
            handed += (int) openDossiers.stream().mapToLong(o -> o.count(m.from())).sum();
            var before = agencyViews.find(m.from()).orElse(null);
            jdbc.sql("""
                    update agency set active = false, valid_to = :to, successor_code = :s, version = version + 1,
                           updated_at = now()
                    where code = :c""").param("to", lastDay).param("s", m.to()).param("c", m.from()).update();
            audit.record(actor, AdminAudit.Subject.AGENCY, m.from(), "CLOSE", m.from(), before,
                    agencyViews.find(m.from()).orElse(null));
        }
        organization.invalidate();
        for (Mapping m : r.agencies()) {
            events.publishEvent(new AgencySucceeded(m.from(), m.to(), r.code(), r.legalBasis(), r.effectiveDate(),
                    actor));
        }
        int changed = jdbc.sql("""
                update reorganisation set status = 'APPLIED', applied_at = :now, applied_by = :by,
                       handed_over = :n, version = version + 1
                where code = :c and version = :v""")
                .param("now", java.sql.Timestamp.from(clock.instant())).param("by", actor.username())
                .param("n", handed).param("c", code).param("v", r.version()).update();
        if (changed == 0) {
            throw ProblemException.conflict("error.admin.stale");
        }
        ReorganisationView after = find(code).orElseThrow();
        audit.record(actor, AdminAudit.Subject.REORGANISATION, code, "APPLY", null, r, after);
        return after;
    }
}
