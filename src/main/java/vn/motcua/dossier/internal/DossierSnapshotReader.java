package vn.motcua.dossier.internal;

import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.DossierSnapshots;

/** Streams snapshots with a server-side cursor (a fetch size inside a read-only transaction), so memory stays flat. */
@Component
class DossierSnapshotReader implements DossierSnapshots {

    private final JdbcTemplate jdbc;
    private final DossierRepository repository;
    private final TransactionTemplate tx;

    DossierSnapshotReader(JdbcTemplate jdbc, DossierRepository repository, PlatformTransactionManager tm) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.tx = new TransactionTemplate(tm);
        this.tx.setReadOnly(true);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    @Override
    public void forEach(Consumer<Map<String, Object>> each) {
        tx.executeWithoutResult(status -> {
            JdbcTemplate t = new JdbcTemplate(jdbc.getDataSource());
            t.setFetchSize(2000);
            t.query("select " + DossierRepository.COLUMNS + """
                    , (select count(*) from dossier_attachment a where a.dossier_id = dossier.id and a.kind = 'RESULT')
                      as result_files
                    from dossier order by id""", (RowCallbackHandler) rs ->
                    each.accept(DossierEvents.snapshot(repository.map(rs, 0), rs.getInt("result_files"))));
        });
    }
}
