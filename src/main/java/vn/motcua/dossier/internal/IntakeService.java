package vn.motcua.dossier.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.Deadline;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Component;
import vn.motcua.catalog.Procedure;
import vn.motcua.documents.FileStore;
import vn.motcua.documents.StoredFile;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitPath;
import vn.motcua.platform.Actor;
import vn.motcua.platform.Channel;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;

/**
 * Intake (Decree 61/2018 Art. 15–17): an online submission (status SUBMITTED, code at once) or a counter or
 * postal intake by a reception officer (status RECEIVED, deadline from the receipt moment). Everything is
 * checked first and every problem listed; on any problem nothing is stored and no code is consumed.
 */
@Service
public class IntakeService {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private final DossierRepository dossiers;
    private final Catalog catalog;
    private final Organization organization;
    private final WorkingCalendar calendar;
    private final FileStore files;
    private final DossierEvents events;
    private final JsonMapper json;
    private final Clock clock;

    IntakeService(DossierRepository dossiers, Catalog catalog, Organization organization, WorkingCalendar calendar,
                  FileStore files, DossierEvents events, JsonMapper json, Clock clock) {
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.organization = organization;
        this.calendar = calendar;
        this.files = files;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** The result of an intake: the dossier, and whether it was created now or found by its idempotency key. */
    public record Created(DossierRecord dossier, boolean replayed) {
    }

    @Transactional
    public Created submitOnline(Actor actor, IntakeRequest request, String idempotencyKey, Locale locale) {
        if (!actor.has(Role.CITIZEN)) {
            throw ProblemException.forbidden("dossier.intake.citizensOnly");
        }
        Optional<DossierRecord> replay = claimIdempotencyKey(actor, idempotencyKey, request);
        if (replay.isPresent()) {
            return new Created(replay.get(), true);
        }
        Checked c = check(actor, request, Channel.ONLINE, locale);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Object> row = baseRow(actor, c, Channel.ONLINE, now);
        row.put("status", DossierStatus.SUBMITTED.name());
        row.put("submitted_at", now);
        row.put("applicant_account_id", actor.accountId());
        DossierRecord d = insert(row, c, actor, now, false);
        recordIdempotency(actor, idempotencyKey, d.id());
        dossiers.history(d.id(), new HistoryEntry(now, actor.accountId(), actor.displayName(), Role.CITIZEN.name(),
                null, actor.origin(), DossierAction.SUBMIT.name(), null, DossierStatus.SUBMITTED.name(),
                "Nộp hồ sơ trực tuyến", null, null, null, List.of()));
        events.changed(d, DossierAction.SUBMIT, null, actor, now, null, Map.of("created", true));
        return new Created(d, false);
    }

    @Transactional
    public Created receiveAtCounter(Actor actor, IntakeRequest request, String idempotencyKey, Locale locale) {
        if (!actor.has(Role.RECEPTION)) {
            throw ProblemException.forbidden("dossier.intake.receptionOnly");
        }
        Optional<DossierRecord> replay = claimIdempotencyKey(actor, idempotencyKey, request);
        if (replay.isPresent()) {
            return new Created(replay.get(), true);
        }
        Channel channel = parseChannel(request.channel());
        IntakeRequest withAgency = request.agencyCode() == null || request.agencyCode().isBlank()
                ? new IntakeRequest(request.procedureCode(), actor.agencyCode(), request.applicant(), request.form(),
                request.attachments(), request.channel())
                : request;
        Checked c = check(actor, withAgency, channel, locale);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Deadline deadline = calendar.deadline(now, c.procedure.processingTime(), channel);
        Map<String, Object> row = baseRow(actor, c, channel, now);
        row.put("status", DossierStatus.RECEIVED.name());
        row.put("received_at", now);
        row.put("clock_started_at", deadline.startsAt());
        row.put("due_at", deadline.dueAt());
        row.put("original_due_at", deadline.dueAt());
        row.put("received_by", actor.accountId());
        row.put("digitised", !c.files.isEmpty());
        DossierRecord d = insert(row, c, actor, now, true);
        recordIdempotency(actor, idempotencyKey, d.id());
        dossiers.history(d.id(), new HistoryEntry(now, actor.accountId(), actor.displayName(), Role.RECEPTION.name(),
                actor.agencyCode(), actor.origin(), DossierAction.RECEIVE.name(), null, DossierStatus.RECEIVED.name(),
                channel == Channel.POSTAL ? "Tiếp nhận qua bưu chính" : "Tiếp nhận trực tiếp", null, null,
                deadline.dueAt(), List.of()));
        events.changed(d, DossierAction.RECEIVE, null, actor, now, null, Map.of("created", true));
        return new Created(d, false);
    }

    /**
     * The problems a counter intake would be refused with, without storing anything: for pages that found
     * problems of their own first (an unreadable date, a file that could not be stored) and must still list
     * every problem at once. Empty when the request would be accepted.
     */
    @Transactional(readOnly = true)
    public List<FieldProblem> counterIntakeProblems(Actor actor, IntakeRequest request, Locale locale) {
        List<FieldProblem> out = new ArrayList<>();
        Channel channel = Channel.COUNTER;
        try {
            channel = parseChannel(request.channel());
        } catch (ProblemException e) {
            out.addAll(e.errors());
        }
        IntakeRequest withAgency = request.agencyCode() == null || request.agencyCode().isBlank()
                ? new IntakeRequest(request.procedureCode(), actor.agencyCode(), request.applicant(), request.form(),
                request.attachments(), request.channel())
                : request;
        try {
            check(actor, withAgency, channel, locale);
        } catch (ProblemException e) {
            out.addAll(e.errors());
        }
        return out;
    }

    /** Everything validated: the procedure, the agency, and the stored files by component. */
    record Checked(Procedure procedure, Agency agency, Applicant applicant, JsonNode form,
                   List<IntakeRequest.AttachmentRef> refs, Map<UUID, StoredFile> files) {
    }

    Checked check(Actor actor, IntakeRequest r, Channel channel, Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        Procedure procedure = null;
        if (r.procedureCode() == null || r.procedureCode().isBlank()) {
            problems.add(FieldProblem.of("procedureCode", "error.required"));
        } else {
            procedure = catalog.procedure(r.procedureCode()).orElse(null);
            if (procedure == null) {
                problems.add(FieldProblem.of("procedureCode", "error.catalog.procedure.notFound", r.procedureCode()));
            } else if (!procedure.acceptsApplications()) {
                problems.add(FieldProblem.of("procedureCode", "dossier.intake.notAccepting"));
                procedure = null;
            } else if (channel == Channel.ONLINE && !procedure.onlineApplication()) {
                problems.add(FieldProblem.of("procedureCode", "dossier.intake.notOnline"));
            }
        }
        Agency agency = null;
        if (r.agencyCode() == null || r.agencyCode().isBlank()) {
            problems.add(FieldProblem.of("agencyCode", "error.required"));
        } else {
            agency = organization.agency(r.agencyCode()).orElse(null);
            if (agency == null) {
                problems.add(FieldProblem.of("agencyCode", "error.agency.notFound", r.agencyCode()));
            } else if (procedure != null && !catalog.canReceive(procedure, agency)) {
                problems.add(FieldProblem.of("agencyCode", "dossier.intake.agencyNotCompetent", agency.name()));
            } else if (channel != Channel.ONLINE && !agency.code().equals(actor.agencyCode())) {
                problems.add(FieldProblem.of("agencyCode", "dossier.intake.ownAgencyOnly"));
            }
        }
        Applicant applicant = r.applicant() == null ? null : r.applicant().withoutBlanks();
        ApplicantChecks.check(applicant, LocalDate.now(clock), problems);

        JsonNode form = r.form() == null ? null : Nfc.normalize(r.form(), json);
        if (form == null) {
            problems.add(FieldProblem.of("form", "error.required"));
        } else if (procedure != null) {
            problems.addAll(catalog.validateForm(procedure, form, locale));
        }

        List<IntakeRequest.AttachmentRef> refs = r.attachments() == null ? List.of() : r.attachments();
        Map<UUID, StoredFile> stored = files.findAll(refs.stream().map(IntakeRequest.AttachmentRef::fileId)
                .filter(Objects::nonNull).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(StoredFile::id, Function.identity()));
        Set<String> given = new HashSet<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < refs.size(); i++) {
            var ref = refs.get(i);
            String field = "attachments[" + i + "]";
            if (ref == null || ref.fileId() == null) {
                problems.add(FieldProblem.of(field + ".fileId", "error.required"));
                continue;
            }
            StoredFile f = stored.get(ref.fileId());
            if (f == null || f.ownerId() == null || f.ownerId() != actor.accountId()) {
                problems.add(FieldProblem.of(field + ".fileId", "dossier.intake.fileUnknown"));
            } else if (f.attachedAt() != null || !seen.add(f.id())) {
                problems.add(FieldProblem.of(field + ".fileId", "dossier.intake.fileUsed"));
            }
            if (procedure != null) {
                if (ref.componentCode() == null || procedure.component(ref.componentCode()).isEmpty()) {
                    problems.add(FieldProblem.of(field + ".componentCode", "dossier.intake.componentUnknown",
                            String.valueOf(ref.componentCode())));
                } else {
                    given.add(ref.componentCode());
                }
            }
        }
        if (procedure != null) {
            for (Component c : procedure.components()) {
                if (c.required() && !given.contains(c.code())) {
                    problems.add(FieldProblem.of("attachments", "dossier.intake.componentMissing", c.code(), c.name()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new Checked(procedure, agency, applicant, form, refs, stored);
    }

    /** The procedure a dossier was filed under (as it is in the catalogue now). */
    vn.motcua.catalog.Procedure procedureOf(DossierRecord d) {
        return catalog.procedure(d.procedureCode()).orElseThrow();
    }

    List<FieldProblem> validateForm(Procedure procedure, JsonNode form, Locale locale) {
        return catalog.validateForm(procedure, Nfc.normalize(form, json), locale);
    }

    private Map<String, Object> baseRow(Actor actor, Checked c, Channel channel, OffsetDateTime now) {
        UnitPath path = organization.path(c.agency.unitCode());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("procedure_code", c.procedure.code());
        row.put("procedure_version", c.procedure.version());
        row.put("procedure_name", c.procedure.name());
        row.put("agency_code", c.agency.code());
        row.put("province_code", path.provinceCode());
        row.put("district_code", path.districtCode());
        row.put("commune_code", path.communeCode());
        row.put("level", c.agency.level().name());
        row.put("channel", channel.name());
        row.put("applicant", json.writeValueAsString(c.applicant));
        row.put("applicant_name", c.applicant.fullName());
        row.put("applicant_id_number", c.applicant.idNumber());
        row.put("applicant_phone", c.applicant.phone());
        row.put("form", json.writeValueAsString(c.form));
        row.put("time_amount", c.procedure.processingTime().amount());
        row.put("time_unit", c.procedure.processingTime().unit().name());
        Long fee = c.procedure.fees().stream().map(vn.motcua.catalog.Fee::amount).filter(Objects::nonNull)
                .reduce(0L, Long::sum);
        row.put("fee_amount", fee);
        return row;
    }

    private DossierRecord insert(Map<String, Object> row, Checked c, Actor actor, OffsetDateTime now,
                                 boolean digitised) {
        row.put("code", nextCode(c.agency, now));
        StringBuilder cols = new StringBuilder();
        StringBuilder vals = new StringBuilder();
        for (String k : row.keySet()) {
            cols.append(cols.isEmpty() ? "" : ", ").append(k);
            boolean jsonb = k.equals("applicant") || k.equals("form");
            vals.append(vals.isEmpty() ? "" : ", ").append(jsonb ? "cast(:" + k + " as jsonb)" : ":" + k);
        }
        long id = dossiers.jdbc().sql("insert into dossier (" + cols + ") values (" + vals + ") returning id")
                .params(row).query(Long.class).single();
        for (var ref : c.refs) {
            StoredFile f = c.files.get(ref.fileId());
            dossiers.attach(id, "INPUT", ref.componentCode(), f.id(), f.name(), f.contentType(), f.size(), digitised,
                    actor.accountId());
        }
        files.markAttached(c.files.keySet());
        return dossiers.findById(id).orElseThrow();
    }

    /**
     * The next dossier code of an agency for the day, gap-free: {@code {electronic id}-{YYMMDD}-{NNNN}}
     * (Circular 01/2018 Art. 19). The counter row stays locked until the transaction ends, so a rolled-back
     * intake gives its number back and two intakes never share one.
     */
    String nextCode(Agency agency, OffsetDateTime at) {
        LocalDate day = at.atZoneSameInstant(calendar.zone()).toLocalDate();
        int n = dossiers.jdbc().sql("""
                insert into dossier_code_seq (agency_eid, day, last) values (:a, :d, 1)
                on conflict (agency_eid, day) do update set last = dossier_code_seq.last + 1
                returning last""")
                .param("a", agency.electronicId()).param("d", day).query(Integer.class).single();
        return agency.electronicId() + "-" + day.format(YYMMDD) + "-" + String.format("%04d", n);
    }

    /**
     * Claims an idempotency key for this account. The same key with the same request returns the dossier the
     * first request created; with another request it is a 409. A concurrent duplicate waits for the first.
     */
    private Optional<DossierRecord> claimIdempotencyKey(Actor actor, String key, IntakeRequest request) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        if (key.length() > 200) {
            throw ProblemException.invalid("Idempotency-Key", "error.length.max", 200);
        }
        String hash = hash(json.writeValueAsString(request));
        int inserted = dossiers.jdbc().sql("""
                insert into idempotency_record (account_id, key, request_hash) values (:a, :k, :h)
                on conflict do nothing""")
                .param("a", actor.accountId()).param("k", key).param("h", hash).update();
        if (inserted == 1) {
            return Optional.empty();
        }
        var existing = dossiers.jdbc().sql("""
                select request_hash, dossier_id from idempotency_record where account_id = :a and key = :k""")
                .param("a", actor.accountId()).param("k", key)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getObject(2)}).single();
        if (!hash.equals(existing[0])) {
            throw ProblemException.conflict("dossier.intake.idempotencyMismatch");
        }
        return Optional.ofNullable((Long) existing[1]).flatMap(dossiers::findById);
    }

    private void recordIdempotency(Actor actor, String key, long dossierId) {
        if (key != null && !key.isBlank()) {
            dossiers.jdbc().sql("update idempotency_record set dossier_id = :d where account_id = :a and key = :k")
                    .param("d", dossierId).param("a", actor.accountId()).param("k", key).update();
        }
    }

    private static Channel parseChannel(String channel) {
        if (channel == null || channel.isBlank()) {
            return Channel.COUNTER;
        }
        try {
            Channel c = Channel.valueOf(channel.trim().toUpperCase(Locale.ROOT));
            if (c == Channel.ONLINE) {
                throw ProblemException.invalid("channel", "error.param.oneOf", "COUNTER, POSTAL");
            }
            return c;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("channel", "error.param.oneOf", "COUNTER, POSTAL");
        }
    }

    private static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
