package vn.motcua.workflow;

import java.time.OffsetDateTime;
import vn.motcua.platform.Role;

/** A processing step of one dossier. */
public record StepInstance(long id, int seq, String name, Role role, String agencyCode, long shareMinutes,
                           Long assigneeId, String assigneeName, String status, OffsetDateTime startedAt,
                           OffsetDateTime dueAt, OffsetDateTime finishedAt, boolean last) {
}
