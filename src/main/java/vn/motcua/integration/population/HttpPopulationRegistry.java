package vn.motcua.integration.population;

import java.net.http.HttpClient;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The national population database over HTTP (through the province's data-sharing gateway): POST
 * {@code {"SoDinhDanh": "…"}}, answer {@code {"error_code": "0", "data": {HoVaTen, NgayThangNamSinh (yyyyMMdd),
 * GioiTinh, ThuongTru, NoiOHienNay}}}; {@code data} null or HTTP 404 when nobody has the number. The gateway's exact
 * contract is agreed at onboarding (docs/NATIONAL.md): this class is the one place to adapt.
 */
final class HttpPopulationRegistry implements PopulationRegistry {

    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final PopulationProperties properties;
    private final JsonMapper json;
    private final RestClient http;

    HttpPopulationRegistry(PopulationProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
        factory.setReadTimeout(properties.timeout());
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    @Override
    public String source() {
        return "HTTP";
    }

    @Override
    public Optional<RegistryPerson> lookup(String idNumber) {
        String body;
        try {
            var request = http.post().uri(properties.baseUrl() + properties.lookupPath())
                    .contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(Map.of("SoDinhDanh", idNumber)));
            if (properties.token() != null && !properties.token().isBlank()) {
                request = request.header("Authorization", "Bearer " + properties.token());
            }
            body = request.retrieve().body(String.class);
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        } catch (RestClientException e) {
            throw new RegistryUnavailable(String.valueOf(e.getMessage()), e);
        }
        try {
            JsonNode answer = json.readTree(body == null ? "{}" : body);
            if (!"0".equals(answer.path("error_code").asString(""))) {
                throw new RegistryUnavailable("error_code " + answer.path("error_code").asString("?") + ": "
                        + answer.path("message").asString(""), null);
            }
            JsonNode d = answer.path("data");
            if (d.isMissingNode() || d.isNull()) {
                return Optional.empty();
            }
            String born = d.path("NgayThangNamSinh").asString("");
            return Optional.of(new RegistryPerson(idNumber, d.path("HoVaTen").asString(null),
                    born.matches("\\d{8}") ? LocalDate.parse(born, BIRTH) : null, d.path("GioiTinh").asString(null),
                    d.path("ThuongTru").asString(null), d.path("NoiOHienNay").asString(null)));
        } catch (RegistryUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RegistryUnavailable("unreadable answer", e);
        }
    }
}
