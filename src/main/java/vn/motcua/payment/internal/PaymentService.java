package vn.motcua.payment.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierPayments;
import vn.motcua.dossier.PayableDossier;
import vn.motcua.dossier.PaymentReceived;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.payment.PaymentSettled;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.payment.receipt.EReceipts;
import vn.motcua.payment.vnpay.VnPayGateway;
import vn.motcua.payment.spi.CallbackData;
import vn.motcua.payment.spi.GatewayResult;
import vn.motcua.payment.spi.GatewayUnavailableException;
import vn.motcua.payment.spi.PaymentGateway;
import vn.motcua.payment.spi.PaymentOrder;
import vn.motcua.platform.Actor;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;
import vn.motcua.platform.limits.LimitKind;
import vn.motcua.platform.limits.RateLimits;
import vn.motcua.platform.outbox.Outbox;

/**
 * Payments of dossiers: start an attempt (the amount is what the dossier owes, never what a client says), take a
 * gateway's callback (signature, reference, amount, then the state changed once), record cash at the counter, query
 * an open attempt, ask for a refund. A confirmed payment is taken by the dossier through its rule book, in the same
 * transaction, and published as {@link PaymentSettled}.
 */
@Service
public class PaymentService {

    private static final Log log = LogFactory.getLog(PaymentService.class);
    private static final Log audit = LogFactory.getLog("vn.motcua.audit");
    private static final DateTimeFormatter REF_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss");
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final String CASH = "CASH";

    private final PaymentRepository payments;
    private final DossierPayments dossiers;
    private final Organization organization;
    private final Map<String, PaymentGateway> gateways = new HashMap<>();
    private final PaymentProperties properties;
    private final TransactionTemplate tx;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;
    /** Vietnam time, the calendar's zone: payment references carry the moment in it. */
    private final java.time.ZoneId zone;
    private final EReceipts receipts;
    private final RateLimits limits;

    PaymentService(PaymentRepository payments, DossierPayments dossiers, Organization organization,
                   List<PaymentGateway> gateways, PaymentProperties properties, TransactionTemplate tx, Outbox outbox,
                   JsonMapper json, Clock clock, EReceipts receipts, RateLimits limits, java.time.ZoneId zone) {
        this.zone = zone;
        this.receipts = receipts;
        this.limits = limits;
        this.payments = payments;
        this.dossiers = dossiers;
        this.organization = organization;
        gateways.forEach(g -> this.gateways.put(g.name(), g));
        this.properties = properties;
        this.tx = tx;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** An attempt and whether it was made now (false: the one already open was found, e.g. a double click). */
    public record Started(PaymentRecord payment, boolean created) {
    }

    /** The channels a citizen may choose now (configured gateways). */
    public List<String> onlineChannels() {
        return gateways.values().stream().filter(PaymentGateway::enabled).map(PaymentGateway::name).sorted().toList();
    }

    /** What the dossier still owes: its fee less what its successful payments brought. */
    public long due(PayableDossier d) {
        return Math.max(0, d.feeAmount() - payments.paidFor(d.id()));
    }

    public PayableDossier dossier(Actor actor, String code) {
        return dossiers.visibleTo(actor, code).orElseThrow(() -> ProblemException.notFound("dossier.notFound", code));
    }

    public List<PaymentRecord> list(Actor actor, String code) {
        dossier(actor, code);
        return payments.ofDossier(code);
    }

    public Optional<PaymentRecord> find(UUID id) {
        return payments.find(id);
    }

    public Optional<PaymentRecord> byReference(String reference) {
        return payments.byReference(reference);
    }

    /**
     * The applicant starts paying through a gateway. The amount is what the dossier owes; an attempt still open for
     * the dossier is given back rather than a second one made (a double click never charges twice); an open attempt
     * past its expiry is first settled with the gateway. The gateway unreachable: the attempt is closed as FAILED and
     * the citizen told to retry (503), the dossier unchanged.
     */
    public Started start(Actor actor, String code, String channel, String clientIp, String requestBase) {
        String gatewayName = channel == null || channel.isBlank() ? null : channel.strip().toUpperCase(java.util.Locale.ROOT);
        if (gatewayName == null) {
            throw ProblemException.invalid("channel", "payment.channel.required");
        }
        PaymentGateway gateway = gateways.get(gatewayName);
        if (gateway == null || !gateway.enabled()) {
            throw ProblemException.invalid("channel", "payment.channel.unknown", String.join(", ", onlineChannels()));
        }
        PayableDossier d = dossier(actor, code);
        if (d.applicantAccountId() == null || d.applicantAccountId() != actor.accountId()) {
            throw ProblemException.forbidden("payment.onlyApplicant");
        }
        // attempts per dossier (LimitKind.PAYMENT): a double click finds the open attempt, a script gets 429
        limits.check(LimitKind.PAYMENT, "start:" + d.code());
        Optional<PaymentRecord> open = payments.open(d.id());
        if (open.isPresent()) {
            PaymentRecord o = open.get();
            if (o.expiresAt().isAfter(now())) {
                if (o.gateway().equals(gatewayName) && o.redirectUrl() != null) {
                    return new Started(o, false);
                }
                throw ProblemException.conflict("payment.inProgress", o.reference());
            }
            reconcile(o);
            if (payments.open(d.id()).isPresent()) {
                throw ProblemException.conflict("payment.inProgress", o.reference());
            }
            d = dossier(actor, code);
        }
        if (!d.open()) {
            throw ProblemException.conflict("payment.dossierClosed", d.code());
        }
        long due = due(d);
        if (due <= 0) {
            throw ProblemException.conflict("payment.nothingDue", d.code());
        }
        if (!d.feeComplete()) {
            throw ProblemException.conflict("payment.amountNotSet", d.code());
        }
        OffsetDateTime now = now();
        PaymentRecord r = new PaymentRecord(UUID.randomUUID(), newReference(now), d.id(), d.code(), d.agencyCode(),
                d.procedureCode(), d.procedureName(), actor.accountId(), d.applicantName(), d.applicantIdNumber(),
                d.applicantAddress(), gatewayName, "ONLINE", due, json.valueToTree(items(d, due)),
                PaymentStatus.INITIATED, null, clientIp, actor.accountId(), now, now.plus(properties.expireAfter()),
                null, null, null, null, null, null, null, false, null, null, null, null, 0, 0);
        if (!payments.insert(r)) {
            // another click won the race: give its attempt back
            PaymentRecord o = payments.open(d.id()).orElseThrow(() -> ProblemException.conflict("error.stale.detail"));
            if (o.gateway().equals(gatewayName)) {
                return new Started(o, false);
            }
            throw ProblemException.conflict("payment.inProgress", o.reference());
        }
        audit.info("payment " + r.reference() + " started for dossier " + d.code() + " (" + due + " đ, " + gatewayName
                + ") by " + actor.username() + " from " + clientIp);
        try {
            String url = gateway.initiate(order(r, requestBase)).url();
            payments.redirect(r.id(), url);
        } catch (GatewayUnavailableException | ArithmeticException e) {
            log.warn("payment " + r.reference() + ": gateway " + gatewayName + " unavailable: " + e.getMessage());
            tx.executeWithoutResult(s -> payments.lockByReference(r.reference()).ifPresent(x -> turn(x,
                    PaymentStatus.FAILED, Map.of("settledAt", now(), "failure", "GATEWAY_UNAVAILABLE",
                            "confirmedBy", "INITIATE"))));
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "payment.gatewayUnavailable", null, List.of());
        }
        return new Started(payments.find(r.id()).orElseThrow(), true);
    }

    /**
     * The one-stop records cash paid at the counter: a CASH transaction, settled at once, never counted as online; the
     * dossier takes it through its rule book.
     */
    public PaymentRecord recordCash(Actor officer, String code) {
        if (!officer.has(Role.RECEPTION)) {
            throw ProblemException.forbidden("payment.cash.receptionOnly");
        }
        return tx.execute(s -> {
            PayableDossier d = dossier(officer, code);
            if (!d.open()) {
                throw ProblemException.conflict("payment.dossierClosed", d.code());
            }
            long due = due(d);
            if (due <= 0) {
                throw ProblemException.conflict("payment.nothingDue", d.code());
            }
            if (payments.open(d.id()).isPresent()) {
                throw ProblemException.conflict("payment.inProgress", payments.open(d.id()).get().reference());
            }
            OffsetDateTime now = now();
            PaymentRecord r = new PaymentRecord(UUID.randomUUID(), newReference(now), d.id(), d.code(), d.agencyCode(),
                    d.procedureCode(), d.procedureName(), d.applicantAccountId(), d.applicantName(),
                    d.applicantIdNumber(), d.applicantAddress(), CASH, "CASH", due, json.valueToTree(items(d, due)),
                    PaymentStatus.INITIATED, null, officer.origin(), officer.accountId(), now, now, null, null, null,
                    null, null, null, null, false, null, null, null, null, 0, 0);
            if (!payments.insert(r)) {
                throw ProblemException.conflict("error.stale.detail");
            }
            PaymentRecord locked = payments.lockByReference(r.reference()).orElseThrow();
            succeed(locked, now, null, null, "CASH", "COUNTER", officer);
            return payments.find(r.id()).orElseThrow();
        });
    }

    /**
     * A gateway's callback (IPN, browser return, platform confirmation): the signature first (constant time), then
     * the reference, the amount, and the state changed once. Kept in the callback log whatever the answer.
     */
    public CallbackAnswer callback(String gatewayName, String source, Map<String, String> params, String remoteAddr) {
        PaymentGateway gateway = gateways.get(gatewayName);
        CallbackData c = gateway == null ? CallbackData.forged() : gateway.verify(params);
        CallbackAnswer answer;
        try {
            answer = c.signatureValid() ? tx.execute(s -> confirm(gatewayName, c, source)) : CallbackAnswer.INVALID_SIGNATURE;
        } catch (RuntimeException e) {
            log.error("payment callback " + source + " for " + c.reference() + " failed", e);
            answer = CallbackAnswer.OTHER;
        }
        String reference = c.signatureValid() ? c.reference()
                : params.getOrDefault("vnp_TxnRef", params.get("MaThamChieu"));
        if (answer == CallbackAnswer.INVALID_SIGNATURE || answer == CallbackAnswer.INVALID_AMOUNT
                || answer == CallbackAnswer.NOT_FOUND) {
            log.warn("payment callback refused (" + answer.code() + " " + answer.message() + "): " + source + " "
                    + gatewayName + " " + reference + " from " + remoteAddr);
        }
        try {
            payments.logCallback(gatewayName, source, reference, answer.code(), remoteAddr, params);
        } catch (RuntimeException e) {
            log.error("payment callback log failed for " + reference, e);
        }
        return answer;
    }

    private CallbackAnswer confirm(String gatewayName, CallbackData c, String source) {
        if (c.reference() == null) {
            return CallbackAnswer.NOT_FOUND;
        }
        Optional<PaymentRecord> found = payments.lockByReference(c.reference()).filter(r -> r.gateway().equals(gatewayName));
        if (found.isEmpty()) {
            return CallbackAnswer.NOT_FOUND;
        }
        PaymentRecord r = found.get();
        if (c.amount() == null || c.amount() != r.amount()) {
            return CallbackAnswer.INVALID_AMOUNT;
        }
        if (r.status() != PaymentStatus.INITIATED) {
            if (c.outcome() == GatewayResult.Outcome.PAID && !r.status().paid()) {
                log.error("payment " + r.reference() + " reported paid by " + gatewayName + " (" + source
                        + ") while " + r.status() + ": the money must be returned (reconciliation report)");
            }
            return CallbackAnswer.ALREADY_CONFIRMED;
        }
        switch (c.outcome()) {
            case PAID -> succeed(r, c.paidAt() == null ? now() : c.paidAt(), c.gatewayTxnNo(), c.bankCode(),
                    c.responseCode(), source, Actor.SYSTEM);
            case PENDING -> {
                return CallbackAnswer.CONFIRMED;
            }
            default -> fail(r, PaymentStatus.FAILED, c.gatewayTxnNo(), c.bankCode(), c.responseCode(),
                    "GATEWAY_" + c.responseCode(), source);
        }
        return CallbackAnswer.CONFIRMED;
    }

    /**
     * Asks the gateway where an open attempt stands and settles it: paid → SUCCEEDED (the dossier takes it), failed →
     * FAILED, unknown to the gateway or still pending after the cutoff → EXPIRED / left for the accountant.
     *
     * @return the status after
     */
    public PaymentStatus reconcile(PaymentRecord r) {
        if (r.status() != PaymentStatus.INITIATED || r.cash()) {
            return r.status();
        }
        PaymentGateway gateway = gateways.get(r.gateway());
        OffsetDateTime now = now();
        GatewayResult g;
        try {
            g = gateway.query(order(r));
        } catch (GatewayUnavailableException e) {
            log.warn("payment " + r.reference() + ": query failed: " + e.getMessage());
            payments.queried(r.id(), now, null);
            return r.status();
        }
        Map<String, String> logged = new HashMap<>();
        logged.put("outcome", g.outcome().name());
        logged.put("responseCode", g.responseCode());
        logged.put("amount", g.amount() == null ? null : g.amount().toString());
        payments.logCallback(r.gateway(), "QUERY", r.reference(), g.outcome().name(), "gateway", logged);
        return tx.execute(s -> {
            PaymentRecord x = payments.lockByReference(r.reference()).orElseThrow();
            payments.queried(x.id(), now, g.responseCode());
            x = payments.lockByReference(r.reference()).orElseThrow();
            if (x.status() != PaymentStatus.INITIATED) {
                return x.status();
            }
            switch (g.outcome()) {
                case PAID -> {
                    if (g.amount() != null && g.amount() != x.amount()) {
                        log.error("payment " + x.reference() + ": the gateway says " + g.amount() + " đ paid, "
                                + x.amount() + " đ expected: left for the accountant");
                        return x.status();
                    }
                    succeed(x, g.paidAt() == null ? now : g.paidAt(), g.gatewayTxnNo(), g.bankCode(),
                            g.responseCode(), "QUERY", Actor.SYSTEM);
                    return PaymentStatus.SUCCEEDED;
                }
                case FAILED -> {
                    fail(x, PaymentStatus.FAILED, g.gatewayTxnNo(), g.bankCode(), g.responseCode(),
                            "GATEWAY_" + g.responseCode(), "QUERY");
                    return PaymentStatus.FAILED;
                }
                case NOT_FOUND -> {
                    if (x.expiresAt().isBefore(now)) {
                        fail(x, PaymentStatus.EXPIRED, null, null, g.responseCode(), "NEVER_PAID", "QUERY");
                        return PaymentStatus.EXPIRED;
                    }
                    return x.status();
                }
                default -> {
                    if (x.expiresAt().plus(properties.reconcileCutoff()).isBefore(now)) {
                        fail(x, PaymentStatus.EXPIRED, null, null, g.responseCode(), "PENDING_AFTER_CUTOFF", "QUERY");
                        log.error("payment " + x.reference() + " still pending at the gateway after the cutoff: "
                                + "closed as EXPIRED, the accountant checks the gateway's statement");
                        return PaymentStatus.EXPIRED;
                    }
                    return x.status();
                }
            }
        });
    }

    /**
     * The accountant records a refund with its reason: SUCCEEDED → REFUND_REQUESTED (the reason, who, when), then the
     * money goes back — cash handed back at the counter, or the gateway's refund (VNPay {@code refund}) — and the
     * attempt becomes REFUNDED. A gateway that refuses or cannot be reached leaves it REFUND_REQUESTED, recorded, and
     * says so (409 / 503); asking again later retries. An accountant acts on the payments of their own agency and, by
     * archive custody ({@link vn.motcua.organization.SuccessorCustody}), of the closed agencies it succeeded: a past
     * payment of a predecessor's dossier is refunded by the successor's accountant, with the same version check.
     *
     * @param version the version the accountant saw (optimistic locking): another change in between is a 409
     * @param manual  the money went back outside the gateway (a bank transfer, e.g. for the national platform, which
     *                has no refund): recorded as REFUNDED without asking the gateway
     */
    public PaymentRecord refund(Actor actor, UUID id, Integer version, String reason, boolean manual) {
        if (!actor.has(Role.ACCOUNTANT) && !actor.isAdmin()) {
            throw ProblemException.forbidden("payment.accounting.only");
        }
        PaymentRecord r = payments.find(id).filter(x -> actor.isAdmin()
                        || organization.readableBy(actor.agencyCode()).contains(x.agencyCode()))
                .orElseThrow(() -> ProblemException.notFound("payment.notFound", id));
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw ProblemException.invalid("reason", "payment.refund.reasonRequired");
        }
        if (why.length() > 500) {
            throw ProblemException.invalid("reason", "payment.refund.reasonTooLong", 500);
        }
        if (version == null) {
            throw ProblemException.invalid("version", "payment.refund.versionRequired");
        }
        PaymentRecord requested = tx.execute(s -> {
            PaymentRecord x = payments.lockByReference(r.reference()).orElseThrow();
            if (x.version() != version) {
                throw ProblemException.conflict("error.stale.detail");
            }
            if (x.status() == PaymentStatus.SUCCEEDED) {
                Map<String, Object> facts = new HashMap<>();
                facts.put("refundAt", now());
                facts.put("refundBy", actor.accountId());
                facts.put("refundReason", why);
                if (!payments.turn(x, PaymentStatus.REFUND_REQUESTED, facts)) {
                    throw ProblemException.conflict("error.stale.detail");
                }
                audit.info("payment " + x.reference() + " refund requested by " + actor.username() + ": " + why);
                return payments.lockByReference(r.reference()).orElseThrow();
            }
            if (x.status() != PaymentStatus.REFUND_REQUESTED) {
                throw ProblemException.conflict("payment.refund.notPaid", x.reference());
            }
            return x;
        });
        if (!requested.cash() && !manual) {
            PaymentGateway gateway = gateways.get(requested.gateway());
            GatewayResult g;
            try {
                g = gateway.refund(order(requested), requested.amount(), actor.username());
            } catch (GatewayUnavailableException e) {
                log.warn("payment " + requested.reference() + ": refund at " + requested.gateway() + " failed: "
                        + e.getMessage());
                throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "payment.refund.gatewayUnavailable", null,
                        List.of());
            }
            payments.logCallback(requested.gateway(), "REFUND", requested.reference(), g.outcome().name(),
                    "gateway", Map.of("responseCode", String.valueOf(g.responseCode()),
                            "message", String.valueOf(g.message())));
            if (g.outcome() == GatewayResult.Outcome.REFUSED) {
                throw ProblemException.conflict("payment.refund.refused", requested.reference(), g.responseCode());
            }
            if (g.outcome() != GatewayResult.Outcome.REFUNDED) {
                return payments.find(id).orElseThrow();
            }
        }
        tx.executeWithoutResult(s -> {
            PaymentRecord x = payments.lockByReference(r.reference()).orElseThrow();
            if (x.status() == PaymentStatus.REFUND_REQUESTED) {
                if (!payments.turn(x, PaymentStatus.REFUNDED, Map.of("refundedAt", now()))) {
                    throw ProblemException.conflict("error.stale.detail");
                }
                publish(x, PaymentStatus.REFUNDED, now());
                audit.info("payment " + x.reference() + " REFUNDED (" + x.amount() + " đ" + (manual ? ", outside the gateway"
                        : "") + ") by " + actor.username());
            }
        });
        return payments.find(id).orElseThrow();
    }

    private void succeed(PaymentRecord r, OffsetDateTime paidAt, String txnNo, String bank, String response,
                         String source, Actor by) {
        OffsetDateTime now = now();
        Map<String, Object> facts = new HashMap<>();
        facts.put("settledAt", now);
        facts.put("paidAt", paidAt);
        facts.put("txnNo", txnNo);
        facts.put("bank", bank);
        facts.put("response", response);
        facts.put("confirmedBy", source);
        if (!payments.turn(r, PaymentStatus.SUCCEEDED, facts)) {
            throw ProblemException.conflict("error.stale.detail");
        }
        // the e-receipt's number is taken at collection, in the same transaction (DOMAIN-2.md §1c)
        receipts.issue(r, now, txnNo);
        boolean taken = dossiers.paymentReceived(r.dossierCode(), new PaymentReceived(r.reference(), r.amount(),
                r.cash() ? PaymentReceived.Method.CASH : PaymentReceived.Method.ONLINE, r.gateway(), paidAt), by);
        payments.dossierTaken(r.id(), taken);
        publish(r, PaymentStatus.SUCCEEDED, now);
        audit.info("payment " + r.reference() + " SUCCEEDED (" + source + "), dossier " + r.dossierCode()
                + (taken ? " took it" : " no longer open: to be refunded"));
        if (!taken) {
            PaymentRecord after = payments.lockByReference(r.reference()).orElseThrow();
            payments.turn(after, PaymentStatus.REFUND_REQUESTED, Map.of("refundAt", now,
                    "refundReason", "Hồ sơ không còn chờ thanh toán khi nhận được tiền"));
        }
    }

    private void fail(PaymentRecord r, PaymentStatus to, String txnNo, String bank, String response, String reason,
                      String source) {
        OffsetDateTime now = now();
        Map<String, Object> facts = new HashMap<>();
        facts.put("settledAt", now);
        facts.put("txnNo", txnNo);
        facts.put("bank", bank);
        facts.put("response", response);
        facts.put("failure", reason);
        facts.put("confirmedBy", source);
        if (!payments.turn(r, to, facts)) {
            throw ProblemException.conflict("error.stale.detail");
        }
        publish(r, to, now);
        audit.info("payment " + r.reference() + " " + to + " (" + source + ", " + reason + ")");
    }

    private void turn(PaymentRecord r, PaymentStatus to, Map<String, Object> facts) {
        if (r.status().canBecome(to) && payments.turn(r, to, facts)) {
            publish(r, to, now());
        }
    }

    private void publish(PaymentRecord r, PaymentStatus status, OffsetDateTime at) {
        PaymentSettled e = new PaymentSettled(r.id().toString(), r.reference(), r.dossierId(), r.dossierCode(),
                r.procedureCode(), r.agencyCode(), r.gateway(), r.method(), r.amount(), status, at);
        outbox.append("payment", r.reference(), PaymentSettled.TYPE, e.toPayload());
    }

    /** The attempt as its gateway needs it. */
    public PaymentOrder order(PaymentRecord r) {
        return order(r, null);
    }

    /** The attempt as its gateway needs it, the browser sent back to this site (configured, else as requested). */
    public PaymentOrder order(PaymentRecord r, String requestBase) {
        String base = properties.publicBaseUrl() != null ? properties.publicBaseUrl()
                : requestBase != null ? requestBase : "http://localhost:8080";
        String agencyName = organization.agency(r.agencyCode()).map(Agency::name).orElse(r.agencyCode());
        return new PaymentOrder(r.reference(), r.amount(), "Thanh toan phi le phi ho so " + r.dossierCode(),
                r.createdAt(), r.expiresAt(), r.clientIp(), base + "/thanh-toan/ket-qua",
                r.gatewayTxnNo(), new PaymentOrder.Payer(r.payerName(), r.payerIdNumber(), r.payerAddress(),
                        r.dossierCode(), r.procedureCode(), r.procedureName(), r.agencyCode(), agencyName));
    }

    /**
     * The lines paid: the dossier's fee lines, or one line of the rest when part was paid before; each with its
     * category ({@link PaymentCategories}), which the reports and the receipts read.
     */
    static List<Map<String, Object>> items(PayableDossier d, long due) {
        long lines = d.feeItems().stream().mapToLong(i -> i.amount() == null ? 0 : i.amount()).sum();
        if (lines == due) {
            return d.feeItems().stream().map(i -> line(i, d.outsideCatalogue())).toList();
        }
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        String kind = d.feeItems().stream().map(i -> i.kind()).filter(k -> k != null).findFirst().orElse("le_phi");
        m.put("name", d.feeItems().isEmpty() ? "Phí, lệ phí giải quyết thủ tục hành chính"
                : d.feeItems().getFirst().name() + " (phần còn lại)");
        m.put("kind", kind);
        m.put("category", PaymentCategories.of(kind, d.outsideCatalogue()).name());
        m.put("quantity", 1);
        m.put("unitAmount", due);
        m.put("amount", due);
        return List.of(m);
    }

    /** A line of the catalogue's quote as a payment keeps it, with its category ({@link PaymentCategories}). */
    static Map<String, Object> line(vn.motcua.catalog.FeeQuote.Item i, boolean outsideCatalogue) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("name", i.name());
        m.put("kind", i.kind() == null ? "le_phi" : i.kind());
        m.put("category", PaymentCategories.of(i.kind(), outsideCatalogue).name());
        m.put("quantity", i.quantity());
        m.put("unitAmount", i.unitAmount());
        m.put("amount", i.amount());
        return m;
    }

    /** MC + yyMMddHHmmss (Vietnam time, the calendar's zone) + 6 random digits: unique, alphanumeric, 20 characters. */
    private String newReference(OffsetDateTime now) {
        return "MC" + now.atZoneSameInstant(zone).format(REF_TIME)
                + String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
