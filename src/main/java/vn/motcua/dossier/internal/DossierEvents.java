package vn.motcua.dossier.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DeskVisitRecorded;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierChanged;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.platform.Actor;
import vn.motcua.platform.outbox.Outbox;

/** Writes the dossier module's events to the outbox, in the transaction of the change. */
@Component
class DossierEvents {

    private final Outbox outbox;

    DossierEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** What an event says besides the dossier and the action. */
    record Details(boolean created, List<String> items, String toAgency, OffsetDateTime consultationDueAt,
                   OffsetDateTime previousDueAt) {

        static final Details NONE = new Details(false, List.of(), null, null, null);
        static final Details CREATED = new Details(true, List.of(), null, null, null);

        static Details items(List<String> items) {
            return new Details(false, items, null, null, null);
        }

        static Details toAgency(String agency, OffsetDateTime consultationDue) {
            return new Details(false, List.of(), agency, consultationDue, null);
        }

        static Details previousDue(OffsetDateTime previous) {
            return new Details(false, List.of(), null, null, previous);
        }
    }

    DossierChanged changed(DossierRecord after, DossierAction action, DossierStatus from, Actor actor,
                           OffsetDateTime at, String reason, Details details) {
        DossierChanged e = new DossierChanged(after.snapshot(), action, from, at, actor.accountId(),
                actor.displayName(), reason, details.created(), details.items(), details.toAgency(),
                details.consultationDueAt(), details.previousDueAt());
        outbox.append("dossier", after.code(), DossierChanged.TYPE, e.toPayload());
        return e;
    }

    void deskVisit(DeskVisitRecorded e) {
        outbox.append("dossier", "desk-" + e.id(), DeskVisitRecorded.TYPE, e.toPayload());
    }
}
