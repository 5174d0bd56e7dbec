package vn.motcua.notification.internal;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import java.time.OffsetDateTime;
import vn.motcua.dossier.DossierChanged;
import vn.motcua.dossier.DossierSnapshot;
import vn.motcua.notification.NotificationChannel;
import vn.motcua.platform.Role;
import vn.motcua.platform.outbox.OutboxConsumer;
import vn.motcua.platform.outbox.OutboxEvent;

/**
 * Decides who is told what when a dossier changes ({@link DossierChanged} events): the applicant once per event (a
 * rating, {@code RATE}, tells nobody), the officers who must act next.
 * Messages are stored in the transaction that advances this consumer's cursor, so each event gives each
 * message exactly once; sending happens later ({@link NotificationDelivery}), so an SMTP outage never holds
 * the outbox back. An event that cannot be handled (a bug, a broken template) is logged and skipped, alone,
 * rather than blocking every later notification; a transient database failure retries the batch. The table is in docs/NOTIFICATIONS.md.
 */
@Component
class DossierNotifications implements OutboxConsumer {

    private static final Log log = LogFactory.getLog(DossierNotifications.class);

    /** Actions the applicant is told about, each with the template of the same name. */
    static final Set<String> APPLICANT_ACTIONS = Set.of("SUBMIT", "RECEIVE", "ACCEPT", "REFUSE",
            "REQUEST_SUPPLEMENT", "REJECT", "APOLOGIZE", "REQUEST_PAYMENT", "COMPLETE", "RETURN_RESULT", "STOP",
            "WITHDRAW");
    private static final Set<NotificationChannel> ALL = EnumSet.allOf(NotificationChannel.class);
    private static final Set<NotificationChannel> IN_APP = EnumSet.of(NotificationChannel.IN_APP);

    /** Actions whose message depends on how the result is delivered (template ACTION_ONLINE, _POSTAL, _DIRECT). */
    static final Set<String> BY_DELIVERY = Set.of("COMPLETE", "RETURN_RESULT");

    private final NotificationService notifications;
    private final TransactionTemplate savepoint;
    private final vn.motcua.dossier.DossierContents dossiers;

    DossierNotifications(NotificationService notifications, PlatformTransactionManager transactions,
                         vn.motcua.dossier.DossierContents dossiers) {
        this.dossiers = dossiers;
        this.notifications = notifications;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public String name() {
        return "notification";
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        for (OutboxEvent event : events) {
            if (!DossierChanged.TYPE.equals(event.type())) {
                continue;
            }
            DossierChange d;
            try {
                d = DossierChanged.of(event).map(DossierChange::of).orElse(null);
            } catch (RuntimeException e) {
                log.error("Outbox event " + event.id() + " (dossier " + event.aggregateId() + ") is not a readable "
                        + DossierChanged.TYPE + " event; no notification", e);
                continue;
            }
            if (d == null || d.code() == null || d.action() == null) {
                continue;
            }
            // applicant and officers apart: a failure on one side must not cost the other its messages
            inSavepoint(event, "the applicant", () -> applicant(event.id(), d));
            inSavepoint(event, "officers", () -> officers(event.id(), d));
        }
    }

    /**
     * Runs behind a savepoint. A transient database failure is rethrown (the dispatcher retries the whole batch);
     * anything else is a bug or bad data, logged, and the event's other messages are kept.
     */
    private void inSavepoint(OutboxEvent event, String who, IntSupplier work) {
        try {
            savepoint.executeWithoutResult(status -> work.getAsInt());
        } catch (TransientDataAccessException | RecoverableDataAccessException
                 | DataAccessResourceFailureException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("Notifications to " + who + " of outbox event " + event.id() + " (dossier "
                    + event.aggregateId() + ") skipped", e);
        }
    }

    /** Stores the applicant's messages of one event; returns how many. */
    int applicant(long eventId, DossierChange d) {
        if (!APPLICANT_ACTIONS.contains(d.action())) {
            return 0;
        }
        String template = d.action();
        Map<String, Object> params = d.params();
        if (BY_DELIVERY.contains(d.action())) {
            // the paper result is collected at the counter (come, with the receipt), the electronic one downloaded
            // (no need to come), the postal one sent to the address given: one message each, never "come" for all
            var delivery = dossiers.resultDelivery(d.code()).orElse(null);
            if (delivery != null) {
                template = d.action() + "_" + delivery.method().name();
                if (delivery.address() != null) {
                    params.put("detail", delivery.address());
                }
            }
        }
        return notifications.store(new NotificationService.Recipient(d.applicantAccountId(), d.applicantName(),
                d.applicantEmail(), d.applicantPhone()), ALL, template, params, d.code(), d.action(), eventId);
    }

    /** Stores the officers' in-app messages of one event; returns how many. */
    int officers(long eventId, DossierChange d) {
        return switch (d.action()) {
            case "SUBMIT" -> notifications.officers(d.agencyCode(), Role.RECEPTION, IN_APP, "OFFICE_SUBMIT",
                    d.officerParams(), d.code(), d.action(), eventId);
            case "SUPPLY" -> supplied(eventId, d);
            default -> 0;
        };
    }

    /**
     * The applicant supplied what was asked: back in the reception queue (requested at reception), or with the
     * officer holding the dossier, else the officers of the current step's role and agency (specialists of the
     * receiving agency when the event does not say).
     */
    private int supplied(long eventId, DossierChange d) {
        if ("SUBMITTED".equals(d.toStatus())) {
            return notifications.officers(d.agencyCode(), Role.RECEPTION, IN_APP, "OFFICE_SUPPLY", d.officerParams(),
                    d.code(), d.action(), eventId);
        }
        if (d.assigneeId() != null) {
            return notifications.account(d.assigneeId(), null, IN_APP, "OFFICE_SUPPLY", d.officerParams(), d.code(),
                    d.action(), eventId);
        }
        Role role = d.stepRole() == null ? Role.SPECIALIST : d.stepRole();
        String agency = d.stepAgencyCode() == null ? d.agencyCode() : d.stepAgencyCode();
        return notifications.officers(agency, role, IN_APP, "OFFICE_SUPPLY", d.officerParams(), d.code(), d.action(),
                eventId);
    }

    /**
     * What this module uses of a {@link DossierChanged} event. {@code assigneeId}, {@code stepRole} and
     * {@code stepAgencyCode} route an officer's notice to whoever holds the dossier.
     */
    record DossierChange(String code, String action, String toStatus, String reason, String procedureName,
                         String agencyCode, OffsetDateTime dueAt, OffsetDateTime originalDueAt, Long applicantAccountId,
                         String applicantName, String applicantEmail, String applicantPhone, Long feeAmount,
                         Long assigneeId, Role stepRole, String stepAgencyCode) {

        static DossierChange of(DossierChanged e) {
            DossierSnapshot d = e.dossier();
            return new DossierChange(d.code(), e.action() == null ? null : e.action().name(),
                    d.status() == null ? null : d.status().name(),
                    blank(e.reason()), d.procedureName(), d.agencyCode(), d.dueAt(), d.originalDueAt(),
                    d.applicantAccountId(), blank(d.applicantName()), blank(d.applicantEmail()),
                    blank(d.applicantPhone()), d.feeAmount(), d.assigneeId(), role(d.currentStepRole()),
                    blank(d.currentStepAgency()));
        }

        /** The applicant's template parameters. */
        Map<String, Object> params() {
            Map<String, Object> m = new HashMap<>();
            m.put("code", code);
            m.put("procedureName", procedureName);
            m.put("dueAt", dueAt);
            m.put("originalDueAt", originalDueAt);
            m.put("reason", reason);
            m.put("agencyCode", agencyCode);
            m.put("name", applicantName);
            m.put("amount", feeAmount);
            return m;
        }

        /** An officer's: the same, greeting the officer, with the applicant's name as the detail. */
        Map<String, Object> officerParams() {
            Map<String, Object> m = params();
            m.remove("name");
            m.put("detail", applicantName);
            return m;
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }

        private static Role role(String name) {
            if (name == null) {
                return null;
            }
            try {
                Role r = Role.valueOf(name);
                return r.isOfficer() ? r : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
