package vn.motcua.catalog.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.TimeUnit;
import vn.motcua.catalog.Component;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.Field;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.Procedure;
import vn.motcua.organization.UnitLevel;

/** SQL for procedures and fields. */
@Repository
class ProcedureRepository {

    static final String COLUMNS = """
            p.code, p.national_code, p.code_status, p.name, p.name_en, p.field_code, f.name as field_name,
            f.name_en as field_name_en, p.levels, p.agency_patterns, p.implementing_agency, p.time_amount, p.time_unit,
            p.time_text, p.fees::text as fees, p.fee_options::text as fee_options, p.components::text as components, p.result, p.result_en, p.online_level,
            p.legal_basis::text as legal_basis, p.form_schema::text as form_schema, p.notes,
            p.essential_rank is not null as essential,
            p.popularity, p.version""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProcedureRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The guide of an active procedure; empty when there is none or the procedure is unknown. */
    vn.motcua.catalog.ProcedureGuide guide(String code) {
        return jdbc.sql("select guide::text from procedure where code = :code and active").param("code", code)
                .query(String.class).optional().map(text -> {
                    JsonNode g = json.readTree(text);
                    return new vn.motcua.catalog.ProcedureGuide(strings(g.path("steps")),
                            strings(g.path("eligibility")), strings(g.path("conditions")));
                }).orElse(vn.motcua.catalog.ProcedureGuide.EMPTY);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> {
            if (n.isString() && !n.asString().isBlank()) {
                out.add(n.asString().strip());
            }
        });
        return out;
    }

    Optional<Procedure> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from procedure p join procedure_field f on f.code = p.field_code"
                        + " where p.code = :code and p.active")
                .param("code", code).query(this::map).optional();
    }

    /** A procedure whether published or not (a dossier filed before it was unpublished still reads it). */
    Optional<Procedure> findAny(String code) {
        return jdbc.sql("select " + COLUMNS + " from procedure p join procedure_field f on f.code = p.field_code"
                        + " where p.code = :code")
                .param("code", code).query(this::map).optional();
    }

    /** A procedure as it stood in one version (any version recorded, in force or not). */
    Optional<Procedure> findVersion(String code, int version) {
        return jdbc.sql("select " + COLUMNS + """
                         from procedure_version v cross join lateral jsonb_populate_record(null::procedure, v.content) p
                         join procedure_field f on f.code = p.field_code
                        where v.procedure_code = :code and v.version = :version""")
                .param("code", code).param("version", version).query(this::map).optional();
    }

    /** The agencies an administrator assigned to each procedure (only procedures with an assignment). */
    Map<String, java.util.Set<String>> assignments() {
        Map<String, java.util.Set<String>> out = new java.util.HashMap<>();
        jdbc.sql("select code, receiving_agencies from procedure where receiving_agencies is not null")
                .query((rs, i) -> Map.entry(rs.getString(1), java.util.Set.of((String[]) rs.getArray(2).getArray())))
                .list().forEach(e -> out.put(e.getKey(), e.getValue()));
        return Map.copyOf(out);
    }

    List<Procedure> findAll(List<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        Map<String, Procedure> byCode = jdbc.sql("select " + COLUMNS
                        + " from procedure p join procedure_field f on f.code = p.field_code where p.code in (:codes)")
                .param("codes", codes).query(this::map).list().stream()
                .collect(Collectors.toMap(Procedure::code, p -> p));
        return codes.stream().map(byCode::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Every active procedure's search row (the catalogue is small: a few thousand rows at most). */
    List<SearchRow> searchRows() {
        return jdbc.sql("""
                select p.code, p.name_folded, p.name_words, p.all_words, p.popularity,
                       p.essential_rank, p.name, p.levels, p.agency_patterns, p.field_code, p.online_level
                from procedure p where p.active""")
                .query((rs, i) -> new SearchRow(rs.getString("code"), rs.getString("name_folded"),
                        words(rs.getArray("name_words")), words(rs.getArray("all_words")), rs.getLong("popularity"),
                        (Integer) rs.getObject("essential_rank"), rs.getString("name"),
                        Arrays.stream((String[]) rs.getArray("levels").getArray()).map(UnitLevel::valueOf).toList(),
                        List.of((String[]) rs.getArray("agency_patterns").getArray()), rs.getString("field_code"),
                        rs.getString("online_level") == null ? null : OnlineLevel.valueOf(rs.getString("online_level"))))
                .list();
    }

    private static java.util.Set<String> words(java.sql.Array array) throws SQLException {
        return java.util.Set.copyOf(new java.util.HashSet<>(Arrays.asList((String[]) array.getArray())));
    }

    /** What ranking needs of a procedure. */
    record SearchRow(String code, String nameFolded, java.util.Set<String> nameWords, java.util.Set<String> allWords,
                     long popularity, Integer essentialRank, String name, List<UnitLevel> levels,
                     List<String> agencyPatterns, String fieldCode, OnlineLevel onlineLevel) {
    }

    List<Field> fields() {
        return jdbc.sql("""
                select f.code, f.name, f.name_en from procedure_field f
                where exists (select 1 from procedure p where p.field_code = f.code and p.active) order by f.name""")
                .query(Field.class).list();
    }

    void countUse(String code, int uses) {
        jdbc.sql("update procedure set popularity = popularity + :n where code = :code").param("n", uses)
                .param("code", code).update();
    }

    private Procedure map(ResultSet rs, int row) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("time_amount");
        String unit = rs.getString("time_unit");
        ProcessingTime time = unit == null ? null : new ProcessingTime(plain(amount), TimeUnit.valueOf(unit));
        List<Fee> fees = FeeJson.rows(json.readTree(rs.getString("fees")));
        List<Component> components = new ArrayList<>();
        for (JsonNode c : json.readTree(rs.getString("components"))) {
            components.add(new Component(text(c, "code"), text(c, "name"), c.path("originals").asInt(0),
                    c.path("copies").asInt(0), c.path("required").asBoolean(false), text(c, "requirement"),
                    text(c, "note")));
        }
        List<String> legal = new ArrayList<>();
        json.readTree(rs.getString("legal_basis")).forEach(n -> legal.add(n.asString()));
        String online = rs.getString("online_level");
        return new Procedure(rs.getString("code"), rs.getString("national_code"), rs.getString("code_status"),
                rs.getString("name"), rs.getString("name_en"),
                new Field(rs.getString("field_code"), rs.getString("field_name"), rs.getString("field_name_en")),
                Arrays.stream((String[]) rs.getArray("levels").getArray()).map(UnitLevel::valueOf).toList(),
                List.of((String[]) rs.getArray("agency_patterns").getArray()), rs.getString("implementing_agency"),
                time, rs.getString("time_text"), List.copyOf(fees), List.copyOf(components), rs.getString("result"),
                rs.getString("result_en"), online == null ? null : OnlineLevel.valueOf(online), List.copyOf(legal),
                json.readTree(rs.getString("form_schema")), rs.getString("notes"), rs.getBoolean("essential"),
                rs.getLong("popularity"), rs.getInt("version"), FeeJson.options(json.readTree(rs.getString("fee_options"))));
    }

    /** 3.00 → 3, 0.50 → 0.5, 10.00 → 10 (never 1E+1). */
    static BigDecimal plain(BigDecimal amount) {
        if (amount == null) {
            return BigDecimal.ONE;
        }
        BigDecimal a = amount.stripTrailingZeros();
        return a.scale() < 0 ? a.setScale(0) : a;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
