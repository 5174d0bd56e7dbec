package vn.motcua.platform.outbox;

import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/** One committed event, as a consumer receives it. */
public record OutboxEvent(long id, String aggregate, String aggregateId, String type, JsonNode payload,
                          OffsetDateTime createdAt) {
}
