package vn.motcua.dossier.internal;

import java.time.OffsetDateTime;
import java.util.List;

/** One line of a dossier's history: who, when, from where, what, why. */
public record HistoryEntry(OffsetDateTime at, Long actorId, String actorName, String actorRole, String agencyCode,
                           String origin, String action, String fromStatus, String toStatus, String step,
                           String reason, String note, OffsetDateTime dueAt, List<?> documents) {
}
