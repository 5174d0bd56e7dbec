package vn.motcua.dossier.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.platform.Actor;
import vn.motcua.platform.PageResult;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;

/**
 * Read side: the officers' queues and the applicant's list. Jurisdiction is part of every query: an officer
 * sees dossiers of their agency, at a step of their agency, or on which their agency is consulted.
 */
@Service
public class DossierQueries {

    static final String OFFICER_SCOPE = "(agency_code = :ag or current_step_agency = :ag or :ag = any(consulting_agencies))";
    private static final String OPEN = "status in ('RECEIVED', 'PROCESSING')";

    private final DossierRepository dossiers;

    DossierQueries(DossierRepository dossiers) {
        this.dossiers = dossiers;
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
        return dossiers.findByCode(code).filter(d -> ActionService.officerSees(actor, d));
    }

    public Optional<DossierRecord> forApplicant(Actor actor, String code) {
        return dossiers.findByCode(code)
                .filter(d -> d.applicantAccountId() != null && d.applicantAccountId() == actor.accountId());
    }

    /** Public tracking: the code plus the applicant's phone number or identification number. */
    public Optional<DossierRecord> forTracking(String code, String phone, String idNumber) {
        if (code == null || code.length() > 60) {
            return Optional.empty();
        }
        String p = normalizePhone(phone);
        String id = idNumber == null ? null : idNumber.trim();
        return dossiers.findByCode(code.trim()).filter(d ->
                (p != null && p.equals(normalizePhone(d.applicantPhone())))
                        || (id != null && !id.isEmpty() && id.equals(d.applicantIdNumber())));
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
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(actor, view, statuses, procedure, q, params);
        long total = dossiers.count(where, params);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<DossierRecord> items = dossiers.query(where, params,
                "order by due_at asc nulls last, id limit :limit offset :offset");
        return new PageResult<>(items, total, page, size);
    }

    /** How many dossiers are in each of the officer's queues. */
    public Map<String, Long> counts(Actor actor) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (View v : View.values()) {
            Map<String, Object> params = new LinkedHashMap<>();
            out.put(v.name(), dossiers.count(where(actor, v, List.of(), null, null, params), params));
        }
        return out;
    }

    private String where(Actor actor, View view, List<DossierStatus> statuses, String procedure, String q,
                         Map<String, Object> params) {
        if (actor.agencyCode() == null) {
            throw ProblemException.forbidden("error.forbidden");
        }
        params.put("ag", actor.agencyCode());
        List<String> conditions = new ArrayList<>();
        conditions.add(OFFICER_SCOPE);
        switch (view) {
            case TODO -> {
                List<String> mine = new ArrayList<>();
                if (actor.has(Role.RECEPTION)) {
                    mine.add("(agency_code = :ag and status in ('SUBMITTED', 'RECEIVED', 'COMPLETED'))");
                }
                List<String> roles = actor.roles().stream().filter(r -> r == Role.SPECIALIST || r == Role.LEADER)
                        .map(Role::name).toList();
                if (!roles.isEmpty()) {
                    params.put("roles", roles);
                    mine.add("(status = 'PROCESSING' and current_step_agency = :ag and current_step_role in (:roles)"
                            + " and (assignee_id is null or assignee_id = :me))");
                    mine.add("(:ag = any(consulting_agencies))");
                    params.put("me", actor.accountId());
                }
                conditions.add(mine.isEmpty() ? "false" : "(" + String.join(" or ", mine) + ")");
            }
            case DUE_SOON -> conditions.add(OPEN + " and due_soon and due_at >= now()");
            case OVERDUE -> conditions.add(OPEN + " and due_at < now()");
            case WAITING -> conditions.add("status in ('SUPPLEMENT_REQUESTED', 'AWAITING_PAYMENT')");
            case ALL -> { }
        }
        if (statuses != null && !statuses.isEmpty()) {
            params.put("statuses", statuses.stream().map(Enum::name).toList());
            conditions.add("status in (:statuses)");
        }
        if (procedure != null && !procedure.isBlank()) {
            params.put("procedure", procedure.trim());
            conditions.add("procedure_code = :procedure");
        }
        if (q != null && !q.isBlank()) {
            String text = q.trim();
            if (text.length() > 100) {
                text = text.substring(0, 100);
            }
            params.put("q", text.toUpperCase(Locale.ROOT) + "%");
            params.put("name", "%" + text + "%");
            params.put("phone", text);
            conditions.add("(code like :q or applicant_name ilike :name or applicant_phone = :phone"
                    + " or applicant_id_number = :phone)");
        }
        return String.join(" and ", conditions);
    }

    public PageResult<DossierRecord> mine(Actor actor, int page, int size) {
        PageResult.check(page, size);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("me", actor.accountId());
        long total = dossiers.count("applicant_account_id = :me", params);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return new PageResult<>(dossiers.query("applicant_account_id = :me", params,
                "order by created_at desc limit :limit offset :offset"), total, page, size);
    }


    /** When the dossier was last changed, for caching. */
    public static OffsetDateTime lastChange(DossierRecord d) {
        return d.updatedAt();
    }
}
