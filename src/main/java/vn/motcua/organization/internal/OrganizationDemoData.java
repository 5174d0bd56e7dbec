package vn.motcua.organization.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.DemoDataSet;
import vn.motcua.platform.text.TextNormalizer;

/**
 * Bình Phước's 1 province, 11 district-level units, 111 communes and 467 agencies, from the project's copy
 * of the reference data (src/main/resources/demo-data, attribution in its README). Idempotent upserts; an
 * electronic identifier changed by an administrator is kept.
 */
@Component
@Profile("demo")
@Order(10)
class OrganizationDemoData implements DemoDataSet {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OrganizationService service;
    private final String provinceCode;
    private final String electronicPrefix;
    private final Reorganisations reorganisations;
    private final boolean applyReorganisation2025;

    OrganizationDemoData(JdbcClient jdbc, JsonMapper json, OrganizationService service,
                         Reorganisations reorganisations,
                         @Value("${motcua.organization.province-code:70}") String provinceCode,
                         @Value("${motcua.organization.electronic-id-prefix:H10}") String electronicPrefix,
                         @Value("${motcua.demo.apply-reorganisation-2025:true}") boolean applyReorganisation2025) {
        this.jdbc = jdbc;
        this.json = json;
        this.service = service;
        this.reorganisations = reorganisations;
        this.provinceCode = provinceCode;
        this.electronicPrefix = electronicPrefix;
        this.applyReorganisation2025 = applyReorganisation2025;
    }

    @Override
    public String name() {
        return "organization";
    }

    @Override
    public String fingerprint() {
        return DemoDataSet.digest("demo-data/units-binhphuoc.json", "demo-data/agencies-binhphuoc.json") + "/"
                + provinceCode + "/" + electronicPrefix + "/loader-5" // bump when the conversion changes
                + (applyReorganisation2025 ? "/today" : "");
    }

    @Override
    @Transactional
    public void load() {
        JsonNode units = read("demo-data/units-binhphuoc.json");
        upsertUnits(jdbc, units);
        JsonNode agencyList = read("demo-data/agencies-binhphuoc.json").get("agencies");
        java.util.Map<String, String> ids = electronicIds(units, agencyList);
        for (JsonNode a : agencyList) {
            String code = a.get("code").asString();
            List<String> fields = new ArrayList<>();
            a.path("handles_fields").forEach(f -> fields.add(f.asString()));
            jdbc.sql("""
                    insert into agency (code, name, name_en, unit_code, level, kind, parent_code, electronic_id,
                                        handles_fields, notes)
                    values (:code, :name, :nameEn, :unit, :level, :kind, :parent, :eid, :fields, :notes)
                    on conflict (code) do update set name = excluded.name, name_en = excluded.name_en,
                      unit_code = excluded.unit_code, level = excluded.level, kind = excluded.kind,
                      parent_code = excluded.parent_code, handles_fields = excluded.handles_fields,
                      notes = excluded.notes,
                      electronic_id = case when agency.electronic_id ~ :pattern then agency.electronic_id
                                           else excluded.electronic_id end,
                      previous_electronic_ids = case when agency.electronic_id ~ :pattern
                                           then agency.previous_electronic_ids
                                           else agency.previous_electronic_ids || agency.electronic_id end""")
                    .param("pattern", "^" + vn.motcua.organization.ElectronicId.PATTERN.pattern() + "$")
                    .param("code", code)
                    .param("name", a.get("name_vi").asString())
                    .param("nameEn", text(a, "name_en"))
                    .param("unit", a.get("admin_unit_code").asString())
                    .param("level", a.get("level").asString().toUpperCase(java.util.Locale.ROOT))
                    .param("kind", a.get("kind").asString())
                    .param("parent", text(a, "parent_code"))
                    .param("eid", ids.get(code))
                    .param("fields", fields.toArray(String[]::new))
                    .param("notes", text(a, "notes"))
                    .update();
        }
        loadReorganisation2025(units, ids);
        service.invalidate();
        if (applyReorganisation2025) {
            applyReorganisation2025();
        }
    }

    /**
     * The demo on the structure in force today: NQ1662-2025 applied as the administrator would (the rule book's
     * hand-over for any open dossier, the old agencies closed on 30 June 2025 with their successors, the successors in
     * force from 1 July 2025, the old codes resolving to them). Once: an applied reorganisation is left as it is.
     */
    void applyReorganisation2025() {
        var actor = vn.motcua.platform.Actor.SYSTEM.from("demo-data");
        var r = reorganisations.get(actor, REORGANISATION_2025);
        if ("PENDING".equals(r.status())) {
            reorganisations.apply(actor, REORGANISATION_2025, r.version());
        }
    }

    /** The directory of units (province, districts, communes) from the units file, inserted or updated. */
    static void upsertUnits(JdbcClient jdbc, JsonNode units) {
        List<JsonNode> all = new ArrayList<>();
        all.add(units.get("province"));
        units.get("districts").forEach(all::add);
        units.get("communes").forEach(all::add);
        for (JsonNode u : all) {
            int level = u.get("level").asInt();
            jdbc.sql("""
                    insert into admin_unit (code, name, name_en, short_name, type, level, parent_code, name_folded)
                    values (:code, :name, :nameEn, :shortName, :type, :level, :parent, :folded)
                    on conflict (code) do update set name = excluded.name, name_en = excluded.name_en,
                      short_name = excluded.short_name, type = excluded.type, level = excluded.level,
                      parent_code = excluded.parent_code, name_folded = excluded.name_folded""")
                    .param("code", u.get("code").asString())
                    .param("name", u.get("name").asString())
                    .param("nameEn", text(u, "name_en"))
                    .param("shortName", text(u, "short_name"))
                    .param("type", text(u, "type"))
                    .param("level", level == 1 ? "PROVINCE" : level == 2 ? "DISTRICT" : "COMMUNE")
                    .param("parent", text(u, "parent_code"))
                    .param("folded", TextNormalizer.fold(u.get("name").asString()))
                    .update();
        }
    }

    /** The day the two-level local government began (Law 72/2025/QH15, NQ 202/2025/QH15, NQ 1662/NQ-UBTVQH15). */
    static final java.time.LocalDate JULY_2025 = java.time.LocalDate.of(2025, 7, 1);
    static final String REORGANISATION_2025 = "NQ1662-2025";

    /**
     * The 1 July 2025 reorganisation from the data's {@code after_2025_07_01} successors and {@code _meta.merger_2025}:
     * the periods of the old units (Bình Phước 70, its 11 district-level units and 111 communes, until 30 June 2025) and
     * of the new ones (Đồng Nai 75 and the 40 communes and wards formed from former Bình Phước, from 1 July 2025); a
     * one-stop agency for each new unit ({@code 75.<code>.MC}, waiting until the reorganisation is applied); and the
     * reorganisation itself with its legal basis and mappings (units; each commune one-stop to its successor's; each
     * district one-stop to the successor of the district's first commune — an assumption: the data has no district
     * mapping). It is recorded, not applied: the demo's dossiers, accounts and tests keep the old structure until an
     * administrator applies it (docs/REORGANISATION.md).
     */
    void loadReorganisation2025(JsonNode units, java.util.Map<String, String> ids) {
        java.time.LocalDate lastOld = JULY_2025.minusDays(1);
        JsonNode p = units.get("province");
        period(p.get("code").asString(), p, "PROVINCE", null, null, lastOld);
        units.get("districts").forEach(d -> period(d.get("code").asString(), d, "DISTRICT",
                text(d, "parent_code"), null, lastOld));
        units.get("communes").forEach(c -> period(c.get("code").asString(), c, "COMMUNE",
                text(c, "parent_code"), null, lastOld));
        jdbc.sql("""
                insert into unit_period (code, valid_from, name, name_en, short_name, type, level, parent_code)
                values ('75', :from, 'Tỉnh Đồng Nai', 'Dong Nai Province', 'Đồng Nai', 'Tỉnh', 'PROVINCE', null)
                on conflict (code, coalesce(valid_from, '-infinity'::date)) do nothing""")
                .param("from", JULY_2025).update();
        List<String[]> unitMap = new ArrayList<>();
        List<String[]> agencyMap = new ArrayList<>();
        java.util.Map<String, String> successorOf = new java.util.HashMap<>();
        int rank = 0;
        for (JsonNode n : units.get("_meta").get("merger_2025").get("new_units_from_binh_phuoc")) {
            String code = n.get("code").asString();
            String name = n.get("name").asString();
            String type = name.startsWith("Phường") ? "Phường" : "Xã";
            String shortName = name.substring(type.length()).trim();
            jdbc.sql("""
                    insert into unit_period (code, valid_from, name, name_en, short_name, type, level, parent_code)
                    values (:code, :from, :name, :nameEn, :short, :type, 'COMMUNE', '75')
                    on conflict (code, coalesce(valid_from, '-infinity'::date)) do update set name = excluded.name,
                      name_en = excluded.name_en, short_name = excluded.short_name, type = excluded.type""")
                    .param("code", code).param("from", JULY_2025).param("name", name)
                    .param("nameEn", TextNormalizer.withoutMarks(shortName) + (type.equals("Phường") ? " Ward" : " Commune"))
                    .param("short", shortName).param("type", type).update();
            String agency = "75." + code + ".MC";
            rank++;
            // the new unit's People's Committee and police, successors of the old communes' (invented codes, like
            // the one-stop's: the data names no agency of the new units)
            String kindName = type.toLowerCase(java.util.Locale.ROOT) + " " + shortName;
            String enName = TextNormalizer.withoutMarks(shortName) + (type.equals("Phường") ? " Ward" : " Commune");
            successorAgency("75." + code + ".UBND", "Ủy ban nhân dân " + kindName, "People's Committee of " + enName,
                    code, "people_committee", "H19." + String.format("%02d", rank) + ".002");
            successorAgency("75." + code + ".CA", "Công an " + kindName, enName + " Police", code, "police",
                    "H19." + String.format("%02d", rank) + ".003");
            jdbc.sql("""
                    insert into agency (code, name, name_en, unit_code, level, kind, parent_code, electronic_id,
                                        valid_from, active)
                    values (:code, :name, :nameEn, :unit, 'COMMUNE', 'one_stop_commune', :parent, :eid, :from, false)
                    on conflict (code) do update set parent_code = excluded.parent_code
                      where agency.parent_code is null""")
                    .param("code", agency).param("name", "Bộ phận Một cửa UBND " + type.toLowerCase(java.util.Locale.ROOT) + " " + shortName)
                    .param("nameEn", "One-Stop Section, People's Committee of " + TextNormalizer.withoutMarks(shortName)
                            + (type.equals("Phường") ? " Ward" : " Commune"))
                    .param("unit", code).param("eid", "H19." + String.format("%02d", rank) + ".001")
                    // the one-stop of the new unit's People's Committee, which decides what it receives (the
                    // issuer of the results it returns, as Phường Tân Phú's committee was for Tân Phú's one-stop)
                    .param("parent", "75." + code + ".UBND")
                    .param("from", JULY_2025).update();
            for (JsonNode f : n.get("formed_from")) {
                String old = f.get("code").asString();
                unitMap.add(new String[] {old, code});
                successorOf.put(old, code);
            }
        }
        unitMap.add(new String[] {p.get("code").asString(), "75"});
        for (String code : ids.keySet()) {
            String[] parts = code.split("\\.");
            if (!code.endsWith(".MC") || !parts[0].equals(provinceCode)) {
                continue;
            }
            if (parts.length == 4 && successorOf.containsKey(parts[2])) {
                agencyMap.add(new String[] {code, "75." + successorOf.get(parts[2]) + ".MC"});
            } else if (parts.length == 3 && parts[1].matches("\\d+")) {
                String district = parts[1];
                List<String> inDistrict = new ArrayList<>();
                units.get("communes").forEach(c -> {
                    if (district.equals(text(c, "parent_code"))) {
                        inDistrict.add(c.get("code").asString());
                    }
                });
                inDistrict.stream().sorted().findFirst().map(successorOf::get)
                        .ifPresent(s -> agencyMap.add(new String[] {code, "75." + s + ".MC"}));
            }
        }
        for (String code : ids.keySet()) {
            String[] parts = code.split("\\.");
            if (parts.length == 4 && parts[0].equals(provinceCode) && successorOf.containsKey(parts[2])
                    && (parts[3].equals("UBND") || parts[3].equals("CA"))) {
                agencyMap.add(new String[] {code, "75." + successorOf.get(parts[2]) + "." + parts[3]});
            }
        }
        Long existing = jdbc.sql("select id from reorganisation where code = :c and status = 'PENDING'")
                .param("c", REORGANISATION_2025).query(Long.class).optional().orElse(null);
        if (existing != null) {
            // a database loaded by an earlier version of this loader: the mappings added since
            insertMappings(existing, unitMap, agencyMap);
            return;
        }
        Integer exists = jdbc.sql("select count(*) from reorganisation where code = :c")
                .param("c", REORGANISATION_2025).query(Integer.class).single();
        if (exists > 0) {
            return;
        }
        long id = jdbc.sql("""
                insert into reorganisation (code, title, legal_basis, effective_date)
                values (:c, :t, :l, :e) returning id""")
                .param("c", REORGANISATION_2025)
                .param("t", "Chính quyền địa phương hai cấp: Bình Phước nhập vào tỉnh Đồng Nai (mã 75); "
                        + "111 xã, phường, thị trấn thành 40 xã, phường; bỏ cấp huyện")
                .param("l", "Nghị quyết 202/2025/QH15 (12/6/2025); Nghị quyết 1662/NQ-UBTVQH15 (16/6/2025); "
                        + "Luật Tổ chức chính quyền địa phương 72/2025/QH15")
                .param("e", JULY_2025).query(Long.class).single();
        insertMappings(id, unitMap, agencyMap);
    }

    private void insertMappings(long id, List<String[]> unitMap, List<String[]> agencyMap) {
        for (String[] m : unitMap) {
            jdbc.sql("""
                    insert into reorganisation_unit (reorganisation_id, from_code, to_code) values (:id, :f, :t)
                    on conflict do nothing""").param("id", id).param("f", m[0]).param("t", m[1]).update();
        }
        for (String[] m : agencyMap) {
            jdbc.sql("""
                    insert into reorganisation_agency (reorganisation_id, from_code, to_code) values (:id, :f, :t)
                    on conflict do nothing""").param("id", id).param("f", m[0]).param("t", m[1]).update();
        }
    }

    private void successorAgency(String code, String name, String nameEn, String unit, String kind, String eid) {
        jdbc.sql("""
                insert into agency (code, name, name_en, unit_code, level, kind, parent_code, electronic_id,
                                    valid_from, active)
                values (:code, :name, :nameEn, :unit, 'COMMUNE', :kind, null, :eid, :from, false)
                on conflict (code) do nothing""")
                .param("code", code).param("name", name).param("nameEn", nameEn).param("unit", unit)
                .param("kind", kind).param("eid", eid).param("from", JULY_2025).update();
    }

    private void period(String code, JsonNode u, String level, String parent, java.time.LocalDate from,
                        java.time.LocalDate to) {
        jdbc.sql("""
                insert into unit_period (code, valid_from, valid_to, name, name_en, short_name, type, level, parent_code)
                values (:code, :from, :to, :name, :nameEn, :short, :type, :level, :parent)
                on conflict (code, coalesce(valid_from, '-infinity'::date)) do update set valid_to = excluded.valid_to,
                  name = excluded.name, name_en = excluded.name_en, short_name = excluded.short_name,
                  type = excluded.type, level = excluded.level, parent_code = excluded.parent_code""")
                .param("code", code).param("from", from).param("to", to).param("name", u.get("name").asString())
                .param("nameEn", text(u, "name_en")).param("short", text(u, "short_name")).param("type", text(u, "type"))
                .param("level", level).param("parent", parent).update();
    }

    /**
     * While official identifiers (Decision 20/2020/QĐ-TTg) are unknown, give each demo agency an identifier that
     * follows Circular 01/2018 (DOMAIN §2.8: a 3-character first part, then parts of 2–3 characters): the province's
     * prefix ({@code H10}); a provincial agency adds its 2-digit rank ({@code 70.S.TP} → {@code H10.NN}); a district-level
     * agency the district's last two digits and its rank from 50 ({@code 70.689.MC} → {@code H10.89.5N}); a commune
     * agency the district, the commune's 2-digit rank in the district and its own 3-digit rank
     * ({@code 70.689.25195.MC} → {@code H10.89.01.002}). Invented but valid; an administrator replaces them with
     * the real ones (and an identifier an administrator set is kept by the loader).
     */
    java.util.Map<String, String> electronicIds(JsonNode units, JsonNode agencies) {
        java.util.Map<String, Integer> communeRank = new java.util.HashMap<>();
        java.util.Map<String, Integer> perDistrict = new java.util.HashMap<>();
        List<JsonNode> communes = new ArrayList<>();
        units.get("communes").forEach(communes::add);
        communes.sort(java.util.Comparator.comparing(c -> c.get("code").asString()));
        for (JsonNode c : communes) {
            String d = c.get("parent_code").asString();
            communeRank.put(c.get("code").asString(), perDistrict.merge(d, 1, Integer::sum));
        }
        List<String> codes = new ArrayList<>();
        agencies.forEach(a -> codes.add(a.get("code").asString()));
        java.util.Collections.sort(codes);
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        java.util.Map<String, Integer> rank = new java.util.HashMap<>();
        for (String code : codes) {
            String[] parts = code.split("\\.");
            if (!parts[0].equals(provinceCode)) {
                out.put(code, code);
                continue;
            }
            String id;
            if (parts.length == 2 || !parts[1].matches("\\d+")) {
                id = electronicPrefix + "." + two(rank.merge("p", 1, Integer::sum));
            } else if (parts.length == 3) {
                String d = last2(parts[1]);
                id = electronicPrefix + "." + d + "." + two(49 + rank.merge("d" + d, 1, Integer::sum));
            } else {
                String d = last2(parts[1]);
                int c = communeRank.getOrDefault(parts[2], 0);
                id = electronicPrefix + "." + d + "." + two(c) + "."
                        + String.format("%03d", rank.merge("c" + parts[2], 1, Integer::sum));
            }
            out.put(code, id);
        }
        return out;
    }

    private static String two(int n) {
        return String.format("%02d", n);
    }

    private static String last2(String s) {
        return s.length() <= 2 ? s : s.substring(s.length() - 2);
    }

    private JsonNode read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
