package vn.motcua.platform;

/**
 * Told when data was loaded in bulk straight into a module's tables (the data generator, an import), so
 * that modules which normally follow the outbox rebuild what they derive from it (e.g. the 766 index
 * recounts its facts and aggregates). Bulk loads do not write outbox events: history must not be
 * re-announced to citizens or re-sent to the national portal.
 */
public interface BulkLoadListener {

    /** Called after the bulk load committed. */
    void afterBulkLoad();
}
