package vn.motcua.identity;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import vn.motcua.platform.outbox.OutboxEvent;

/**
 * An account became linked to a national electronic identity (VNeID, issue 14): created by a first VNeID log-in or
 * merged after the person confirmed ({@value #TYPE} in the outbox, in the transaction of the link). The link is never
 * undone and its moment never changes. The 766 index follows it to count dossiers filed by accounts verified with
 * VNeID (indicators 4.5a/4.5b, {@link NationalIdentity#verifiedWhenFiled}); the number itself is not carried.
 *
 * @param how CREATED or MERGED
 */
public record NationalIdentityLinked(long accountId, String how, OffsetDateTime linkedAt) {

    /** The outbox event type. */
    public static final String TYPE = "identity.vneid-linked";

    /** The event of an outbox row, if it is one. */
    public static Optional<NationalIdentityLinked> of(OutboxEvent e) {
        if (!TYPE.equals(e.type()) || e.payload() == null) {
            return Optional.empty();
        }
        JsonNode p = e.payload();
        String at = p.path("linkedAt").asString(null);
        long account = p.path("accountId").asLong(0);
        if (at == null || account <= 0) {
            return Optional.empty();
        }
        return Optional.of(new NationalIdentityLinked(account, p.path("how").asString(null), OffsetDateTime.parse(at)));
    }

    /** The outbox payload. */
    public Map<String, Object> toPayload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("accountId", accountId);
        p.put("how", how);
        p.put("linkedAt", linkedAt.toString());
        return p;
    }
}
