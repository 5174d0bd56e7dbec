package vn.motcua.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.TimeUnit;
import vn.motcua.catalog.Component;
import vn.motcua.catalog.Fee;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitLevel;
import vn.motcua.platform.Actor;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.audit.AdminAudit;
import vn.motcua.platform.text.TextNormalizer;

/**
 * Administration of procedures by the province administrator (issue 11): create, change through versions valid from
 * a date, publish / unpublish, assign the agencies that receive them. Never deleted. A change is a new version: valid
 * from today or earlier it is in force at once (the row of {@code procedure}); valid from a later date it waits in
 * {@code procedure_version} until {@link #promoteDue()} on its date. A dossier keeps the version it was filed under
 * ({@code Catalog.procedure(code, version)}). Every change is audited.
 */
@Service
public class ProcedureAdmin {

    static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.\\-]{1,39}");

    /** A procedure as administrators see it; {@code agencies} null: the patterns and levels decide who receives. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "AdminProcedure")
    public record ProcedureView(String code, String nationalCode, String name, String nameEn, String fieldCode,
                                String fieldName, List<String> levels, List<String> agencyPatterns,
                                List<String> agencies, String implementingAgency, BigDecimal timeAmount,
                                String timeUnit, String timeText, List<Fee> fees, List<Component> components,
                                String result, List<String> legalBasis, String onlineLevel, String notes,
                                boolean published, int version, LocalDate validFrom, Integer scheduledVersion,
                                LocalDate scheduledFrom) {
    }

    /**
     * What an administrator sends. To change a procedure, {@code version} is the version read (409 when another
     * version was saved since); {@code validFrom} (default today) is when the new version comes into force.
     * {@code fees}/{@code components}/{@code formSchema} null: kept as they are.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "AdminProcedureInput")
    public record ProcedureInput(String code, String nationalCode, String name, String nameEn, String fieldCode,
                                 String fieldName, List<String> levels, List<String> agencyPatterns,
                                 List<String> agencies, String implementingAgency, BigDecimal timeAmount,
                                 String timeUnit, String timeText, List<Fee> fees, List<ComponentInput> components,
                                 String result, List<String> legalBasis, String onlineLevel, String notes,
                                 JsonNode formSchema, Boolean published, LocalDate validFrom, Integer version) {
    }

    /** A document of the dossier as sent; {@code code} default TP01, TP02 … by position. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ProcedureComponentInput")
    public record ComponentInput(String code, String name, Integer originals, Integer copies, Boolean required,
                                 String requirement, String note) {

        static ComponentInput of(Component c) {
            return new ComponentInput(c.code(), c.name(), c.originals(), c.copies(), c.required(), c.requirement(),
                    c.note());
        }
    }

    /** One version: in force, scheduled (valid from a later date) or superseded. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ProcedureVersion")
    public record VersionView(int version, LocalDate validFrom, String status, Instant createdAt, String createdBy,
                              String name, BigDecimal timeAmount, String timeUnit, List<Fee> fees,
                              List<Component> components) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CatalogService catalog;
    private final Organization organization;
    private final AdminAudit audit;
    private final Clock clock;
    private final ZoneId zone;

    ProcedureAdmin(JdbcClient jdbc, JsonMapper json, CatalogService catalog, Organization organization,
                   AdminAudit audit, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.json = json;
        this.catalog = catalog;
        this.organization = organization;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone; // the province's zone, from the calendar's configuration (CalendarConfig)
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public static void requireProvinceAdmin(Actor actor) {
        actor.requireProvinceAdmin();
    }

    // ---------------------------------------------------------------- reading

    private static final String SELECT = """
            select p.code, p.national_code, p.name, p.name_en, p.field_code, f.name as field_name, p.levels,
                   p.agency_patterns, p.receiving_agencies, p.implementing_agency, p.time_amount, p.time_unit,
                   p.time_text, p.fees::text as fees, p.components::text as components, p.result,
                   p.legal_basis::text as legal_basis, p.online_level, p.notes, p.active, p.version,
                   (select max(v.valid_from) from procedure_version v
                     where v.procedure_code = p.code and v.version = p.version) as valid_from,
                   (select max(v.version) from procedure_version v
                     where v.procedure_code = p.code and v.version > p.version) as scheduled_version,
                   (select min(v.valid_from) from procedure_version v
                     where v.procedure_code = p.code and v.version > p.version) as scheduled_from
            from procedure p join procedure_field f on f.code = p.field_code
            """;

    private ProcedureView map(ResultSet rs, int i) throws SQLException {
        List<String> legal = new ArrayList<>();
        json.readTree(rs.getString("legal_basis")).forEach(n -> legal.add(n.asString()));
        return new ProcedureView(rs.getString("code"), rs.getString("national_code"), rs.getString("name"),
                rs.getString("name_en"), rs.getString("field_code"), rs.getString("field_name"),
                list(rs.getArray("levels")), list(rs.getArray("agency_patterns")),
                rs.getArray("receiving_agencies") == null ? null : list(rs.getArray("receiving_agencies")),
                rs.getString("implementing_agency"),
                rs.getBigDecimal("time_amount") == null ? null : ProcedureRepository.plain(rs.getBigDecimal("time_amount")),
                rs.getString("time_unit"), rs.getString("time_text"), FeeJson.rows(json.readTree(rs.getString("fees"))),
                components(json.readTree(rs.getString("components"))), rs.getString("result"), legal,
                rs.getString("online_level"), rs.getString("notes"), rs.getBoolean("active"), rs.getInt("version"),
                rs.getObject("valid_from", LocalDate.class), (Integer) rs.getObject("scheduled_version"),
                rs.getObject("scheduled_from", LocalDate.class));
    }

    static List<Component> components(JsonNode array) {
        List<Component> out = new ArrayList<>();
        for (JsonNode c : array) {
            out.add(new Component(c.path("code").asString(null), c.path("name").asString(null),
                    c.path("originals").asInt(0), c.path("copies").asInt(0), c.path("required").asBoolean(false),
                    c.path("requirement").asString(null), c.path("note").asString(null)));
        }
        return out;
    }

    private static List<String> list(Array a) throws SQLException {
        return a == null ? List.of() : List.of((String[]) a.getArray());
    }

    @Transactional(readOnly = true)
    public List<ProcedureView> list(Actor actor, String text, String fieldCode) {
        requireProvinceAdmin(actor);
        String like = text == null || text.isBlank() ? null : "%" + TextNormalizer.fold(text.trim()) + "%";
        return jdbc.sql(SELECT + """
                where (cast(:like as text) is null or p.name_folded like :like or lower(p.code) like :like)
                  and (cast(:field as text) is null or p.field_code = :field)
                order by p.name limit 2000""")
                .param("like", like).param("field", fieldCode == null || fieldCode.isBlank() ? null : fieldCode)
                .query(this::map).list();
    }

    @Transactional(readOnly = true)
    public ProcedureView get(Actor actor, String code) {
        requireProvinceAdmin(actor);
        return find(code).orElseThrow(() -> ProblemException.notFound("error.catalog.procedure.notFound",
                code == null ? "" : code));
    }

    private Optional<ProcedureView> find(String code) {
        return code == null ? Optional.empty()
                : jdbc.sql(SELECT + " where p.code = :c").param("c", code.trim()).query(this::map).optional();
    }

    @Transactional(readOnly = true)
    public List<VersionView> versions(Actor actor, String code) {
        ProcedureView p = get(actor, code);
        return jdbc.sql("""
                select version, valid_from, created_at, created_by, content->>'name' as name,
                       content->>'time_amount' as time_amount, content->>'time_unit' as time_unit,
                       (content->'fees')::text as fees, (content->'components')::text as components
                from procedure_version where procedure_code = :c order by version desc""")
                .param("c", p.code()).query((rs, i) -> {
                    int v = rs.getInt("version");
                    String status = v == p.version() ? "IN_FORCE" : v > p.version() ? "SCHEDULED" : "SUPERSEDED";
                    String amount = rs.getString("time_amount");
                    return new VersionView(v, rs.getObject("valid_from", LocalDate.class), status,
                            rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getString("name"),
                            amount == null ? null : ProcedureRepository.plain(new BigDecimal(amount)),
                            rs.getString("time_unit"), FeeJson.rows(json.readTree(rs.getString("fees"))),
                            components(json.readTree(rs.getString("components"))));
                }).list();
    }

    // ---------------------------------------------------------------- writing

    @Transactional
    public ProcedureView create(Actor actor, ProcedureInput in) {
        requireProvinceAdmin(actor);
        Clean c = check(in, null);
        if (!c.problems.isEmpty()) {
            throw ProblemException.invalid(c.problems);
        }
        insert(actor, c, in.published() != null && in.published());
        ProcedureView v = find(c.code).orElseThrow();
        audit.record(actor, AdminAudit.Subject.PROCEDURE, v.code(), "CREATE", null, null, v);
        catalog.invalidate();
        return v;
    }

    /** Inserts a checked new procedure, version 1 valid from {@code validFrom} (default today). */
    void insert(Actor actor, Clean c, boolean published) {
        field(c.fieldCode, c.fieldName);
        Map<String, Object> row = new HashMap<>(c.row);
        jdbc.sql("""
                insert into procedure (code, national_code, code_status, name, name_en, field_code, levels,
                    agency_patterns, receiving_agencies, implementing_agency, time_amount, time_unit, time_text, fees,
                    components, result, online_level, legal_basis, form_schema, notes, name_folded, name_words,
                    all_words, active, version, updated_at)
                values (:code, :national_code, :code_status, :name, :name_en, :field_code, :levels, :agency_patterns,
                    :receiving_agencies, :implementing_agency, :time_amount, :time_unit, :time_text,
                    cast(:fees as jsonb), cast(:components as jsonb), :result, :online_level,
                    cast(:legal_basis as jsonb), cast(:form_schema as jsonb), :notes, :name_folded, :name_words,
                    :all_words, :active, 1, :now)""")
                .params(row).param("code", c.code).param("active", published)
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
        jdbc.sql("""
                insert into procedure_version (procedure_code, version, valid_from, content, created_at, created_by)
                select p.code, 1, :from, to_jsonb(p), :now, :by from procedure p where p.code = :code""")
                .param("from", c.validFrom == null ? today() : c.validFrom).param("code", c.code)
                .param("now", java.sql.Timestamp.from(clock.instant())).param("by", actor.username()).update();
    }

    /**
     * A new version of a procedure: in force at once when valid from today or earlier, else scheduled. 409 when
     * {@code version} is not the latest version (in force or scheduled).
     */
    @Transactional
    public ProcedureView update(Actor actor, String code, ProcedureInput in) {
        ProcedureView read = get(actor, code);
        if (in.version() == null) {
            throw ProblemException.invalid("version", "error.version.required");
        }
        // locked, then read again: two administrators saving the same version cannot both pass the check below
        jdbc.sql("select code from procedure where code = :c for update").param("c", read.code())
                .query(String.class).single();
        ProcedureView before = find(read.code()).orElseThrow();
        int latest = before.scheduledVersion() != null ? before.scheduledVersion() : before.version();
        if (in.version() != latest) {
            throw ProblemException.conflict("error.admin.stale");
        }
        Clean c = check(in, before);
        if (!c.problems.isEmpty()) {
            throw ProblemException.invalid(c.problems);
        }
        LocalDate from = c.validFrom == null ? today() : c.validFrom;
        if (from.isBefore(today())) {
            throw ProblemException.invalid("validFrom", "error.procedure.validFrom");
        }
        field(c.fieldCode, c.fieldName);
        snapshotCurrent(before.code());
        int next = latest + 1;
        Map<String, Object> changes = new HashMap<>(c.row);
        changes.remove("code");
        changes.remove("code_status");
        changes.put("version", next);
        for (String k : List.of("fees", "components", "legal_basis", "form_schema")) {
            Object v = changes.get(k);
            changes.put(k, v == null ? null : json.readTree((String) v));
        }
        if (in.fees() == null) {
            changes.remove("fees");
        }
        if (in.components() == null) {
            changes.remove("components");
        }
        if (in.formSchema() == null) {
            changes.remove("form_schema");
        }
        String base = before.scheduledVersion() == null
                ? "select to_jsonb(p) from procedure p where p.code = :c"
                : "select content from procedure_version where procedure_code = :c and version = " + latest;
        jdbc.sql("insert into procedure_version (procedure_code, version, valid_from, content, created_at, created_by) "
                        + "select :c, :n, :from, (" + base + ") || cast(:changes as jsonb), :now, :by")
                .param("c", before.code()).param("n", next).param("from", from)
                .param("changes", json.writeValueAsString(changes))
                .param("now", java.sql.Timestamp.from(clock.instant())).param("by", actor.username()).update();
        if (!from.isAfter(today())) {
            promote(before.code(), next);
        }
        if (in.published() != null && in.published() != before.published()) {
            jdbc.sql("update procedure set active = :a where code = :c").param("a", in.published())
                    .param("c", before.code()).update();
        }
        ProcedureView after = find(before.code()).orElseThrow();
        audit.record(actor, AdminAudit.Subject.PROCEDURE, after.code(),
                from.isAfter(today()) ? "SCHEDULE_VERSION" : "NEW_VERSION", null, before, after);
        catalog.invalidate();
        return after;
    }

    /**
     * Publishes ({@code published=true}: citizens may apply) or unpublishes a procedure. Both fields are required
     * (400 naming {@code published} or {@code version}: a missing {@code published} is never read as unpublish).
     * {@code version} is the latest version read (in force or scheduled): 409 when another version was saved since,
     * and 409 when the procedure is already in the state asked for (someone else published or unpublished it since
     * it was read). The row is locked first, so two administrators cannot both pass the checks.
     */
    @Transactional
    public ProcedureView publish(Actor actor, String code, Boolean published, Integer version) {
        ProcedureView read = get(actor, code);
        List<FieldProblem> missing = new ArrayList<>();
        if (published == null) {
            missing.add(FieldProblem.of("published", "error.procedure.publishedRequired"));
        }
        if (version == null) {
            missing.add(FieldProblem.of("version", "error.version.required"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
        jdbc.sql("select code from procedure where code = :c for update").param("c", read.code())
                .query(String.class).single();
        ProcedureView before = find(read.code()).orElseThrow();
        int latest = before.scheduledVersion() != null ? before.scheduledVersion() : before.version();
        if (version != latest) {
            throw ProblemException.conflict("error.admin.stale");
        }
        if (before.published() == published) {
            throw ProblemException.conflict(published ? "error.procedure.alreadyPublished"
                    : "error.procedure.alreadyUnpublished", code);
        }
        if (published && before.timeUnit() == null) {
            throw ProblemException.invalid("timeAmount", "error.procedure.timeRequired");
        }
        jdbc.sql("update procedure set active = :a, updated_at = :now where code = :c").param("a", published)
                .param("c", before.code()).param("now", java.sql.Timestamp.from(clock.instant())).update();
        ProcedureView after = find(before.code()).orElseThrow();
        audit.record(actor, AdminAudit.Subject.PROCEDURE, code, published ? "PUBLISH" : "UNPUBLISH", null, before,
                after);
        catalog.invalidate();
        return after;
    }

    /** Versions whose date has come replace the version in force (run every few minutes and at start). */
    @Transactional
    public int promoteDue() {
        List<Map.Entry<String, Integer>> due = jdbc.sql("""
                select v.procedure_code, max(v.version) from procedure_version v join procedure p on p.code = v.procedure_code
                where v.version > p.version and v.valid_from <= :today group by v.procedure_code""")
                .param("today", today()).query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).list();
        due.forEach(e -> promote(e.getKey(), e.getValue()));
        if (!due.isEmpty()) {
            catalog.invalidate();
        }
        return due.size();
    }

    /** The columns a version carries into the row in force (not popularity, publication or the time stamp). */
    private static final String CONTENT = "national_code, code_status, name, name_en, field_code, levels, "
            + "agency_patterns, receiving_agencies, implementing_agency, time_amount, time_unit, time_text, fees, "
            + "fee_options, components, result, result_en, online_level, legal_basis, form_schema, notes, "
            + "essential_rank, name_folded, name_words, all_words, version";

    private void promote(String code, int version) {
        jdbc.sql("update procedure p set (" + CONTENT + ") = (select " + CONTENT
                        + " from jsonb_populate_record(null::procedure, v.content)), updated_at = :now "
                        + "from procedure_version v where p.code = :c and v.procedure_code = p.code and v.version = :v")
                .param("c", code).param("v", version).param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    /** A procedure loaded before versions existed (the demo's) gets its version in force recorded first. */
    private void snapshotCurrent(String code) {
        jdbc.sql("""
                insert into procedure_version (procedure_code, version, valid_from, content, created_at, created_by)
                select p.code, p.version, cast(p.updated_at as date), to_jsonb(p), :now, 'system'
                from procedure p where p.code = :c
                on conflict do nothing""").param("c", code).param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    private void field(String code, String name) {
        jdbc.sql("""
                insert into procedure_field (code, name, name_folded) values (:c, :n, :f)
                on conflict (code) do nothing""")
                .param("c", code).param("n", name == null ? code : name)
                .param("f", TextNormalizer.fold(name == null ? code : name)).update();
    }

    // ---------------------------------------------------------------- rules

    /** Checked input: the column values (JSON as text) and every problem found, each naming its field. */
    record Clean(String code, String fieldCode, String fieldName, LocalDate validFrom, Map<String, Object> row,
                 List<FieldProblem> problems) {
    }

    /** Checks an input; {@code prefix} names fields of a row of an import ("" for a form). */
    Clean check(ProcedureInput in, ProcedureView existing) {
        return check(in, existing, "");
    }

    Clean check(ProcedureInput in, ProcedureView existing, String prefix) {
        List<FieldProblem> errors = new ArrayList<>();
        String code = existing != null ? existing.code() : blank(in.code());
        if (existing == null) {
            if (code == null || !CODE.matcher(code).matches()) {
                errors.add(FieldProblem.of(prefix + "code", "error.procedure.code"));
            } else if (jdbc.sql("select count(*) from procedure where code = :c").param("c", code)
                    .query(Integer.class).single() > 0) {
                errors.add(FieldProblem.of(prefix + "code", "error.procedure.codeTaken", code));
            }
        }
        String name = blank(in.name());
        if (name == null || name.length() > 500) {
            errors.add(FieldProblem.of(prefix + "name", "error.required"));
        }
        String fieldName = blank(in.fieldName());
        String fieldCode = blank(in.fieldCode());
        if (fieldCode == null && fieldName != null) {
            fieldCode = String.join("-", TextNormalizer.words(fieldName));
        }
        if (fieldCode == null || fieldCode.isBlank()) {
            errors.add(FieldProblem.of(prefix + "fieldName", "error.required"));
        } else if (fieldName == null && jdbc.sql("select count(*) from procedure_field where code = :c")
                .param("c", fieldCode).query(Integer.class).single() == 0) {
            errors.add(FieldProblem.of(prefix + "fieldCode", "error.procedure.field", fieldCode));
        }
        List<String> levels = new ArrayList<>();
        for (String l : in.levels() == null ? List.<String>of() : in.levels()) {
            String v = blank(l);
            if (v == null) {
                continue;
            }
            try {
                UnitLevel level = UnitLevel.valueOf(v.toUpperCase(Locale.ROOT));
                if (!levels.contains(level.name())) {
                    levels.add(level.name());
                }
            } catch (IllegalArgumentException e) {
                errors.add(FieldProblem.of(prefix + "levels", "error.procedure.level", v));
            }
        }
        if (levels.isEmpty() && errors.stream().noneMatch(e -> e.field().equals(prefix + "levels"))) {
            errors.add(FieldProblem.of(prefix + "levels", "error.required"));
        }
        List<String> agencies = null;
        if (in.agencies() != null) {
            agencies = in.agencies().stream().map(ProcedureAdmin::blank).filter(java.util.Objects::nonNull).distinct()
                    .toList();
            List<String> unknown = agencies.stream().filter(a -> organization.agency(a).isEmpty()).toList();
            if (!unknown.isEmpty()) {
                errors.add(FieldProblem.of(prefix + "agencies", "error.agency.notFound", String.join(", ", unknown)));
            }
            agencies = agencies.isEmpty() ? null : agencies.stream()
                    .map(a -> organization.agency(a).map(vn.motcua.organization.Agency::code).orElse(a)).toList();
        }
        String unit = blank(in.timeUnit());
        BigDecimal amount = in.timeAmount();
        if (unit != null) {
            try {
                TimeUnit.valueOf(unit.toUpperCase(Locale.ROOT));
                unit = unit.toUpperCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                errors.add(FieldProblem.of(prefix + "timeUnit", "error.procedure.timeUnit", unit));
            }
            if ("SAME_DAY".equals(unit)) {
                amount = BigDecimal.ONE;
            } else if (amount == null || amount.signum() <= 0 || amount.compareTo(BigDecimal.valueOf(3650)) > 0) {
                errors.add(FieldProblem.of(prefix + "timeAmount", "error.procedure.timeAmount"));
            }
        } else if (amount != null) {
            errors.add(FieldProblem.of(prefix + "timeUnit", "error.required"));
        }
        if (in.published() != null && in.published() && unit == null) {
            errors.add(FieldProblem.of(prefix + "timeAmount", "error.procedure.timeRequired"));
        }
        List<Map<String, Object>> fees = new ArrayList<>();
        List<Fee> feeRows = in.fees() != null ? in.fees() : existing != null ? existing.fees() : List.of();
        for (int i = 0; i < feeRows.size(); i++) {
            Fee f = feeRows.get(i);
            if (f == null || blank(f.name()) == null) {
                errors.add(FieldProblem.of(prefix + "fees[" + i + "].name", "error.required"));
                continue;
            }
            if (f.amount() != null && (f.amount() < 0 || f.amount() > 100_000_000_000L)) {
                errors.add(FieldProblem.of(prefix + "fees[" + i + "].amount", "error.procedure.feeAmount"));
            }
            if (f.kind() != null && !Set.of("phi", "le_phi").contains(f.kind())) {
                errors.add(FieldProblem.of(prefix + "fees[" + i + "].kind", "error.procedure.feeKind", f.kind()));
            }
            fees.add(json.convertValue(f, Map.class));
        }
        List<Map<String, Object>> components = new ArrayList<>();
        List<ComponentInput> comps = in.components() != null ? in.components()
                : existing != null ? existing.components().stream().map(ComponentInput::of).toList() : List.of();
        Set<String> words = new LinkedHashSet<>();
        for (int i = 0; i < comps.size(); i++) {
            ComponentInput c = comps.get(i);
            if (c == null || blank(c.name()) == null) {
                errors.add(FieldProblem.of(prefix + "components[" + i + "].name", "error.required"));
                continue;
            }
            int originals = c.originals() == null ? 0 : c.originals();
            int copies = c.copies() == null ? 0 : c.copies();
            boolean required = c.required() == null || c.required();
            if (originals < 0 || copies < 0 || originals > 99 || copies > 99) {
                errors.add(FieldProblem.of(prefix + "components[" + i + "].copies", "error.procedure.copies"));
            }
            Map<String, Object> m = new HashMap<>();
            m.put("code", blank(c.code()) == null ? String.format("TP%02d", i + 1) : c.code().trim());
            m.put("name", c.name().trim());
            m.put("originals", originals);
            m.put("copies", copies);
            m.put("required", required);
            m.put("requirement", blank(c.requirement()) == null ? (required ? "REQUIRED" : "OPTIONAL")
                    : c.requirement().trim().toUpperCase(Locale.ROOT));
            m.put("note", blank(c.note()));
            components.add(m);
            words.addAll(TextNormalizer.words(c.name()));
        }
        String online = blank(in.onlineLevel());
        if (online != null) {
            online = online.toUpperCase(Locale.ROOT);
            if (!Set.of("FULL", "PARTIAL").contains(online)) {
                errors.add(FieldProblem.of(prefix + "onlineLevel", "error.procedure.onlineLevel", online));
            }
        }
        JsonNode form = in.formSchema();
        if (form != null && (!form.isObject() || !"object".equals(form.path("type").asString("")))) {
            errors.add(FieldProblem.of(prefix + "formSchema", "error.procedure.formSchema"));
        }
        if (form == null && existing == null) {
            form = generic();
        }
        List<String> legal = in.legalBasis() == null ? List.of() : in.legalBasis().stream().map(ProcedureAdmin::blank)
                .filter(java.util.Objects::nonNull).toList();
        LocalDate from = in.validFrom();
        if (from != null && (from.isBefore(LocalDate.of(2000, 1, 1)) || from.isAfter(today().plusYears(5)))) {
            errors.add(FieldProblem.of(prefix + "validFrom", "error.procedure.validFromRange"));
        }

        Map<String, Object> row = new HashMap<>();
        if (name != null) {
            Set<String> nameWords = new LinkedHashSet<>(TextNormalizer.words(name));
            nameWords.addAll(TextNormalizer.words(blank(in.nameEn())));
            Set<String> allWords = new LinkedHashSet<>(nameWords);
            allWords.addAll(TextNormalizer.words(fieldName));
            allWords.addAll(TextNormalizer.words(blank(in.result())));
            allWords.addAll(TextNormalizer.words(blank(in.implementingAgency())));
            allWords.addAll(words);
            allWords.addAll(TextNormalizer.words(code));
            row.put("name_folded", TextNormalizer.fold(name));
            row.put("name_words", nameWords.toArray(String[]::new));
            row.put("all_words", allWords.toArray(String[]::new));
        }
        row.put("code", code);
        row.put("national_code", blank(in.nationalCode()) == null ? code : blank(in.nationalCode()));
        row.put("code_status", "administrator");
        row.put("name", name);
        row.put("name_en", blank(in.nameEn()));
        row.put("field_code", fieldCode);
        row.put("levels", levels.toArray(String[]::new));
        row.put("agency_patterns", (in.agencyPatterns() == null ? List.<String>of() : in.agencyPatterns()).stream()
                .map(ProcedureAdmin::blank).filter(java.util.Objects::nonNull).toArray(String[]::new));
        row.put("receiving_agencies", agencies == null ? null : agencies.toArray(String[]::new));
        row.put("implementing_agency", blank(in.implementingAgency()));
        row.put("time_amount", unit == null ? null : amount);
        row.put("time_unit", unit);
        row.put("time_text", blank(in.timeText()));
        row.put("fees", json.writeValueAsString(fees));
        row.put("components", json.writeValueAsString(components));
        row.put("result", blank(in.result()));
        row.put("online_level", online);
        row.put("legal_basis", json.writeValueAsString(legal));
        row.put("form_schema", form == null ? null : json.writeValueAsString(form));
        row.put("notes", blank(in.notes()));
        return new Clean(code, fieldCode, fieldName, from, row, errors);
    }

    private JsonNode generic() {
        try (InputStream s = new ClassPathResource("catalog/forms/_generic.json").getInputStream()) {
            return json.readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException("catalog/forms/_generic.json", e);
        }
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
