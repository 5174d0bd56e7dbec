package vn.motcua.dossier;

import java.time.OffsetDateTime;
import java.util.List;
import vn.motcua.catalog.FeeQuote;
import vn.motcua.platform.Channel;

/**
 * What the payment module needs to know of a dossier: who owes, what and why. The amount is the dossier's fee as the
 * catalogue quoted it at intake ({@code Catalog.quote}), or the amount an officer set when asking for payment (the
 * quote was incomplete); the client never says how much.
 *
 * @param feeAmount     what the dossier owes in đồng (0: nothing)
 * @param feeItems      the lines of the catalogue's quote (phí and lệ phí by their {@code kind}); when an officer set
 *                      another amount, one line of that amount
 * @param paidAt        when a payment was last confirmed (null: never)
 * @param outsideCatalogue the amount was asked by an officer (REQUEST_PAYMENT with an amount) for a dossier whose
 *                      catalogue quote has no phí or lệ phí line: a financial obligation the catalogue does not know
 *                      (e.g. a tax the tax authority notified), not a phí or lệ phí (docs/PAYMENTS.md "Categories")
 */
public record PayableDossier(long id, String code, DossierStatus status, String procedureCode, String procedureName,
                             String agencyCode, Channel channel, Long applicantAccountId, String applicantName,
                             String applicantIdNumber, String applicantAddress, String applicantEmail,
                             String applicantPhone, long feeAmount, List<FeeQuote.Item> feeItems,
                             boolean feeComplete, OffsetDateTime paidAt, int version,
                             boolean outsideCatalogue) {

    public PayableDossier {
        feeItems = feeItems == null ? List.of() : List.copyOf(feeItems);
    }

    /** A payment is asked for now (REQUEST_PAYMENT): paying turns the dossier back to processing. */
    public boolean awaitingPayment() {
        return status == DossierStatus.AWAITING_PAYMENT;
    }

    /** The dossier is still open: a fee may be paid with the application or on request. */
    public boolean open() {
        return status == DossierStatus.SUBMITTED || status == DossierStatus.RECEIVED
                || status == DossierStatus.PROCESSING || status == DossierStatus.SUPPLEMENT_REQUESTED
                || status == DossierStatus.AWAITING_PAYMENT;
    }
}
