package vn.motcua.payment.internal;

import java.util.Comparator;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.motcua.integration.OnlinePayment;
import vn.motcua.integration.OnlinePayments;

/**
 * The payment module behind the national sync's seam: a dossier's fee counts as paid online
 * ({@code DuocThanhToanTrucTuyen}) only when a gateway confirmed it and it was not refunded — 1 through the national
 * payment platform, 2 through the provincial gateway (VNPay). Cash at the counter never does.
 */
@Component
class NationalSyncPayments implements OnlinePayments {

    private final PaymentRepository payments;

    NationalSyncPayments(PaymentRepository payments) {
        this.payments = payments;
    }

    @Override
    public Optional<OnlinePayment> paidOnline(String dossierCode) {
        return payments.ofDossier(dossierCode).stream()
                .filter(r -> !r.cash() && "ONLINE".equals(r.method()) && r.status().paid())
                .max(Comparator.comparing(PaymentRecord::createdAt))
                .map(r -> new OnlinePayment("PAYMENT_PLATFORM".equals(r.gateway())
                        ? OnlinePayment.Gateway.NATIONAL_PORTAL : OnlinePayment.Gateway.PROVINCIAL_GATEWAY,
                        r.gatewayTxnNo() != null ? r.gatewayTxnNo() : r.reference(), r.amount(),
                        r.paidAt() != null ? r.paidAt() : r.settledAt()));
    }
}
