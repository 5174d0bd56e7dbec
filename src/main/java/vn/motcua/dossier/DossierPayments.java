package vn.motcua.dossier;

import java.util.Optional;
import vn.motcua.platform.Actor;

/**
 * The dossier module's API for the payment module: what a dossier owes (to its applicant, to an officer who sees it,
 * or to the system for a gateway's callback), and a confirmed payment, taken through the rule book.
 */
public interface DossierPayments {

    /** The dossier if the actor may pay or see its payments: its applicant, or an officer who sees it; else empty. */
    Optional<PayableDossier> visibleTo(Actor actor, String code);

    /** The dossier, for the system (callbacks, reconciliation). */
    Optional<PayableDossier> find(String code);

    /**
     * A payment is confirmed: {@code CONFIRM_PAYMENT} by the payment platform. A dossier awaiting payment goes back to
     * processing with the clock restarted with the time that was left; an open dossier paid with the application keeps
     * its status and records the payment. A dossier no longer open (withdrawn meanwhile) is left alone: the payment
     * module refunds. In the caller's transaction when there is one.
     *
     * @param by the reception officer who took cash, or {@link Actor#SYSTEM} for a gateway's confirmation
     * @return true when the dossier took the payment
     */
    boolean paymentReceived(String code, PaymentReceived payment, Actor by);
}
