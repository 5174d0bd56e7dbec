package vn.motcua.index766.report;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * What {@link StatsApi} serves, said in the API description (issue 16): {@code format} takes {@code json} (the
 * default) or {@code xlsx}, and the 200 answer of each statistics path is the JSON table or, with
 * {@code format=xlsx}, the same table as an Excel workbook (a second media type, binary). The paths ending in
 * {@code .xlsx} answer the workbook only (the description's file rule, ContractCustomizer).
 */
@Component
class StatsFormats implements OperationCustomizer {

    static final List<String> FORMATS = List.of("json", "xlsx");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (handler.getBeanType() != StatsApi.class) {
            return operation;
        }
        for (Parameter p : operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
            if ("format".equals(p.getName())) {
                p.setDescription("json (the default) or xlsx: the same table as an Excel workbook");
                StringSchema values = new StringSchema();
                FORMATS.forEach(values::addEnumItem);
                p.setSchema(values._default("json"));
            }
        }
        ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
        if (ok != null && ok.getContent() != null && ok.getContent().containsKey("application/json")) {
            ok.setDescription("The table: JSON, or an Excel workbook of the same rows and figures (format=xlsx, or "
                    + "the path ending in .xlsx)");
            ok.getContent().addMediaType(ExcelWriter.CONTENT_TYPE,
                    new MediaType().schema(new StringSchema().format("binary")));
        }
        return operation;
    }
}
