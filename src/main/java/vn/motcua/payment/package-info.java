/**
 * Paying online (issue 13, docs/PAYMENTS.md): what a dossier owes comes from the catalogue's fee quote (through the
 * dossier module's {@link vn.motcua.dossier.DossierPayments}); one transaction table with its state machine; the
 * gateways behind one SPI ({@code spi}): VNPay 2.1.0, the national payment platform, and a built-in VNPay sandbox for
 * the embedded default; callbacks checked signature first; a confirmed payment drives the dossier through its rule
 * book; receipts; reconciliation. Publishes {@link vn.motcua.payment.PaymentSettled} in the outbox.
 */
package vn.motcua.payment;
