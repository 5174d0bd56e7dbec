package vn.motcua.platform.outbox;

import java.util.List;

/**
 * A downstream reader of the outbox. Each consumer has its own cursor. {@link #handle} runs in the same
 * transaction that advances the cursor, so database effects happen exactly once; effects outside the
 * database (an e-mail) happen at least once.
 */
public interface OutboxConsumer {

    /** A stable name: the cursor is stored under it. */
    String name();

    /** Handles events in commit order. Throwing leaves the cursor where it was; the batch is retried. */
    void handle(List<OutboxEvent> events);
}
