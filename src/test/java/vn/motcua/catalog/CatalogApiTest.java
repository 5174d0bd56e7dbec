package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;

@IntegrationTest
class CatalogApiTest {

    @LocalServerPort
    int port;

    private List<String> codes(String query) {
        JsonNode body = new TestApi(port).get("/api/v1/procedures?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).json();
        return StreamSupport.stream(body.get("items").spliterator(), false).map(n -> n.get("code").asString()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"khai sinh", "KHAI SINH", "dang ky khai sinh", "Đăng ký khai sinh", "sinh khai", "khai sihn"})
    void birthRegistrationComesFirstHoweverItIsTyped(String query) {
        assertThat(codes(query)).first().isEqualTo("1.001193");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void everyNewDossierCountsAsOneUseOfItsProcedure() {
        String sql = "select popularity from procedure where code = '2.000815'";
        // the uses are counted by an outbox consumer: earlier tests' dossiers of the procedure counted first, so that
        // the count moves by this one only (a poll until it moved could stop at an earlier test's late one)
        vn.motcua.test.Background.outboxCaughtUp(jdbc, "catalog-usage");
        long before = jdbc.sql(sql).query(Long.class).single();
        TestApi desk = new TestApi(port).as("tiepnhan.tanphu");
        var r = desk.post("/api/v1/office/dossiers", vn.motcua.test.TestDossiers.body(desk, "2.000815",
                vn.motcua.test.TestDossiers.TAN_PHU, vn.motcua.test.TestDossiers.phone()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        vn.motcua.test.Background.outboxCaughtUp(jdbc, "catalog-usage");
        assertThat(jdbc.sql(sql).query(Long.class).single()).isEqualTo(before + 1);
    }

    /** The names of the 38 real procedures of the demo data (the catalogue an administrator starts from). */
    static List<String> demoProcedureNames() {
        try (var in = CatalogApiTest.class.getResourceAsStream("/demo-data/procedures-sample.json")) {
            JsonNode procedures = tools.jackson.databind.json.JsonMapper.builder().build().readTree(in)
                    .get("procedures");
            return StreamSupport.stream(procedures.spliterator(), false).map(p -> p.get("name_vi").asString())
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every procedure of the demo data is published (other tests may add procedures of their own). */
    @Test
    void theWholeDemoCatalogueIsPublished() {
        JsonNode all = new TestApi(port).get("/api/v1/procedures?size=100").json();
        List<String> names = StreamSupport.stream(all.get("items").spliterator(), false)
                .map(p -> p.get("name").asString()).toList();
        List<String> demo = demoProcedureNames();
        assertThat(demo).hasSize(38);
        assertThat(names).containsAll(demo);
        assertThat(all.get("total").asInt()).isGreaterThanOrEqualTo(demo.size());
    }

    @Test
    void aProcedureHasEverythingACitizenNeeds() {
        JsonNode p = new TestApi(port).get("/api/v1/procedures/1.004873").json();
        assertThat(p.get("name").asString()).isEqualTo("Cấp Giấy xác nhận tình trạng hôn nhân");
        assertThat(p.get("field").get("name").asString()).isEqualTo("Hộ tịch");
        assertThat(p.get("levels").get(0).asString()).isEqualTo("COMMUNE");
        assertThat(p.get("processingTime").get("amount").asInt()).isEqualTo(3);
        assertThat(p.get("processingTime").get("unit").asString()).isEqualTo("WORKING_DAYS");
        assertThat(p.get("components").get(0).get("code").asString()).isEqualTo("TP01");
        assertThat(p.get("components").get(0).get("required").asBoolean()).isTrue();
        assertThat(p.get("onlineLevel").asString()).isEqualTo("FULL");
        assertThat(p.get("legalBasis").size()).isGreaterThan(0);
        assertThat(p.get("results").get(0).asString()).contains("tình trạng hôn nhân");
        assertThat(p.get("formSchema").get("examples").get(0).isObject()).isTrue();
        assertThat(p.get("agencyKinds").toString()).contains("one_stop_commune");
    }

    @Test
    void sameDayProceduresAndUnconfirmedTimesAreExplicit() {
        JsonNode birth = new TestApi(port).get("/api/v1/procedures/1.001193").json();
        assertThat(birth.get("processingTime").get("unit").asString()).isEqualTo("SAME_DAY");
        JsonNode school = new TestApi(port).get("/api/v1/procedures/1.004889").json();
        assertThat(school.get("processingTime").isNull()).isTrue();
        assertThat(school.get("acceptsApplications").asBoolean()).isFalse();
    }

    @Test
    void filtersByLevelFieldAgencyAndOnlineLevel() {
        TestApi api = new TestApi(port);
        JsonNode commune = api.get("/api/v1/procedures?level=COMMUNE&size=100").json();
        commune.get("items").forEach(i -> assertThat(i.get("levels").toString()).contains("COMMUNE"));
        JsonNode civil = api.get("/api/v1/procedures?field=ho-tich&size=100").json();
        civil.get("items").forEach(i -> assertThat(i.get("field").get("code").asString()).isEqualTo("ho-tich"));
        JsonNode tanPhu = api.get("/api/v1/procedures?agency=70.689.25195.MC&size=100").json();
        assertThat(tanPhu.get("items").toString()).contains("1.001193").doesNotContain("3.000333");
        JsonNode justice = api.get("/api/v1/procedures?agency=70.S.TP&size=100").json();
        assertThat(justice.get("items").toString()).contains("3.000333").doesNotContain("\"1.001193\"");
        JsonNode full = api.get("/api/v1/procedures?onlineLevel=FULL&size=100").json();
        full.get("items").forEach(i -> assertThat(i.get("onlineLevel").asString()).isEqualTo("FULL"));
    }

    @Test
    void badFiltersAreA400NamingTheParameter() {
        TestApi api = new TestApi(port);
        for (String[] c : new String[][] {{"level=HAMLET", "level"}, {"onlineLevel=LEVEL4", "onlineLevel"},
                {"field=unknown-field", "field"}, {"agency=70.NOPE", "agency"}, {"page=-1", "page"}, {"size=1000", "size"}}) {
            var r = api.get("/api/v1/procedures?" + c[0]);
            assertThat(r.status()).as(c[0]).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(c[1]);
            assertThat(r.json().get("errors").get(0).get("message").asString()).isNotBlank();
        }
        var missing = api.get("/api/v1/procedures/9.999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asString()).contains("9.999999");
    }

    @Test
    void hostileOrHugeQueriesAnswerNormally() {
        TestApi api = new TestApi(port);
        int totalBefore = api.get("/api/v1/procedures?size=1").json().get("total").asInt();
        String huge = "khai sinh ".repeat(50);
        for (String q : List.of(huge, "<script>alert(1)</script>", "'; drop table procedure; --", "%_\\")) {
            var r = api.get("/api/v1/procedures?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertThat(r.status()).as(q).isEqualTo(200);
            assertThat(r.text()).doesNotContain("<script>");
        }
        // a control character is refused at the input boundary, naming the parameter (issue 17)
        var nul = api.get("/api/v1/procedures?q=" + URLEncoder.encode("khai\u0000sinh", StandardCharsets.UTF_8));
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.text()).contains("\"q\"");
        assertThat(api.get("/api/v1/procedures?size=1").json().get("total").asInt())
                .as("the hostile queries changed nothing").isEqualTo(totalBefore);
    }
}
