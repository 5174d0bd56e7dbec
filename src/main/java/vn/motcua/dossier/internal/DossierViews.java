package vn.motcua.dossier.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.platform.Actor;
import vn.motcua.workflow.StepInstance;
import vn.motcua.workflow.Workflow;

/** The JSON shapes of a dossier for its owner, for officers, and for public tracking (no personal data). */
@Component
public class DossierViews {

    private final DossierRepository dossiers;
    private final Organization organization;
    private final Workflow workflow;
    private final MessageSource messages;
    private final ZoneId zone;
    private final Transitions transitions;
    private final Clock clock;

    DossierViews(DossierRepository dossiers, Organization organization, Workflow workflow, MessageSource messages,
                 WorkingCalendar calendar, Transitions transitions, Clock clock) {
        this.transitions = transitions;
        this.clock = clock;
        this.dossiers = dossiers;
        this.organization = organization;
        this.workflow = workflow;
        this.messages = messages;
        this.zone = calendar.zone();
    }

    public String statusName(DossierStatus s, Locale locale) {
        return messages.getMessage("dossier.status." + s.name(), null, s.name(), locale);
    }

    public OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
    }

    /** A line of a list. */
    public Map<String, Object> summary(DossierRecord d, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", d.code());
        m.put("status", d.status().name());
        m.put("statusCode", d.status().nationalCode());
        m.put("statusName", statusName(d.status(), locale));
        m.put("procedureCode", d.procedureCode());
        m.put("procedureName", d.procedureName());
        m.put("agencyCode", d.agencyCode());
        m.put("channel", d.channel().name());
        m.put("applicantName", d.applicantName());
        m.put("submittedAt", local(d.submittedAt()));
        m.put("receivedAt", local(d.receivedAt()));
        m.put("dueAt", local(d.dueAt()));
        m.put("finishedAt", local(d.finishedAt()));
        m.put("outcome", d.outcome() == null ? null : d.outcome().name());
        m.put("overdue", overdue(d));
        m.put("dueSoon", d.dueSoon());
        m.put("currentStep", d.currentStepName());
        m.put("assignee", d.assigneeName());
        m.put("version", d.version());
        return m;
    }

    /** DIRECT (at the one-stop counter), POSTAL or ONLINE (download): the eForm's choice, else online for online dossiers. */
    static String resultDelivery(DossierRecord d) {
        String chosen = d.form() == null ? null : d.form().path("resultDelivery").asString(null);
        if (chosen != null && (chosen.equals("DIRECT") || chosen.equals("POSTAL") || chosen.equals("ONLINE"))) {
            return chosen;
        }
        return d.channel() == vn.motcua.platform.Channel.ONLINE ? "ONLINE" : "DIRECT";
    }

    /** The whole dossier, for its owner or an officer; {@code actor} decides the list of actions offered. */
    public Map<String, Object> full(DossierRecord d, Actor actor, boolean officer, Locale locale) {
        Map<String, Object> m = summary(d, locale);
        if (!officer) {
            m.remove("assignee"); // the applicant sees the agency and the step, not the officer's name
        }
        m.put("procedureVersion", d.procedureVersion());
        m.put("agencyName", organization.agencyAsRecorded(d.agencyCode()).map(Agency::name).orElse(d.agencyCode()));
        m.put("applicant", d.applicant());
        m.put("form", d.form());
        m.put("clockStartedAt", local(d.clockStartedAt()));
        m.put("originalDueAt", local(d.originalDueAt()));
        m.put("pausedAt", local(d.pausedAt()));
        m.put("returnedAt", local(d.returnedAt()));
        m.put("supplementCount", d.supplementCount());
        m.put("apologyCount", d.apologyCount());
        m.put("lateFlag", d.lateFlag());
        m.put("feeAmount", d.feeAmount());
        m.put("fee", fee(d));
        m.put("paidAt", local(d.paidAt()));
        m.put("rating", d.rating());
        // issue 18: how the applicant receives the result (their choice on the eForm, else by channel), and the
        // statutory time, said before the due moment is known (it is set at reception)
        m.put("resultDelivery", resultDelivery(d));
        m.put("deliveryAddress", d.form() == null ? null : d.form().path("deliveryAddress").asString(null));
        m.put("processingTime", d.timeUnit() == null ? null : d.processingTime());
        List<Map<String, Object>> atts = new ArrayList<>();
        for (var a : dossiers.attachments(d.id())) {
            if (!officer && a.kind().equals("RESULT") && d.status() != DossierStatus.RETURNED) {
                continue; // the applicant receives the result once it is returned
            }
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", a.kind());
            x.put("componentCode", a.componentCode());
            x.put("fileId", a.fileId());
            x.put("name", a.name());
            x.put("contentType", a.contentType());
            x.put("size", a.size());
            x.put("digitised", a.digitised());
            atts.add(x);
        }
        m.put("attachments", atts);
        m.put("pendingSupplement", d.status() == DossierStatus.SUPPLEMENT_REQUESTED ? pendingSupplement(d.id()) : null);
        boolean processed = d.currentStepSeq() != null || !(d.status() == DossierStatus.SUBMITTED
                || d.status() == DossierStatus.RECEIVED || d.status() == DossierStatus.REFUSED
                || (d.status() == DossierStatus.WITHDRAWN && d.receivedAt() == null));
        if (officer) {
            List<StepInstance> steps = processed ? workflow.steps(d.id()) : List.of();
            Optional<StepInstance> current = d.currentStepSeq() == null ? Optional.empty()
                    : steps.stream().filter(s -> s.seq() == d.currentStepSeq()).findFirst();
            m.put("steps", steps.stream().map(s -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("seq", s.seq());
                x.put("name", s.name());
                x.put("role", s.role().name());
                x.put("agencyCode", s.agencyCode());
                x.put("status", s.status());
                x.put("assignee", s.assigneeName());
                x.put("startedAt", local(s.startedAt()));
                x.put("dueAt", local(s.dueAt()));
                x.put("finishedAt", local(s.finishedAt()));
                return x;
            }).toList());
            m.put("currentStepAgency", d.currentStepAgency());
            m.put("currentStepRole", d.currentStepRole());
            m.put("currentStepDueAt", local(d.currentStepDueAt()));
            m.put("consultations", processed ? workflow.consultations(d.id()) : List.of());
            m.put("allowedActions", transitions.allowedActions(actor, d, current).stream()
                    .map(DossierAction::name).toList());
        } else {
            m.put("allowedActions", transitions.applicantActions(d).stream().map(DossierAction::name).toList());
        }
        return m;
    }

    /**
     * The fee as the catalogue computed it at intake: {@code {total, items: [{name, amount, condition, quantity,
     * unitAmount}], complete}}; the total follows an amount an officer set when asking for payment.
     */
    Map<String, Object> fee(DossierRecord d) {
        Map<String, Object> fee = new LinkedHashMap<>();
        fee.put("total", d.feeAmount() == null ? 0L : d.feeAmount());
        List<Map<String, Object>> items = new ArrayList<>();
        boolean complete = true;
        if (d.feeQuote() != null) {
            for (var i : d.feeQuote().path("items")) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("name", i.path("name").asString(null));
                x.put("amount", i.hasNonNull("amount") ? i.get("amount").asLong() : null);
                x.put("condition", i.path("condition").asString(null));
                x.put("quantity", i.path("quantity").asInt(1));
                x.put("unitAmount", i.hasNonNull("unitAmount") ? i.get("unitAmount").asLong() : null);
                x.put("kind", i.path("kind").asString(null));
                items.add(x);
            }
            complete = d.feeQuote().path("complete").asBoolean(true);
        }
        fee.put("items", items);
        fee.put("complete", complete);
        return fee;
    }

    public Map<String, Object> pendingSupplement(long dossierId) {
        return dossiers.pendingSupplement(dossierId).map(p -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("stage", p.stage());
            x.put("requestedAt", local(p.requestedAt()));
            x.put("reason", p.reason());
            x.put("items", p.items());
            return x;
        }).orElse(null);
    }

    public List<Map<String, Object>> history(DossierRecord d, Locale locale) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (HistoryEntry h : dossiers.history(d.id())) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("at", local(h.at()));
            x.put("actor", h.actorName());
            x.put("actorRole", h.actorRole());
            x.put("agencyCode", h.agencyCode());
            x.put("origin", h.origin());
            x.put("action", h.action());
            x.put("actionName", messages.getMessage("dossier.action." + h.action(), null, h.action(), locale));
            x.put("fromStatus", h.fromStatus());
            x.put("toStatus", h.toStatus());
            x.put("step", h.step());
            x.put("reason", h.reason());
            x.put("note", h.note());
            x.put("dueAt", local(h.dueAt()));
            x.put("documents", h.documents());
            out.add(x);
        }
        return out;
    }

    /**
     * The history as its applicant sees it: what was done, when, by which agency and in which role; not the
     * officers' names nor the addresses the actions came from (officers keep the full view, {@link #history}).
     */
    public List<Map<String, Object>> historyForApplicant(DossierRecord d, Locale locale) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (HistoryEntry h : dossiers.history(d.id())) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("at", local(h.at()));
            x.put("actorRole", h.actorRole());
            x.put("actorRoleName", h.actorRole() == null ? null
                    : messages.getMessage("office.role." + h.actorRole(), null, h.actorRole(), locale));
            x.put("agencyCode", h.agencyCode());
            x.put("agencyName", h.agencyCode() == null ? null
                    : organization.agencyAsRecorded(h.agencyCode()).map(Agency::name).orElse(h.agencyCode()));
            x.put("action", h.action());
            x.put("actionName", messages.getMessage("dossier.action." + h.action(), null, h.action(), locale));
            x.put("fromStatus", h.fromStatus());
            x.put("toStatus", h.toStatus());
            x.put("step", h.step());
            x.put("reason", h.reason());
            x.put("note", h.note());
            x.put("dueAt", local(h.dueAt()));
            x.put("documents", h.documents());
            out.add(x);
        }
        return out;
    }

    /** Public tracking: the procedure, the status, the key moments and the status history; nothing personal. */
    public Map<String, Object> tracking(DossierRecord d, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", d.code());
        m.put("procedureCode", d.procedureCode());
        m.put("procedureName", d.procedureName());
        m.put("agencyName", organization.agencyAsRecorded(d.agencyCode()).map(Agency::name).orElse(d.agencyCode()));
        m.put("status", d.status().name());
        m.put("statusCode", d.status().nationalCode());
        m.put("statusName", statusName(d.status(), locale));
        m.put("submittedAt", local(d.submittedAt()));
        m.put("receivedAt", local(d.receivedAt()));
        m.put("dueAt", local(d.dueAt()));
        m.put("finishedAt", local(d.finishedAt()));
        m.put("returnedAt", local(d.returnedAt()));
        m.put("outcome", d.outcome() == null ? null : d.outcome().name());
        List<Map<String, Object>> h = new ArrayList<>();
        for (HistoryEntry e : dossiers.history(d.id())) {
            if (e.fromStatus() != null && e.fromStatus().equals(e.toStatus())) {
                continue; // internal turns (assignments, consultations) are not shown to the public
            }
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("status", e.toStatus());
            x.put("statusName", statusName(DossierStatus.valueOf(e.toStatus()), locale));
            x.put("at", local(e.at()));
            h.add(x);
        }
        m.put("history", h);
        return m;
    }

    public boolean overdue(DossierRecord d) {
        if (d.dueAt() == null || d.status().terminal() || d.status().clockStopped()
                || d.status() == DossierStatus.COMPLETED) {
            return false;
        }
        return OffsetDateTime.now(clock).isAfter(d.dueAt());
    }
}
