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

    OrganizationDemoData(JdbcClient jdbc, JsonMapper json, OrganizationService service,
                         @Value("${motcua.organization.province-code:70}") String provinceCode,
                         @Value("${motcua.organization.electronic-id-prefix:H10}") String electronicPrefix) {
        this.jdbc = jdbc;
        this.json = json;
        this.service = service;
        this.provinceCode = provinceCode;
        this.electronicPrefix = electronicPrefix;
    }

    @Override
    public String name() {
        return "organization";
    }

    @Override
    public String fingerprint() {
        return DemoDataSet.digest("demo-data/units-binhphuoc.json", "demo-data/agencies-binhphuoc.json") + "/"
                + provinceCode + "/" + electronicPrefix + "/loader-1"; // bump when the conversion changes
    }

    @Override
    @Transactional
    public void load() {
        JsonNode units = read("demo-data/units-binhphuoc.json");
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
        for (JsonNode a : read("demo-data/agencies-binhphuoc.json").get("agencies")) {
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
                      notes = excluded.notes""")
                    .param("code", code)
                    .param("name", a.get("name_vi").asString())
                    .param("nameEn", text(a, "name_en"))
                    .param("unit", a.get("admin_unit_code").asString())
                    .param("level", a.get("level").asString().toUpperCase(java.util.Locale.ROOT))
                    .param("kind", a.get("kind").asString())
                    .param("parent", text(a, "parent_code"))
                    .param("eid", electronicId(code))
                    .param("fields", fields.toArray(String[]::new))
                    .param("notes", text(a, "notes"))
                    .update();
        }
        service.invalidate();
    }

    /**
     * While official identifiers (Decision 20/2020/QĐ-TTg) are unknown, derive one from the agency code:
     * the province code is replaced by the province's identifier ({@code 70.689.25195.MC} → {@code
     * H10.689.25195.MC}). Configurable prefix; an administrator may set each agency's own.
     */
    String electronicId(String agencyCode) {
        if (agencyCode.startsWith(provinceCode + ".")) {
            return electronicPrefix + agencyCode.substring(provinceCode.length());
        }
        return agencyCode;
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
