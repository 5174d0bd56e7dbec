package vn.motcua.dossier;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * An application, online or at the counter: the procedure, the receiving agency, the applicant, the eForm and
 * the documents attached to the procedure's components. {@code channel} is used by counter intake only
 * (COUNTER or POSTAL).
 */
public record IntakeRequest(String procedureCode, String agencyCode, Applicant applicant, JsonNode form,
                            List<AttachmentRef> attachments,
                            @Nullable @Schema(implementation = vn.motcua.platform.Channel.class) String channel) {

    /** A file (uploaded through /api/v1/files) given for a component of the dossier. */
    public record AttachmentRef(String componentCode, UUID fileId) {
    }
}
