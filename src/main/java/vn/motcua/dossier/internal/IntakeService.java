package vn.motcua.dossier.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Component;
import vn.motcua.catalog.FeeQuote;
import vn.motcua.catalog.Procedure;
import vn.motcua.documents.FileStore;
import vn.motcua.documents.StoredFile;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.rules.ClockEffects;
import vn.motcua.dossier.rules.ClockState;
import vn.motcua.dossier.rules.Decision;
import vn.motcua.dossier.rules.DossierRules;
import vn.motcua.dossier.rules.Party;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitPath;
import vn.motcua.platform.Actor;
import vn.motcua.platform.Channel;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;

/**
 * Intake (Decree 61/2018 Art. 15–17): an online submission (SUBMITTED, code at once) or a counter or postal intake by
 * a reception officer (RECEIVED, the clock starts at the receipt moment), both as the rule book's creating lines say.
 * Everything is checked first and every problem listed; on any problem nothing is stored and no code is consumed.
 * The dossier, its code, documents and first history entry are one SQL statement; its fee is the catalogue's quote.
 */
@Service
public class IntakeService {

    private static final Log audit = LogFactory.getLog("vn.motcua.audit");

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

    /** Nộp hồ sơ trực tuyến, by the applicant from their account. */
    @Transactional
    public Created submitOnline(Actor actor, IntakeRequest request, String idempotencyKey, Locale locale) {
        Decision decision = create(DossierAction.SUBMIT, actor, Role.CITIZEN, "dossier.intake.citizensOnly");
        Optional<DossierRecord> replay = claimIdempotencyKey(actor, idempotencyKey, request);
        if (replay.isPresent()) {
            return new Created(replay.get(), true);
        }
        Checked c = check(actor, request, Channel.ONLINE, locale);
        OffsetDateTime now = OffsetDateTime.now(clock);
        NewDossier n = dossier(c, Channel.ONLINE, decision, actor.accountId(), now, null, null, ClockState.NOT_STARTED,
                false);
        HistoryEntry h = new HistoryEntry(now, actor.accountId(), actor.displayName(), Role.CITIZEN.name(), null,
                actor.origin(), DossierAction.SUBMIT.name(), null, null, "Nộp hồ sơ trực tuyến", null, null, null,
                List.of());
        return created(dossiers.insert(n, h, actor.accountId(), key(idempotencyKey), json.valueToTree(c.applicant),
                c.form, json.readTree(n.feeQuoteJson())), c, DossierAction.SUBMIT, actor, now);
    }

    /** Tiếp nhận trực tiếp / qua bưu chính, by a reception officer: received at once, the clock starts. */
    @Transactional
    public Created receiveAtCounter(Actor actor, IntakeRequest request, String idempotencyKey, Locale locale) {
        Decision decision = create(DossierAction.RECEIVE, actor, Role.RECEPTION, "dossier.intake.receptionOnly");
        Optional<DossierRecord> replay = claimIdempotencyKey(actor, idempotencyKey, request);
        if (replay.isPresent()) {
            return new Created(replay.get(), true);
        }
        Channel channel = parseChannel(request.channel());
        Checked c = check(actor, withOwnAgency(actor, request), channel, locale);
        OffsetDateTime now = OffsetDateTime.now(clock);
        ClockState started = ClockEffects.onAccept(now, c.procedure.processingTime(), channel, calendar.forAgency(c.agency.code()));
        NewDossier n = dossier(c, channel, decision, null, null, now, actor.accountId(), started,
                !c.documents.isEmpty());
        HistoryEntry h = new HistoryEntry(now, actor.accountId(), actor.displayName(), Role.RECEPTION.name(),
                actor.agencyCode(), actor.origin(), DossierAction.RECEIVE.name(), null, null,
                channel == Channel.POSTAL ? "Tiếp nhận qua bưu chính" : "Tiếp nhận trực tiếp", null, null, null,
                List.of());
        return created(dossiers.insert(n, h, actor.accountId(), key(idempotencyKey), json.valueToTree(c.applicant),
                c.form, json.readTree(n.feeQuoteJson())), c, DossierAction.RECEIVE, actor, now);
    }

    /**
     * The problems a counter intake would be refused with, without storing anything: for pages that found problems
     * of their own first (an unreadable date, a file that could not be stored) and must still list every problem at
     * once. Empty when the request would be accepted.
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
        try {
            check(actor, withOwnAgency(actor, request), channel, locale);
        } catch (ProblemException e) {
            out.addAll(e.errors());
        }
        return out;
    }

    /** The rule book's creating line: who may create a dossier this way, and its first status. */
    private static Decision create(DossierAction action, Actor actor, Role role, String refusal) {
        if (audit.isDebugEnabled()) {
            audit.debug("dossier " + action + " by " + actor.username() + " (" + actor.accountId() + ") from "
                    + actor.origin());
        }
        Decision d = DossierRules.create(action, actor.has(role)
                ? Set.of(role == Role.CITIZEN ? Party.APPLICANT : Party.RECEPTION) : Set.of());
        if (!d.allowed()) {
            audit.info("refused: dossier " + action + " by " + actor.username() + " (" + actor.accountId() + ") from "
                    + actor.origin() + ": " + d.rejection().messageKey());
            throw ProblemException.forbidden(refusal);
        }
        return d;
    }

    private Created created(DossierRecord d, Checked c, DossierAction action, Actor actor, OffsetDateTime now) {
        files.markAttached(c.stored.keySet());
        events.changed(d, action, null, actor, now, null, DossierEvents.Details.CREATED);
        return new Created(d, false);
    }

    private NewDossier dossier(Checked c, Channel channel, Decision decision, Long applicantAccount,
                               OffsetDateTime submittedAt, OffsetDateTime receivedAt, Long receivedBy,
                               ClockState clockState, boolean digitised) {
        UnitPath path = organization.pathOf(c.agency);
        OffsetDateTime at = submittedAt != null ? submittedAt : receivedAt;
        LocalDate day = at.atZoneSameInstant(calendar.zone()).toLocalDate();
        FeeQuote fee = catalog.quote(c.procedure.code(), catalog.feeInputs(c.procedure.code(), c.form, channel, day));
        return new NewDossier(c.agency.electronicId(), day, c.procedure.code(), c.procedure.version(),
                c.procedure.name(), c.agency.code(), path.provinceCode(), path.districtCode(), path.communeCode(),
                c.agency.level().name(), channel, decision.to(), applicantAccount, json.writeValueAsString(c.applicant),
                c.applicant.fullName(), c.applicant.idNumber(), c.applicant.phone(), json.writeValueAsString(c.form),
                c.procedure.processingTime().amount(), c.procedure.processingTime().unit().name(), submittedAt,
                receivedAt, clockState, receivedBy, digitised, fee.total(), json.writeValueAsString(fee), c.documents);
    }

    /** Everything validated: the procedure, the agency, the applicant, the eForm and the documents. */
    record Checked(Procedure procedure, Agency agency, Applicant applicant, JsonNode form,
                   List<NewDossier.Document> documents, Map<UUID, StoredFile> stored) {
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
        Agency agency = agency(actor, r.agencyCode(), procedure, channel, problems);
        Applicant applicant = r.applicant() == null ? null : r.applicant().withoutBlanks();
        ApplicantChecks.check(applicant, LocalDate.now(clock.withZone(calendar.zone())), problems);

        JsonNode form = r.form() == null ? null : Nfc.normalize(r.form(), json);
        if (form == null) {
            problems.add(FieldProblem.of("form", "error.required"));
        } else if (procedure != null) {
            problems.addAll(catalog.validateForm(procedure, form, locale));
        }

        List<IntakeRequest.AttachmentRef> refs = r.attachments() == null ? List.of() : r.attachments();
        Map<UUID, StoredFile> stored = new LinkedHashMap<>();
        List<UUID> ids = refs.stream().filter(Objects::nonNull).map(IntakeRequest.AttachmentRef::fileId)
                .filter(Objects::nonNull).distinct().toList();
        if (!ids.isEmpty()) {
            files.findAll(ids).forEach(f -> stored.put(f.id(), f));
        }
        Set<String> given = new HashSet<>();
        Set<UUID> seen = new HashSet<>();
        List<NewDossier.Document> documents = new ArrayList<>();
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
            } else {
                documents.add(new NewDossier.Document(ref.componentCode(), f.id(), f.name(), f.contentType(), f.size()));
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
        return new Checked(procedure, agency, applicant, form, documents, stored);
    }

    private Agency agency(Actor actor, String code, Procedure procedure, Channel channel, List<FieldProblem> problems) {
        if (code == null || code.isBlank()) {
            problems.add(FieldProblem.of("agencyCode", "error.required"));
            return null;
        }
        Agency agency = organization.agency(code).orElse(null);
        if (agency == null) {
            problems.add(FieldProblem.of("agencyCode", "error.agency.notFound", code));
        } else if (procedure != null && !catalog.canReceive(procedure, agency)) {
            problems.add(FieldProblem.of("agencyCode", "dossier.intake.agencyNotCompetent", agency.name()));
        } else if (channel != Channel.ONLINE && !agency.code().equals(actor.agencyCode())) {
            problems.add(FieldProblem.of("agencyCode", "dossier.intake.ownAgencyOnly"));
        }
        return agency;
    }

    private static IntakeRequest withOwnAgency(Actor actor, IntakeRequest r) {
        return r.agencyCode() == null || r.agencyCode().isBlank()
                ? new IntakeRequest(r.procedureCode(), actor.agencyCode(), r.applicant(), r.form(), r.attachments(),
                r.channel())
                : r;
    }

    /**
     * Claims an idempotency key for this account. The same key with the same request returns the dossier the first
     * request created; with another request it is a 409. A concurrent duplicate waits for the first.
     */
    private Optional<DossierRecord> claimIdempotencyKey(Actor actor, String key, IntakeRequest request) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        if (key.length() > 200) {
            throw ProblemException.invalid("Idempotency-Key", "error.length.max", 200);
        }
        String hash = hash(json.writeValueAsString(request));
        if (dossiers.claimIdempotencyKey(actor.accountId(), key, hash)) {
            return Optional.empty();
        }
        var existing = dossiers.idempotencyRecord(actor.accountId(), key);
        if (!hash.equals(existing.requestHash())) {
            throw ProblemException.conflict("dossier.intake.idempotencyMismatch");
        }
        return Optional.ofNullable(existing.dossierId()).flatMap(dossiers::findById);
    }

    private static String key(String idempotencyKey) {
        return idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
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
