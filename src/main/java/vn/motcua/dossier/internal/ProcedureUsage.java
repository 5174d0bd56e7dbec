package vn.motcua.dossier.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.Catalog;
import vn.motcua.dossier.DossierChanged;
import vn.motcua.platform.outbox.OutboxConsumer;
import vn.motcua.platform.outbox.OutboxEvent;

/**
 * "Most used procedures": each new dossier (online or at the counter) counts one use of its procedure in the
 * catalogue, after the intake committed. It lives in the dossier module (which already uses the catalogue) so that
 * the catalogue does not depend on the dossier module (a cycle); the cursor keeps the name it had in the catalogue.
 */
@Component
class ProcedureUsage implements OutboxConsumer {

    private final Catalog catalog;

    ProcedureUsage(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "catalog-usage";
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        Map<String, Integer> uses = new HashMap<>();
        for (OutboxEvent e : events) {
            DossierChanged.of(e).filter(DossierChanged::created)
                    .ifPresent(c -> uses.merge(c.dossier().procedureCode(), 1, Integer::sum));
        }
        uses.forEach(catalog::countUses);
    }
}
