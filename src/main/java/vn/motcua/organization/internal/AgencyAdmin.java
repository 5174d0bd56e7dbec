package vn.motcua.organization.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.organization.AdminUnit;
import vn.motcua.organization.ElectronicId;
import vn.motcua.organization.OpenDossiers;
import vn.motcua.platform.Actor;
import vn.motcua.platform.Contacts;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.audit.AdminAudit;

/**
 * Administration of agencies by the province administrator: create, edit (with {@code version}), replace an invented or
 * legacy electronic identifier by the real one (the old one is kept in {@code previousElectronicIds}; dossier codes
 * already issued keep theirs, new dossiers use the new one), close with a successor. Agencies are never deleted.
 * An agency with unfinished dossiers cannot be closed without a successor. Every change is audited.
 */
@Service
public class AgencyAdmin {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,39}");
    private static final Pattern KIND = Pattern.compile("[a-z][a-z_]{1,39}");
    private static final Pattern SESSION = Pattern.compile("(\\d{2}:\\d{2})\\s*[-–]\\s*(\\d{2}:\\d{2})");

    /** An agency as administrators see it. {@code officeHours}/{@code procedures} null: the province's default. */
    public record AgencyView(String code, String name, String nameEn, String electronicId,
                             List<String> previousElectronicIds, String unitCode, String level, String kind,
                             String parentCode, LocalDate validFrom, LocalDate validTo, String successorCode,
                             String address, String phone, String email, List<String> officeHours,
                             List<String> procedures, boolean active, int version) {
    }

    /** What an administrator sends; {@code version} is required to update. */
    public record AgencyInput(String code, String name, String nameEn, String electronicId, String unitCode,
                              String kind, String parentCode, LocalDate validFrom, LocalDate validTo,
                              String successorCode, String address, String phone, String email,
                              List<String> officeHours, List<String> procedures, Integer version) {
    }

    private final JdbcClient jdbc;
    private final OrganizationService organization;
    private final AdminAudit audit;
    private final ObjectProvider<OpenDossiers> openDossiers;
    private final Clock clock;
    private final ZoneId zone;
    private final org.springframework.context.ApplicationEventPublisher events;

    AgencyAdmin(JdbcClient jdbc, OrganizationService organization, AdminAudit audit,
                ObjectProvider<OpenDossiers> openDossiers, Clock clock,
                org.springframework.context.ApplicationEventPublisher events,
                ZoneId zone) {
        this.jdbc = jdbc;
        this.events = events;
        this.organization = organization;
        this.audit = audit;
        this.openDossiers = openDossiers;
        this.clock = clock;
        this.zone = zone; // the province's zone, from the calendar's configuration (CalendarConfig)
    }

    private static final String SELECT = """
            select code, name, name_en, electronic_id, previous_electronic_ids, unit_code, level, kind, parent_code,
                   valid_from, valid_to, successor_code, address, phone, email, office_hours, procedures, active, version
            from agency
            """;

    private static AgencyView map(ResultSet rs, int i) throws SQLException {
        return new AgencyView(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                rs.getString("electronic_id"), list(rs.getArray("previous_electronic_ids")), rs.getString("unit_code"),
                rs.getString("level"), rs.getString("kind"), rs.getString("parent_code"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                rs.getString("successor_code"), rs.getString("address"), rs.getString("phone"), rs.getString("email"),
                nullableList(rs.getArray("office_hours")), nullableList(rs.getArray("procedures")),
                rs.getBoolean("active"), rs.getInt("version"));
    }

    private static List<String> list(Array a) throws SQLException {
        return a == null ? List.of() : List.of((String[]) a.getArray());
    }

    private static List<String> nullableList(Array a) throws SQLException {
        return a == null ? null : List.of((String[]) a.getArray());
    }

    private static void requireProvinceAdmin(Actor actor) {
        actor.requireProvinceAdmin();
    }

    @Transactional(readOnly = true)
    public List<AgencyView> list(Actor actor, String unitCode, String text, boolean includeClosed) {
        requireProvinceAdmin(actor);
        String like = text == null || text.isBlank() ? null : "%" + text.trim().toLowerCase(Locale.ROOT) + "%";
        return jdbc.sql(SELECT + """
                where (cast(:unit as text) is null or unit_code = :unit)
                  and (cast(:like as text) is null or lower(name) like :like or lower(code) like :like
                       or lower(electronic_id) like :like)
                  and (:closed or active)
                order by code limit 2000""")
                .param("unit", unitCode == null || unitCode.isBlank() ? null : unitCode.trim())
                .param("like", like).param("closed", includeClosed).query(AgencyAdmin::map).list();
    }

    @Transactional(readOnly = true)
    public AgencyView get(Actor actor, String code) {
        requireProvinceAdmin(actor);
        return find(code).orElseThrow(() -> ProblemException.notFound("error.agency.notFound", code));
    }

    /** An agency as the administrator sees it (also the before and after of the audit lines of a reorganisation). */
    Optional<AgencyView> find(String code) {
        return code == null ? Optional.empty()
                : jdbc.sql(SELECT + " where code = :c").param("c", code.trim()).query(AgencyAdmin::map).optional();
    }

    @Transactional
    public AgencyView create(Actor actor, AgencyInput in) {
        requireProvinceAdmin(actor);
        Clean c = check(in, null);
        jdbc.sql("""
                insert into agency (code, name, name_en, unit_code, level, kind, parent_code, electronic_id,
                                    valid_from, valid_to, successor_code, address, phone, email, office_hours,
                                    procedures, active, updated_at)
                values (:code, :name, :nameEn, :unit, :level, :kind, :parent, :eid, :from, :to, :succ, :address,
                        :phone, :email, :hours, :procs, :active, :now)""")
                .param("code", c.code()).params(c.params()).param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
        organization.invalidate();
        AgencyView v = find(c.code()).orElseThrow();
        audit.record(actor, AdminAudit.Subject.AGENCY, v.code(), "CREATE", v.code(), null, v);
        return v;
    }

    @Transactional
    public AgencyView update(Actor actor, String code, AgencyInput in) {
        AgencyView before = get(actor, code);
        if (in.version() == null) {
            throw ProblemException.invalid("version", "error.version.required");
        }
        Clean c = check(in, before);
        if (before.active() && !c.active()) {
            requireSuccessorWhenBusy(before.code(), c.successor());
        }
        String[] previous = before.previousElectronicIds().toArray(String[]::new);
        if (!before.electronicId().equals(c.electronicId())
                && !before.previousElectronicIds().contains(before.electronicId())) {
            previous = java.util.stream.Stream.concat(Arrays.stream(previous), java.util.stream.Stream.of(before.electronicId()))
                    .toArray(String[]::new);
        }
        int changed = jdbc.sql("""
                update agency set name = :name, name_en = :nameEn, unit_code = :unit, level = :level, kind = :kind,
                       parent_code = :parent, electronic_id = :eid, valid_from = :from, valid_to = :to,
                       successor_code = :succ, address = :address, phone = :phone, email = :email,
                       office_hours = :hours, procedures = :procs, active = :active, previous_electronic_ids = :prev,
                       version = version + 1, updated_at = :now
                where code = :code and version = :v""")
                .params(c.params()).param("prev", previous).param("code", before.code()).param("v", in.version())
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
        if (changed == 0) {
            throw ProblemException.conflict("error.admin.stale");
        }
        organization.invalidate();
        AgencyView after = find(before.code()).orElseThrow();
        String action = before.active() && !after.active() ? "CLOSE" : "UPDATE";
        audit.record(actor, AdminAudit.Subject.AGENCY, after.code(), action, after.code(), before, after);
        if (before.active() && !after.active() && after.successorCode() != null) {
            // the unfinished dossiers go to the successor through the dossier module's rule book (one history line each)
            events.publishEvent(new vn.motcua.organization.AgencySucceeded(after.code(), after.successorCode(),
                    "CLOSE-" + after.code(), "Đóng cơ quan " + after.code() + ", cơ quan kế thừa "
                    + after.successorCode(), after.validTo() == null ? null : after.validTo().plusDays(1), actor));
        }
        return after;
    }

    /**
     * Closes an agency: {@code validTo} is its last day in force (default yesterday: closed now); it receives nothing
     * more; a successor is required while dossiers are open. {@code version} is the version read: required (400),
     * 409 when the agency changed since.
     */
    @Transactional
    public AgencyView close(Actor actor, String code, LocalDate validTo, String successorCode, Integer version) {
        AgencyView v = get(actor, code);
        if (version == null) {
            throw ProblemException.invalid("version", "error.version.required");
        }
        LocalDate to = validTo == null ? LocalDate.now(clock.withZone(zone)).minusDays(1) : validTo;
        if (v.validFrom() != null && to.isBefore(v.validFrom())) {
            to = v.validFrom();
        }
        return update(actor, code, new AgencyInput(v.code(), v.name(), v.nameEn(), v.electronicId(), v.unitCode(),
                v.kind(), v.parentCode(), v.validFrom(), to, successorCode, v.address(), v.phone(), v.email(),
                v.officeHours(), v.procedures(), version));
    }

    private void requireSuccessorWhenBusy(String code, String successor) {
        long open = openDossiers.stream().mapToLong(o -> o.count(code)).sum();
        if (open > 0 && successor == null) {
            throw ProblemException.invalid("successorCode", "error.agency.successorRequired", open);
        }
    }

    // ---------------------------------------------------------------- rules

    /** Checked input: the values to write, or a 400 listing every problem. */
    private record Clean(String code, String name, String nameEn, String unit, String level, String kind,
                         String parent, String electronicId, LocalDate from, LocalDate to, String successor,
                         String address, String phone, String email, String[] hours, String[] procedures,
                         boolean active) {
        java.util.Map<String, Object> params() {
            java.util.Map<String, Object> p = new java.util.HashMap<>();
            p.put("name", name);
            p.put("nameEn", nameEn);
            p.put("unit", unit);
            p.put("level", level);
            p.put("kind", kind);
            p.put("parent", parent);
            p.put("eid", electronicId);
            p.put("from", from);
            p.put("to", to);
            p.put("succ", successor);
            p.put("address", address);
            p.put("phone", phone);
            p.put("email", email);
            p.put("hours", hours);
            p.put("procs", procedures);
            p.put("active", active);
            return p;
        }
    }

    private Clean check(AgencyInput in, AgencyView existing) {
        List<FieldProblem> errors = new ArrayList<>();
        String code = existing != null ? existing.code() : blank(in.code());
        if (existing == null) {
            if (code == null || !CODE.matcher(code).matches()) {
                errors.add(FieldProblem.of("code", "error.agency.codeFormat"));
            } else if (find(code).isPresent()) {
                errors.add(FieldProblem.of("code", "error.agency.codeTaken", code));
            }
        }
        String name = blank(in.name());
        if (name == null || name.length() > 300) {
            errors.add(FieldProblem.of("name", "error.required"));
        }
        String eid = blank(in.electronicId());
        if (eid != null) {
            eid = eid.toUpperCase(Locale.ROOT);
        }
        if (!ElectronicId.valid(eid)) {
            errors.add(FieldProblem.of("electronicId", "error.agency.electronicId", eid == null ? "" : eid));
        } else if (jdbc.sql("select count(*) from agency where electronic_id = :e and code <> :c")
                .param("e", eid).param("c", code == null ? "" : code).query(Integer.class).single() > 0) {
            errors.add(FieldProblem.of("electronicId", "error.agency.electronicIdTaken", eid));
        }
        String unitCode = blank(in.unitCode());
        Optional<AdminUnit> unit = Optional.ofNullable(unitCode).flatMap(organization::unit);
        if (unit.isEmpty()) {
            errors.add(FieldProblem.of("unitCode", "error.unit.notFound", unitCode == null ? "" : unitCode));
        }
        String kind = blank(in.kind());
        if (kind == null || !KIND.matcher(kind).matches()) {
            errors.add(FieldProblem.of("kind", "error.agency.kind"));
        }
        String parent = blank(in.parentCode());
        if (parent != null && (parent.equals(code) || find(parent).isEmpty())) {
            errors.add(FieldProblem.of("parentCode", "error.agency.notFound", parent));
        }
        if (in.validFrom() != null && in.validTo() != null && in.validTo().isBefore(in.validFrom())) {
            errors.add(FieldProblem.of("validTo", "error.agency.validTo"));
        }
        String successor = blank(in.successorCode());
        if (successor != null) {
            Optional<AgencyView> s = find(successor);
            if (successor.equals(code) || s.isEmpty() || !s.get().active()) {
                errors.add(FieldProblem.of("successorCode", "error.agency.successor", successor));
            }
        }
        String email = blank(in.email());
        if (email != null && !Contacts.email(email)) {
            errors.add(FieldProblem.of("email", "error.email.format"));
        }
        String phone = blank(in.phone());
        if (phone != null && !Contacts.phone(phone)) {
            errors.add(FieldProblem.of("phone", "error.phone.format"));
        }
        String[] hours = hours(in.officeHours(), errors);
        String[] procedures = null;
        if (in.procedures() != null) {
            procedures = in.procedures().stream().map(AgencyAdmin::blank).filter(java.util.Objects::nonNull)
                    .distinct().toArray(String[]::new);
            List<String> unknown = Arrays.stream(procedures).filter(p -> jdbc.sql(
                    "select count(*) from procedure where code = :p").param("p", p).query(Integer.class).single() == 0)
                    .toList();
            if (!unknown.isEmpty()) {
                errors.add(FieldProblem.of("procedures", "error.agency.procedures", String.join(", ", unknown)));
            }
        }
        String address = blank(in.address());
        if (address != null && address.length() > 500) {
            errors.add(FieldProblem.of("address", "error.length.max", 500));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        boolean active = in.validTo() == null || !in.validTo().isBefore(today);
        return new Clean(code, name, blank(in.nameEn()), unitCode, unit.get().level().name(), kind, parent, eid,
                in.validFrom(), in.validTo(), successor, address, phone, email, hours, procedures, active);
    }

    /** Office hours as sessions "HH:mm-HH:mm" in order; null or empty: the province's hours. */
    private static String[] hours(List<String> specs, List<FieldProblem> errors) {
        if (specs == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        LocalTime last = null;
        for (String s : specs) {
            if (s == null || s.isBlank()) {
                continue;
            }
            var m = SESSION.matcher(s.trim());
            try {
                if (!m.matches()) {
                    throw new IllegalArgumentException(s);
                }
                LocalTime start = LocalTime.parse(m.group(1));
                LocalTime end = LocalTime.parse(m.group(2));
                if (!start.isBefore(end) || (last != null && start.isBefore(last))) {
                    throw new IllegalArgumentException(s);
                }
                last = end;
                out.add(start + "-" + end);
            } catch (RuntimeException e) {
                errors.add(FieldProblem.of("officeHours", "error.agency.officeHours", s.trim()));
                return null;
            }
        }
        return out.isEmpty() ? null : out.toArray(String[]::new);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
