package vn.motcua.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * The OpenAPI document's fixed parts (title, version, contact, licence, servers, the bearer scheme, the problem
 * schema) and the customizer that completes every operation ({@link ContractCustomizer}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    /** Name of the bearer token scheme in {@code components.securitySchemes}. */
    static final String BEARER = "bearerAuth";
    /** The shared error body, RFC 9457 problem details with the field errors. */
    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";

    static {
        // Jackson trees (eForm schemas and data) are free-form JSON objects, not Jackson's internals.
        SpringDocUtils.getConfig()
                .replaceWithSchema(tools.jackson.databind.JsonNode.class, freeForm())
                .replaceWithSchema(tools.jackson.databind.node.ObjectNode.class, freeForm())
                // the acting user is the server's business (ContractCustomizer also drops any other resolved type)
                .addRequestWrapperToIgnore(vn.motcua.platform.Actor.class);
    }

    static Schema<Object> freeForm() {
        ObjectSchema s = new ObjectSchema();
        s.setAdditionalProperties(Boolean.TRUE);
        s.setDescription("A JSON object (free form)");
        return s;
    }

    @Bean
    OpenAPI motcuaOpenApi(@Value("${motcua.api.version:1.0.0}") String version,
                          @Value("${motcua.public-base-url:http://localhost:8080}") String serverUrl,
                          @Value("${motcua.api.contact-name:Bộ phận Một cửa — hỗ trợ tích hợp}") String contactName,
                          @Value("${motcua.api.contact-url:${motcua.public-base-url:http://localhost:8080}/api-docs}")
                          String contactUrl) {
        return new OpenAPI()
                .info(new Info()
                        .title("MotCua — Một cửa API")
                        .version(version)
                        .description("""
                                The REST API of the one-stop system (Một cửa). Authenticate with `POST /api/v1/auth/token` \
                                and send `Authorization: Bearer <access_token>`. Errors are `application/problem+json` \
                                (`Problem`), with `errors[]` naming each bad field, in Vietnamese unless \
                                `Accept-Language: en`. Writes to a dossier take its version (`If-Match` or `version`) and \
                                answer 409 when it is stale. Conventions: docs/API-CONVENTIONS.md.""")
                        .contact(new Contact().name(contactName).url(contactUrl))
                        .license(new License().name("Apache-2.0")
                                .url("https://www.apache.org/licenses/LICENSE-2.0")))
                .servers(List.of(new Server().url(serverUrl).description("MotCua server")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("Token from POST /api/v1/auth/token"))
                        .addSchemas(FIELD_ERROR, fieldError())
                        .addSchemas(PROBLEM, problem()));
    }

    static Schema<?> fieldError() {
        return new ObjectSchema().description("One bad input")
                .addProperty("field", new StringSchema().description("The field, JSON-path style (applicant.idNumber)"))
                .addProperty("message", new StringSchema().description("What is wrong, in the caller's language"))
                .required(List.of("field", "message"));
    }

    static Schema<?> problem() {
        return new ObjectSchema().description("An error (RFC 9457 problem details)")
                .addProperty("type", new StringSchema().format("uri").example("https://motcua.vn/problems/400"))
                .addProperty("title", new StringSchema().example("Dữ liệu không hợp lệ"))
                .addProperty("status", new IntegerSchema().format("int32").example(400))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                        .description("Every bad input at once (always present on 400)"))
                .required(List.of("type", "title", "status"));
    }

    @Bean
    ContractCustomizer contractCustomizer(ObjectProvider<WebInvocationPrivilegeEvaluator> access,
                                          ObjectProvider<RequestMappingHandlerAdapter> adapter) {
        return new ContractCustomizer(access, adapter);
    }

    @Bean
    RecordComponentsConverter recordComponentsConverter() {
        return new RecordComponentsConverter();
    }
}
