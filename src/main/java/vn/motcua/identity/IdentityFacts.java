package vn.motcua.identity;

import java.time.OffsetDateTime;
import java.util.function.Consumer;

/**
 * The identity module's facts for other modules that rebuild their own state (the 766 index's recount), without
 * reading the identity tables: which accounts are linked to a national electronic identity (VNeID), and since when.
 * Live changes come as {@link NationalIdentityLinked} events.
 */
public interface IdentityFacts {

    /** An account linked to VNeID since {@code linkedAt}. */
    record Linked(long accountId, OffsetDateTime linkedAt) {
    }

    /** Every account linked to VNeID, streamed (call inside a transaction). */
    void forEachLinked(Consumer<Linked> each);
}
