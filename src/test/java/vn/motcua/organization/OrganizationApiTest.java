package vn.motcua.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;

@IntegrationTest
class OrganizationApiTest {

    @LocalServerPort
    int port;

    @Test
    void theProvinceHasElevenDistrictsAndOneHundredElevenCommunes() {
        TestApi api = new TestApi(port);
        var districts = api.get("/api/v1/units?parent=70&at=2025-06-30").json();
        assertThat(districts.get("total").asInt()).isEqualTo(11);
        assertThat(districts.get("items").get(0).get("level").asString()).isEqualTo("DISTRICT");
        var communes = api.get("/api/v1/units?level=COMMUNE&size=500&at=2025-06-30").json();
        assertThat(communes.get("total").asInt()).isEqualTo(111);
        assertThat(api.get("/api/v1/units/25195").json().get("name").asString()).isEqualTo("Phường Tân Phú");
    }

    @Test
    void unknownUnitsAreNotFoundAndBadLevelsNameTheParameter() {
        TestApi api = new TestApi(port);
        var missing = api.get("/api/v1/units/99999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("content-type")).startsWith("application/problem+json");
        assertThat(missing.json().get("detail").asString()).contains("99999");
        var bad = api.get("/api/v1/units?level=HAMLET");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("level");
        var size = api.get("/api/v1/units?size=0");
        assertThat(size.status()).isEqualTo(400);
        assertThat(size.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
    }

    @Test
    void agenciesCarryAnElectronicIdentifierThatFollowsCircular01() {
        var agency = new TestApi(port).get("/api/v1/agencies/70.689.25195.MC").json();
        assertThat(agency.get("electronicId").asString()).matches("H10\\.89\\.\\d{2}\\.\\d{3}");
        assertThat(ElectronicId.valid(agency.get("electronicId").asString())).isTrue();
        assertThat(agency.get("unitCode").asString()).isEqualTo("25195");
        var ofTanPhu = new TestApi(port).get("/api/v1/agencies?unit=25195").json();
        assertThat(ofTanPhu.get("items")).extracting(n -> n.get("code").asString()).contains("70.689.25195.MC");
    }

    @Test
    void englishCallersGetEnglishProblems() {
        var missing = new TestApi(port).inEnglish().get("/api/v1/units/99999");
        assertThat(missing.json().get("title").asString()).isEqualTo("Not found");
    }
}
