package vn.motcua.notification;

import java.util.Map;
import java.util.Set;
import vn.motcua.platform.Role;

/**
 * Sends a templated notification to an account or to officers. The messages are stored in the caller's
 * transaction, if there is one (so they exist only if the caller commits), and delivered shortly afterwards
 * by the delivery task; these methods never wait for SMTP or an SMS gateway.
 *
 * <p>{@code templateKey} names the keys {@code notification.<templateKey>.subject}, {@code .email} and
 * {@code .sms} of {@code messages/notification*.properties} (e.g. {@code DUE_SOON}, {@code OVERDUE},
 * {@code OVERDUE_LEADER}). {@code params} fill the template's numbered arguments by name; unknown names are
 * ignored, missing ones are blank:
 * <table>
 *   <caption>template parameters</caption>
 *   <tr><th>arg</th><th>param name</th><th>value</th></tr>
 *   <tr><td>{0}</td><td>code</td><td>dossier code (defaults to {@code dossierCode})</td></tr>
 *   <tr><td>{1}</td><td>procedureName</td><td>procedure name</td></tr>
 *   <tr><td>{2}</td><td>dueAt</td><td>appointment/deadline: OffsetDateTime, Instant or ISO-8601 text,
 *       printed as "10:00 thứ Ba 06/05/2031"</td></tr>
 *   <tr><td>{3}</td><td>reason</td><td>reason given by the officer</td></tr>
 *   <tr><td>{4}</td><td>—</td><td>link to the public tracking page of the dossier (computed)</td></tr>
 *   <tr><td>{5}</td><td>agencyCode / agencyName</td><td>the agency, printed by name</td></tr>
 *   <tr><td>{6}</td><td>originalDueAt</td><td>the appointment before an apology</td></tr>
 *   <tr><td>{7}</td><td>name</td><td>the recipient's name (defaults to the account's display name)</td></tr>
 *   <tr><td>{8}</td><td>amount</td><td>an amount of money in đồng, printed with the unit</td></tr>
 *   <tr><td>{9}</td><td>detail</td><td>free text, e.g. the step's name or who holds the dossier</td></tr>
 * </table>
 *
 * @throws IllegalArgumentException for a template key that has no subject in the message files
 */
public interface Notifier {

    /** In-app, e-mail and SMS, as far as the account has an e-mail address and a phone number. */
    default void notifyAccount(long accountId, String templateKey, Map<String, Object> params, String dossierCode) {
        notifyAccount(accountId, templateKey, params, dossierCode, Set.of(NotificationChannel.values()));
    }

    /** As {@link #notifyAccount(long, String, Map, String)}, on the given channels only. */
    void notifyAccount(long accountId, String templateKey, Map<String, Object> params, String dossierCode,
                       Set<NotificationChannel> channels);

    /**
     * Every enabled officer of the agency holding the role: in-app and e-mail (officers are not sent SMS unless
     * asked for with the other overload). Nothing happens when the agency has no such officer.
     */
    default void notifyOfficers(String agencyCode, Role role, String templateKey, Map<String, Object> params,
                                String dossierCode) {
        notifyOfficers(agencyCode, role, templateKey, params, dossierCode,
                Set.of(NotificationChannel.IN_APP, NotificationChannel.EMAIL));
    }

    /** As {@link #notifyOfficers(String, Role, String, Map, String)}, on the given channels only. */
    void notifyOfficers(String agencyCode, Role role, String templateKey, Map<String, Object> params,
                        String dossierCode, Set<NotificationChannel> channels);
}
