package vn.motcua.dossier.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.DeskVisitRecorded;
import vn.motcua.dossier.DeskVisitRequest;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitPath;
import vn.motcua.platform.Actor;
import vn.motcua.platform.Contacts;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;

/**
 * The desk log of the one-stop (Decree 61/2018 Art. 15(2)(a)–(b)): a walk-in whose papers are incomplete is guided
 * once, completely (form 02), or refused with the reason (form 03), at the counter, without a dossier: no dossier
 * number is used, so the day's codes stay gap-free. Each line is announced ({@link DeskVisitRecorded}) so the
 * reports count it.
 */
@Service
public class DeskLog {

    private final DossierRepository dossiers;
    private final Catalog catalog;
    private final Organization organization;
    private final DossierEvents events;
    private final Clock clock;

    DeskLog(DossierRepository dossiers, Catalog catalog, Organization organization, DossierEvents events, Clock clock) {
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.organization = organization;
        this.events = events;
        this.clock = clock;
    }

    /** A line of the log, as pages and the API show it. */
    public record Visit(long id, String form, String procedureCode, String procedureName, String agencyCode,
                        String applicantName, String reason, List<String> items, String officerName,
                        OffsetDateTime at) {
    }

    @Transactional
    public Visit record(Actor actor, DeskVisitRequest r) {
        if (!actor.has(Role.RECEPTION) || actor.agencyCode() == null) {
            throw ProblemException.forbidden("dossier.intake.receptionOnly");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String form = r.form() == null ? null : r.form().trim();
        if (!DeskVisitRecorded.GUIDANCE.equals(form) && !DeskVisitRecorded.REFUSAL.equals(form)) {
            problems.add(FieldProblem.of("form", "error.param.oneOf", "GUIDANCE, REFUSAL"));
        }
        Agency agency = organization.agency(actor.agencyCode()).orElseThrow();
        Procedure procedure = r.procedureCode() == null ? null : catalog.procedure(r.procedureCode()).orElse(null);
        if (procedure == null) {
            problems.add(FieldProblem.of("procedureCode", "error.catalog.procedure.notFound",
                    r.procedureCode() == null ? "" : r.procedureCode()));
        } else if (!catalog.canReceive(procedure, agency)) {
            problems.add(FieldProblem.of("procedureCode", "dossier.intake.agencyNotCompetent", agency.name()));
        }
        String name = text(r.applicantName());
        if (name == null) {
            problems.add(FieldProblem.of("applicantName", "error.required"));
        } else if (name.length() > 200) {
            problems.add(FieldProblem.of("applicantName", "error.length.max", 200));
        }
        String phone = text(r.applicantPhone());
        if (phone != null && !Contacts.phone(phone.replace(" ", ""))) {
            problems.add(FieldProblem.of("applicantPhone", "error.phone.format"));
        }
        String idNumber = text(r.applicantIdNumber());
        if (idNumber != null && idNumber.length() > 20) {
            problems.add(FieldProblem.of("applicantIdNumber", "error.length.max", 20));
        }
        List<String> items = r.items() == null ? List.of() : r.items().stream().filter(Objects::nonNull)
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        String reason = text(r.reason());
        if (DeskVisitRecorded.GUIDANCE.equals(form) && items.isEmpty()) {
            problems.add(FieldProblem.of("items", "dossier.desk.itemsRequired"));
        }
        if (DeskVisitRecorded.REFUSAL.equals(form) && reason == null) {
            problems.add(FieldProblem.of("reason", "dossier.rule.reasonRequired"));
        }
        if (items.size() > 30 || items.stream().anyMatch(s -> s.length() > 500)) {
            problems.add(FieldProblem.of("items", "dossier.supplement.itemsTooMany"));
        }
        if (reason != null && reason.length() > 2000) {
            problems.add(FieldProblem.of("reason", "error.length.max", 2000));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        UnitPath path = organization.pathOf(agency);
        OffsetDateTime now = OffsetDateTime.now(clock);
        var v = dossiers.insertDeskVisit(new DossierRepository.DeskVisit(0, form, procedure.code(), procedure.name(),
                agency.code(), path.provinceCode(), path.districtCode(), path.communeCode(), agency.level().name(),
                java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC), idNumber,
                phone == null ? null : phone.replace(" ", ""), reason, items, actor.accountId(), actor.displayName(),
                actor.origin(), now));
        events.deskVisit(new DeskVisitRecorded(v.id(), v.form(), v.procedureCode(), v.procedureName(), v.agencyCode(),
                v.provinceCode(), v.districtCode(), v.communeCode(), v.level(), v.at()));
        return visit(v);
    }

    /** A line of the officer's agency's log. */
    public java.util.Optional<Visit> find(Actor actor, long id) {
        return actor.agencyCode() == null ? java.util.Optional.empty()
                : dossiers.deskVisit(id, actor.agencyCode()).map(DeskLog::visit);
    }

    private static Visit visit(DossierRepository.DeskVisit v) {
        return new Visit(v.id(), v.form(), v.procedureCode(), v.procedureName(), v.agencyCode(), v.applicantName(),
                v.reason(), v.items(), v.officerName(), v.at());
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
