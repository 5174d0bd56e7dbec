package vn.motcua.dossier.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import vn.motcua.catalog.FeeQuote;
import vn.motcua.dossier.DossierPayments;
import vn.motcua.dossier.PayableDossier;
import vn.motcua.dossier.PaymentReceived;
import vn.motcua.platform.Actor;

/** {@link DossierPayments}: the dossier as the payment module sees it, and a confirmed payment through the rules. */
@Service
class PaymentDesk implements DossierPayments {

    private final DossierRepository dossiers;
    private final Transitions transitions;
    private final vn.motcua.organization.Organization organization;

    PaymentDesk(DossierRepository dossiers, Transitions transitions, vn.motcua.organization.Organization organization) {
        this.dossiers = dossiers;
        this.transitions = transitions;
        this.organization = organization;
    }

    @Override
    public Optional<PayableDossier> visibleTo(Actor actor, String code) {
        return dossiers.findByCode(code).filter(d -> Access.owns(actor, d)
                        || Access.officerSees(organization.readableBy(actor.agencyCode()), d))
                .map(PaymentDesk::payable);
    }

    @Override
    public Optional<PayableDossier> find(String code) {
        return dossiers.findByCode(code).map(PaymentDesk::payable);
    }

    @Override
    @Transactional
    public boolean paymentReceived(String code, PaymentReceived payment, Actor by) {
        return transitions.paymentReceived(code, payment, by).isPresent();
    }

    static PayableDossier payable(DossierRecord d) {
        long owed = d.feeAmount() == null ? 0L : d.feeAmount();
        List<FeeQuote.Item> items = new ArrayList<>();
        boolean complete = true;
        long quoted = 0;
        if (d.feeQuote() != null) {
            for (JsonNode i : d.feeQuote().path("items")) {
                Long amount = i.hasNonNull("amount") ? i.get("amount").asLong() : null;
                items.add(new FeeQuote.Item(i.path("name").asString(null), amount, i.path("condition").asString(null),
                        i.path("quantity").asInt(1), i.hasNonNull("unitAmount") ? i.get("unitAmount").asLong() : null,
                        i.path("kind").asString(null)));
                quoted += amount == null ? 0 : amount;
            }
            complete = d.feeQuote().path("complete").asBoolean(true);
        }
        boolean outsideCatalogue = false;
        if (!complete || quoted != owed) {
            outsideCatalogue = items.isEmpty() && owed > 0;
            // an officer set the amount when asking for payment: one line of what is asked, of the quote's kind
            String kind = items.stream().map(FeeQuote.Item::kind).filter(k -> k != null).findFirst().orElse("le_phi");
            String name = items.isEmpty() ? "Phí, lệ phí giải quyết thủ tục hành chính" : items.getFirst().name();
            items = owed > 0 ? List.of(new FeeQuote.Item(name, owed, "Theo yêu cầu thực hiện nghĩa vụ tài chính", 1,
                    owed, kind)) : List.of();
            complete = true;
        }
        items = items.stream().filter(i -> i.amount() != null && i.amount() != 0).toList();
        JsonNode a = d.applicant();
        return new PayableDossier(d.id(), d.code(), d.status(), d.procedureCode(), d.procedureName(), d.agencyCode(),
                d.channel(), d.applicantAccountId(), d.applicantName(), d.applicantIdNumber(),
                a == null ? null : a.path("address").asString(null), a == null ? null : a.path("email").asString(null),
                d.applicantPhone(), owed, items, complete, d.paidAt(), d.version(), outsideCatalogue);
    }
}
