package vn.motcua.notification.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.identity.Accounts;
import vn.motcua.notification.NotificationChannel;
import vn.motcua.notification.Notifier;
import vn.motcua.notification.internal.NotificationRepository.NewNotification;
import vn.motcua.platform.Actor;
import vn.motcua.platform.Contacts;
import vn.motcua.platform.Role;

/** Renders templates and stores one message per channel and recipient; the delivery task sends them. */
@Service
public class NotificationService implements Notifier {

    private static final Log log = LogFactory.getLog(NotificationService.class);

    private final NotificationTemplates templates;
    private final NotificationRepository repository;
    private final Accounts accounts;

    private final TransactionTemplate savepoint;

    public NotificationService(NotificationTemplates templates, NotificationRepository repository, Accounts accounts,
                               PlatformTransactionManager transactions) {
        this.templates = templates;
        this.repository = repository;
        this.accounts = accounts;
        // in the caller's transaction, behind a savepoint: a failure here leaves the caller's transaction usable
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Who receives a message and where.
     *
     * @param accountId for the in-app copy (null: none)
     * @param name      used in the greeting
     * @param email     ignored unless a valid address
     * @param phone     ignored unless a valid Vietnamese number
     */
    public record Recipient(Long accountId, String name, String email, String phone) {
    }

    @Override
    public void notifyAccount(long accountId, String templateKey, Map<String, Object> params, String dossierCode,
                              Set<NotificationChannel> channels) {
        checkTemplate(templateKey);
        savepoint.executeWithoutResult(status -> {
            var contact = accounts.contact(accountId);
            if (contact.isEmpty()) {
                log.warn("Notification " + templateKey + " about " + dossierCode + " not stored: no account "
                        + accountId);
                return;
            }
            var c = contact.get();
            store(new Recipient(accountId, c.displayName(), c.email(), c.phone()), channels, templateKey, params,
                    dossierCode, templateKey, null);
        });
    }

    @Override
    public void notifyOfficers(String agencyCode, Role role, String templateKey, Map<String, Object> params,
                               String dossierCode, Set<NotificationChannel> channels) {
        checkTemplate(templateKey);
        savepoint.executeWithoutResult(status ->
                officers(agencyCode, role, channels, templateKey, params, dossierCode, templateKey, null));
    }

    /** The officers of an agency holding a role, each on the channels asked for. */
    int officers(String agencyCode, Role role, Set<NotificationChannel> channels, String templateKey,
                 Map<String, Object> params, String dossierCode, String event, Long sourceEventId) {
        int n = 0;
        for (Actor officer : accounts.officers(agencyCode, role)) {
            n += account(officer.accountId(), officer.displayName(), channels, templateKey, params, dossierCode, event,
                    sourceEventId);
        }
        return n;
    }

    /** One account, its contact details looked up only when e-mail or SMS is wanted. */
    int account(long accountId, String name, Set<NotificationChannel> channels, String templateKey,
                Map<String, Object> params, String dossierCode, String event, Long sourceEventId) {
        String email = null;
        String phone = null;
        if (channels.contains(NotificationChannel.EMAIL) || channels.contains(NotificationChannel.SMS)) {
            var c = accounts.contact(accountId).orElse(null);
            if (c != null) {
                email = c.email();
                phone = c.phone();
                name = name == null ? c.displayName() : name;
            }
        }
        return store(new Recipient(accountId, name, email, phone), channels, templateKey, params, dossierCode, event,
                sourceEventId);
    }

    /**
     * Renders the template once and stores a message on each channel the recipient can be reached on.
     *
     * @param event         what happened (the dossier action, or the template key)
     * @param sourceEventId the outbox event, for idempotency (null for direct calls)
     * @return messages stored
     */
    public int store(Recipient to, Set<NotificationChannel> channels, String templateKey, Map<String, Object> params,
                     String dossierCode, String event, Long sourceEventId) {
        Set<NotificationChannel> wanted = channels.isEmpty() ? EnumSet.noneOf(NotificationChannel.class)
                : EnumSet.copyOf(channels);
        String email = to.email() == null ? null : to.email().strip();
        String phone = to.phone() == null ? null : to.phone().replace(" ", "").replace(".", "");
        if (!Contacts.email(email)) {
            wanted.remove(NotificationChannel.EMAIL);
        }
        if (!Contacts.phone(phone)) {
            wanted.remove(NotificationChannel.SMS);
        }
        if (to.accountId() == null) {
            wanted.remove(NotificationChannel.IN_APP);
        }
        if (wanted.isEmpty()) {
            return 0;
        }
        var r = templates.render(templateKey, params, dossierCode, to.name());
        int n = 0;
        for (NotificationChannel channel : wanted) {
            var row = switch (channel) {
                case EMAIL -> new NewNotification(to.accountId(), channel, email, r.subject(), r.text(), dossierCode,
                        event, sourceEventId);
                case SMS -> new NewNotification(to.accountId(), channel, phone, r.subject(), r.sms(), dossierCode,
                        event, sourceEventId);
                case IN_APP -> new NewNotification(to.accountId(), channel, to.accountId().toString(), r.subject(),
                        r.inApp(), dossierCode, event, sourceEventId);
            };
            n += repository.insert(row) ? 1 : 0;
        }
        return n;
    }

    private void checkTemplate(String templateKey) {
        if (templateKey == null || !templates.exists(templateKey)) {
            throw new IllegalArgumentException("Unknown notification template " + templateKey
                    + ": add notification." + templateKey + ".subject/.email/.sms to messages/notification*.properties");
        }
    }
}
