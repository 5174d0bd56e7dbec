package vn.motcua.integration;

import java.util.Optional;

/**
 * The seam through which the payments module tells the national sync that a dossier's fee was paid online. Implement
 * it as a bean; without one (or when it answers empty) a dossier is synchronised as not paid online.
 */
public interface OnlinePayments {

    /** The confirmed online payment of a dossier, if any. */
    Optional<OnlinePayment> paidOnline(String dossierCode);
}
