package vn.motcua.demo.internal;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.dossier.DossierBulkLoad;

/** A batch of generated rows on its way to the dossier module's bulk load. */
final class Rows {

    final List<DossierBulkLoad.Dossier> dossiers = new ArrayList<>();
    final List<DossierBulkLoad.History> history = new ArrayList<>();
    final List<DossierBulkLoad.Supplement> supplements = new ArrayList<>();
    final List<DossierBulkLoad.CodeCounter> counters = new ArrayList<>();

    boolean isEmpty() {
        return dossiers.isEmpty() && counters.isEmpty();
    }

    DossierBulkLoad.Batch batch() {
        return new DossierBulkLoad.Batch(dossiers, history, supplements, counters);
    }
}
