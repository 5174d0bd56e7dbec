package vn.motcua.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An in-memory copy of a small, rarely changed table set (the directory of agencies, the catalogue), read on every
 * request and reloaded when it is older than its time to live or after a local change.
 * <p>
 * A change made in a transaction is dropped from the copy <b>after the transaction commits</b>, never inside it:
 * otherwise another request reloading between the change and the commit reads the old rows and keeps them until the
 * copy expires (the flaky {@code AgencyAdminApiTest}: a new agency not found for a minute). Until then the writing
 * transaction itself reads fresh rows (its own changes) without caching them, and a load that started before a change
 * is never kept (a generation counter), so a rolled-back change leaves nothing behind.
 */
public final class CommittedSnapshot<T> {

    private final Supplier<T> loader;
    private final Duration ttl;
    private final Clock clock;
    private final Object lock = new Object();
    private long generation;
    private volatile Entry<T> entry;

    private record Entry<T>(T value, Instant loadedAt) {
    }

    public CommittedSnapshot(Supplier<T> loader, Duration ttl, Clock clock) {
        this.loader = loader;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The copy: fresh rows (not kept) in a transaction that changed them, else the cached or a reloaded copy. */
    public T get() {
        if (TransactionSynchronizationManager.hasResource(this)) {
            return loader.get();
        }
        Entry<T> e = entry;
        Instant now = clock.instant();
        if (e != null && e.loadedAt.plus(ttl).isAfter(now) && !now.isBefore(e.loadedAt)) { // a clock moved back reloads
            return e.value;
        }
        long g;
        synchronized (lock) {
            g = generation;
        }
        T value = loader.get();
        synchronized (lock) {
            if (generation == g) {
                entry = new Entry<>(value, now);
            }
        }
        return value;
    }

    /**
     * The rows changed: in a transaction the copy is dropped once it commits (and kept when it rolls back); outside one
     * at once.
     */
    public void invalidate() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            drop();
            return;
        }
        if (TransactionSynchronizationManager.hasResource(this)) {
            return; // already registered for this transaction
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                drop();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(CommittedSnapshot.this);
            }
        });
    }

    private void drop() {
        synchronized (lock) {
            generation++;
            entry = null;
        }
    }
}
