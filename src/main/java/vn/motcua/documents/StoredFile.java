package vn.motcua.documents;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An uploaded (or generated) file. */
public record StoredFile(UUID id, String name, String contentType, long size, String sha256, Long ownerId,
                         OffsetDateTime createdAt, OffsetDateTime attachedAt) {
}
