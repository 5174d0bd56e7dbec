package vn.motcua.dossier.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.platform.Actor;
import vn.motcua.platform.PageResult;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;

/**
 * Read side: the officers' queues and the applicant's list. Jurisdiction is part of every query: an officer sees
 * dossiers of their agency, at a step of their agency, or on which their agency is consulted — their agency, or one
 * it succeeded (archive custody, {@link vn.motcua.organization.SuccessorCustody}: {@link Access#officerSees}).
 */
@Service
public class DossierQueries {

    private final DossierRepository dossiers;
    private final Clock clock;
    private final vn.motcua.platform.limits.RateLimits limits;
    private final vn.motcua.organization.Organization organization;

    DossierQueries(DossierRepository dossiers, Clock clock, vn.motcua.platform.limits.RateLimits limits,
                   vn.motcua.organization.Organization organization) {
        this.dossiers = dossiers;
        this.clock = clock;
        this.limits = limits;
        this.organization = organization;
    }

    /** A queue of the officer's work. */
    public enum View {
        /** việc cần làm: what the officer's roles act on now */
        TODO,
        /** sắp đến hạn: due within one working day */
        DUE_SOON,
        /** quá hạn */
        OVERDUE,
        /** chờ công dân: supplement or payment */
        WAITING,
        /** tất cả */
        ALL
    }

    public Optional<DossierRecord> forOfficer(Actor actor, String code) {
        var readable = organization.readableBy(actor.agencyCode());
        return dossiers.findByCode(code).filter(d -> Access.officerSees(readable, d));
    }

    public Optional<DossierRecord> forApplicant(Actor actor, String code) {
        return dossiers.findByCode(code).filter(d -> Access.owns(actor, d));
    }

    /** Public tracking: the code plus the applicant's phone number or identification number. */
    /**
     * Public tracking from an address, rate limited (issue 17): look-ups per address, and wrong second factors per
     * code from that address (about 10 an hour, then that address gets no answer about the code for the hour) and
     * per code from everywhere. A 429 (TooManyRequests) when a limit is used up.
     */
    public Optional<DossierRecord> forTracking(String code, String phone, String idNumber, String source) {
        String normalized = normalizeCode(code);
        String c = normalized == null ? "" : normalized;
        limits.check(vn.motcua.platform.limits.LimitKind.TRACKING_SOURCE, source);
        limits.requireAvailable(vn.motcua.platform.limits.LimitKind.TRACKING_WRONG, c + "|" + source);
        limits.requireAvailable(vn.motcua.platform.limits.LimitKind.TRACKING_WRONG_CODE, c);
        Optional<DossierRecord> found = forTracking(code, phone, idNumber);
        if (found.isEmpty()) {
            limits.record(vn.motcua.platform.limits.LimitKind.TRACKING_WRONG, c + "|" + source);
            limits.record(vn.motcua.platform.limits.LimitKind.TRACKING_WRONG_CODE, c);
        }
        return found;
    }

    public Optional<DossierRecord> forTracking(String code, String phone, String idNumber) {
        String c = normalizeCode(code);
        if (c == null || c.length() > 60) {
            return Optional.empty();
        }
        String p = normalizePhone(phone);
        String id = idNumber == null ? null : idNumber.replaceAll("\\s", "");
        return dossiers.findByCode(c).filter(d ->
                (p != null && p.equals(normalizePhone(d.applicantPhone())))
                        || (id != null && !id.isEmpty() && id.equals(d.applicantIdNumber())));
    }

    /**
     * A dossier code as people type or copy it: any case, spaces anywhere (also the non-breaking ones of a copied
     * receipt), typographic dashes. Codes are upper case with plain hyphens (Circular 01/2018 Art. 19).
     */
    public static String normalizeCode(String code) {
        if (code == null) {
            return null;
        }
        String c = code.replaceAll("[\\s\\u00A0\\u2007\\u202F]", "").replaceAll("[\\u2010-\\u2015\\u2212]", "-")
                .toUpperCase(java.util.Locale.ROOT);
        return c.isEmpty() ? null : c;
    }

    static String normalizePhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String p = phone.replaceAll("[\\s.\\-]", "");
        return p.startsWith("+84") ? "0" + p.substring(3) : p;
    }

    public PageResult<DossierRecord> officerQueue(Actor actor, View view, List<DossierStatus> statuses,
                                                  String procedure, String q, int page, int size) {
        PageResult.check(page, size);
        DossierRepository.Queue queue = queue(actor, view, statuses, procedure, q);
        return new PageResult<>(dossiers.queue(queue, size, (long) page * size), dossiers.count(queue), page, size);
    }

    /** How many dossiers are in each of the officer's queues. */
    public Map<String, Long> counts(Actor actor) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (View v : View.values()) {
            out.put(v.name(), dossiers.count(queue(actor, v, List.of(), null, null)));
        }
        return out;
    }

    private DossierRepository.Queue queue(Actor actor, View view, List<DossierStatus> statuses, String procedure,
                                          String q) {
        if (actor.agencyCode() == null) {
            throw ProblemException.forbidden("error.forbidden");
        }
        List<String> roles = actor.roles().stream().filter(r -> r == Role.SPECIALIST || r == Role.LEADER)
                .map(Role::name).toList();
        return new DossierRepository.Queue(actor.agencyCode(),
                organization.readableBy(actor.agencyCode()).toArray(String[]::new), actor.accountId(),
                actor.has(Role.RECEPTION), roles, view, statuses, procedure, q, OffsetDateTime.now(clock));
    }

    public PageResult<DossierRecord> mine(Actor actor, int page, int size) {
        PageResult.check(page, size);
        return new PageResult<>(dossiers.ofApplicant(actor.accountId(), size, (long) page * size),
                dossiers.countOfApplicant(actor.accountId()), page, size);
    }

    /** When the dossier was last changed, for caching. */
    public static OffsetDateTime lastChange(DossierRecord d) {
        return d.updatedAt();
    }
}
