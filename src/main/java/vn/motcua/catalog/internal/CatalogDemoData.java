package vn.motcua.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.platform.DemoDataSet;
import vn.motcua.platform.text.TextNormalizer;

/**
 * The 38 real procedures of the demo (src/main/resources/demo-data/procedures-sample.json), converted to
 * the catalogue model, each with its eForm (catalog/forms/&lt;code&gt;.json, else the generic form) and its
 * structured fee schedule (catalog/fees.json, docs/FEES.md).
 * Idempotent: a procedure changed since (version &gt; 1) by an administrator is left alone.
 */
@Component
@Profile("demo")
@Order(15)
class CatalogDemoData implements DemoDataSet {

    /** Local codes for entries without a confirmed national code (candidate codes, marked unverified). */
    private static final Map<String, String> LOCAL_CODES = Map.of(
            "2.000815#electronic", "2.000815-DT",
            "nocode-issuance-of-judicial-record-certificate-criminal-record-to-v", "3.000333",
            "nocode-exchange-of-driving-licence-issued-by-the-transport-sector", "3.000347",
            "nocode-unemployment-benefit-claim", "1.014748");

    /**
     * Essential public services of Project 06 (Đề án 06) in the demo catalogue, most asked-for first: the order
     * of the home page until real usage counts take over.
     */
    private static final List<String> ESSENTIAL = List.of("1.001193", "1.004222", "1.004194", "1.000894",
            "1.000656", "2.000200", "1.001456", "3.000333", "2.002621", "2.002622", "1.003677", "2.001159",
            "2.001195", "3.000347", "1.014748", "1.013831", "1.013833");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CatalogService catalog;

    CatalogDemoData(JdbcClient jdbc, JsonMapper json, CatalogService catalog) {
        this.jdbc = jdbc;
        this.json = json;
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public String fingerprint() {
        try {
            var forms = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                    .getResources("classpath:catalog/forms/*.json");
            List<String> names = new java.util.ArrayList<>(List.of("demo-data/procedures-sample.json",
                    "catalog/fees.json", "catalog/guides.json"));
            java.util.Arrays.stream(forms).map(r -> "catalog/forms/" + r.getFilename()).sorted().forEach(names::add);
            return DemoDataSet.digest(names.toArray(String[]::new)) + "/loader-3"; // bump when the conversion changes
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    @Transactional
    public void load() {
        JsonNode schedules = read("catalog/fees.json").get("procedures");
        for (JsonNode p : read("demo-data/procedures-sample.json").get("procedures")) {
            upsert(p, schedules.get(localCode(p)));
        }
        // steps, who may apply, conditions (catalog/guides.json): left alone once an administrator changed them
        for (var g : read("catalog/guides.json").get("procedures").properties()) {
            jdbc.sql("update procedure set guide = cast(:g as jsonb) where code = :c and version = 1")
                    .param("g", json.writeValueAsString(g.getValue())).param("c", g.getKey()).update();
        }
        catalog.invalidate();
    }

    static String localCode(JsonNode p) {
        String id = p.get("id").asString();
        return LOCAL_CODES.getOrDefault(id, id);
    }

    private void upsert(JsonNode p, JsonNode schedule) {
        String code = localCode(p);
        String fieldName = p.get("field_vi").asString();
        String fieldCode = String.join("-", TextNormalizer.words(fieldName));
        jdbc.sql("""
                insert into procedure_field (code, name, name_en, name_folded) values (:c, :n, :e, :f)
                on conflict (code) do update set name = excluded.name, name_en = excluded.name_en""")
                .param("c", fieldCode).param("n", fieldName).param("e", text(p, "field_en"))
                .param("f", TextNormalizer.fold(fieldName)).update();

        List<String> levels = new ArrayList<>();
        for (JsonNode l : p.get("level_pre_2025")) {
            String v = l.asString();
            if (v.startsWith("province")) {
                levels.add("PROVINCE");
            }
            if (v.contains("district")) {
                levels.add("DISTRICT");
            }
            if (v.equals("commune")) {
                levels.add("COMMUNE");
            }
        }
        List<String> patterns = new ArrayList<>();
        if (p.hasNonNull("seed_agency_code_pattern")) {
            patterns.add(p.get("seed_agency_code_pattern").asString());
        }

        JsonNode t = p.get("processing_time");
        BigDecimal amount = null;
        String unit = null;
        if (t != null && t.hasNonNull("value")) {
            String u = t.path("unit").asString("");
            String rule = t.path("rule").asString("");
            amount = new BigDecimal(t.get("value").asString());
            if (rule.startsWith("same_day") || u.equals("immediate")) {
                unit = "SAME_DAY";
                amount = BigDecimal.ONE;
            } else if (u.startsWith("working_day")) {
                unit = "WORKING_DAYS";
            } else if (u.startsWith("working_hour")) {
                unit = "WORKING_HOURS";
            } else if (u.startsWith("day")) {
                unit = "DAYS";
            }
        }

        ArrayNode fees = json.createArrayNode();
        JsonNode feeOptions = schedule == null ? json.createObjectNode() : schedule.path("options");
        if (schedule != null) {
            schedule.path("rows").forEach(fees::add); // the structured schedule (catalog/fees.json)
        } else {
            for (JsonNode f : p.path("fees")) {
                ObjectNode o = fees.addObject();
                String kind = f.path("kind").asString("le_phi");
                o.put("name", kind.equals("phi") ? "Phí" : "Lệ phí");
                if (f.hasNonNull("amount_vnd")) {
                    o.put("amount", f.get("amount_vnd").asLong());
                } else {
                    o.putNull("amount");
                }
                o.put("condition", text(f, "condition"));
                o.put("unit", text(f, "unit"));
                o.put("kind", kind);
            }
        }

        ArrayNode components = json.createArrayNode();
        int n = 0;
        Set<String> words = new LinkedHashSet<>();
        for (JsonNode c : p.path("dossier")) {
            n++;
            ObjectNode o = components.addObject();
            String req = c.path("required").isBoolean() ? (c.get("required").asBoolean() ? "REQUIRED" : "OPTIONAL")
                    : c.path("required").asString("").toUpperCase(Locale.ROOT);
            o.put("code", String.format("TP%02d", n));
            o.put("name", c.get("name_vi").asString());
            o.put("originals", c.path("originals").asInt(0));
            o.put("copies", c.path("copies").asInt(0));
            o.put("required", "REQUIRED".equals(req));
            o.put("requirement", req);
            o.put("note", text(c, "note"));
            words.addAll(TextNormalizer.words(c.get("name_vi").asString()));
        }

        ArrayNode legal = json.createArrayNode();
        p.path("legal_basis").forEach(l -> legal.add(l.asString()));

        String online = switch (p.path("online").path("mode").asString("")) {
            case "toan_trinh" -> "FULL";
            case "mot_phan" -> "PARTIAL";
            default -> null;
        };

        String name = p.get("name_vi").asString();
        Set<String> nameWords = new LinkedHashSet<>(TextNormalizer.words(name));
        nameWords.addAll(TextNormalizer.words(text(p, "name_en")));
        Set<String> allWords = new LinkedHashSet<>(nameWords);
        allWords.addAll(TextNormalizer.words(fieldName));
        allWords.addAll(TextNormalizer.words(text(p, "field_en")));
        allWords.addAll(TextNormalizer.words(text(p, "result_vi")));
        allWords.addAll(TextNormalizer.words(text(p, "implementing_agency_type")));
        allWords.addAll(words);
        allWords.addAll(TextNormalizer.words(code));

        String notes = text(p, "notes");
        if (p.hasNonNull("code_note") && !p.hasNonNull("code")) {
            notes = "Mã thủ tục chưa được xác minh: " + code + ". " + (notes == null ? "" : notes);
        }

        jdbc.sql("""
                insert into procedure (code, national_code, code_status, name, name_en, field_code, levels,
                    agency_patterns, implementing_agency, time_amount, time_unit, time_text, fees, fee_options, components, result,
                    result_en, online_level, legal_basis, form_schema, notes, essential_rank, name_folded, name_words,
                    all_words)
                values (:code, :national, :status, :name, :nameEn, :field, :levels, :patterns, :agency, :amount, :unit,
                    :timeText, cast(:fees as jsonb), cast(:feeOptions as jsonb), cast(:components as jsonb), :result, :resultEn, :online,
                    cast(:legal as jsonb), cast(:form as jsonb), :notes, :essential, :folded, :nameWords, :allWords)
                on conflict (code) do update set national_code = excluded.national_code,
                    code_status = excluded.code_status, name = excluded.name, name_en = excluded.name_en,
                    field_code = excluded.field_code, levels = excluded.levels,
                    agency_patterns = excluded.agency_patterns, implementing_agency = excluded.implementing_agency,
                    time_amount = excluded.time_amount, time_unit = excluded.time_unit, time_text = excluded.time_text,
                    fees = excluded.fees, fee_options = excluded.fee_options, components = excluded.components, result = excluded.result,
                    result_en = excluded.result_en, online_level = excluded.online_level,
                    legal_basis = excluded.legal_basis, form_schema = excluded.form_schema, notes = excluded.notes,
                    essential_rank = excluded.essential_rank, name_folded = excluded.name_folded,
                    name_words = excluded.name_words, all_words = excluded.all_words
                where procedure.version = 1""")
                .param("code", code).param("national", text(p, "code")).param("status", text(p, "code_status"))
                .param("name", name).param("nameEn", text(p, "name_en")).param("field", fieldCode)
                .param("levels", levels.stream().distinct().toArray(String[]::new))
                .param("patterns", patterns.toArray(String[]::new))
                .param("agency", text(p, "implementing_agency_type"))
                .param("amount", amount).param("unit", unit)
                .param("timeText", t == null ? null : text(t, "text_vi"))
                .param("fees", json.writeValueAsString(fees))
                .param("feeOptions", json.writeValueAsString(feeOptions))
                .param("components", json.writeValueAsString(components))
                .param("result", text(p, "result_vi")).param("resultEn", text(p, "result_en"))
                .param("online", online).param("legal", json.writeValueAsString(legal))
                .param("form", json.writeValueAsString(formSchema(code)))
                .param("notes", notes).param("essential", ESSENTIAL.contains(code) ? ESSENTIAL.indexOf(code) + 1 : null)
                .param("folded", TextNormalizer.fold(name))
                .param("nameWords", nameWords.toArray(String[]::new))
                .param("allWords", allWords.toArray(String[]::new))
                .update();
    }

    private JsonNode formSchema(String code) {
        ClassPathResource own = new ClassPathResource("catalog/forms/" + code + ".json");
        return read(own.exists() ? own.getPath() : "catalog/forms/_generic.json");
    }

    private JsonNode read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

}
