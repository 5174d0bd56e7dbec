package vn.motcua.dossier.internal;

import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.DossierSnapshot;
import vn.motcua.dossier.DossierSnapshots;

/** Streams snapshots with a server-side cursor (a fetch size inside a read-only transaction), so memory stays flat. */
@Component
class DossierSnapshotReader implements DossierSnapshots {

    private final DossierRepository repository;
    private final TransactionTemplate tx;

    DossierSnapshotReader(DossierRepository repository, PlatformTransactionManager tm) {
        this.repository = repository;
        this.tx = new TransactionTemplate(tm);
        this.tx.setReadOnly(true);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    @Override
    public void forEach(Consumer<DossierSnapshot> each) {
        tx.executeWithoutResult(status -> repository.forEachInIdOrder(d -> each.accept(d.snapshot())));
    }
}
