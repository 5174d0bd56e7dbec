package vn.motcua.dossier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.internal.DossierQueries;
import vn.motcua.dossier.internal.DossierViews;
import vn.motcua.platform.ProblemException;

/** Public tracking (tra cứu hồ sơ): the code plus a second factor; never any personal data. */
@RestController
@Tag(name = "Tracking")
class TrackingApi {

    private final DossierQueries queries;
    private final DossierViews views;

    TrackingApi(DossierQueries queries, DossierViews views) {
        this.queries = queries;
        this.views = views;
    }

    @GetMapping("/api/v1/tracking/{code}")
    @Operation(summary = "Status and history of a dossier, with the applicant's phone or identification number")
    @ApiResponse(responseCode = "200", description = "The dossier's status and public history",
            content = @Content(schema = @Schema(implementation = DossierSchemas.Tracking.class)))
    Map<String, Object> track(@PathVariable String code, @RequestParam(required = false) String phone,
                              @RequestParam(required = false) String idNumber, Locale locale,
                              jakarta.servlet.http.HttpServletRequest request) {
        if ((phone == null || phone.isBlank()) && (idNumber == null || idNumber.isBlank())) {
            throw ProblemException.invalid("phone", "dossier.tracking.secondFactor");
        }
        return queries.forTracking(code, phone, idNumber, request.getRemoteAddr()).map(d -> views.tracking(d, locale))
                .orElseThrow(() -> ProblemException.notFound("dossier.tracking.notFound"));
    }
}
