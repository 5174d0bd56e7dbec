package vn.motcua.workflow;

import java.time.OffsetDateTime;

/** An opinion asked of another agency (xin ý kiến), with its own deadline. */
public record Consultation(long id, long dossierId, String dossierCode, String fromAgency, String toAgency,
                           String question, String requestedBy, OffsetDateTime requestedAt, OffsetDateTime dueAt,
                           OffsetDateTime answeredAt, String answer, String answeredBy) {
}
