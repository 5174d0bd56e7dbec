package vn.motcua.certification.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.FeeInputs;
import vn.motcua.catalog.FeeQuote;
import vn.motcua.certification.CertificationAction;
import vn.motcua.certification.CertificationRequest;
import vn.motcua.certification.CertificationStatus;
import vn.motcua.certification.RefusalGround;
import vn.motcua.certification.internal.CertificationRules.Party;
import vn.motcua.documents.FileStore;
import vn.motcua.documents.StoredFile;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencySucceeded;
import vn.motcua.organization.Organization;
import vn.motcua.platform.Actor;
import vn.motcua.platform.Channel;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;
import vn.motcua.signing.DocumentSigner;
import vn.motcua.signing.SignedDocuments;

/**
 * Every turn of a certification request, one transaction each: access and version, the rule book
 * ({@link CertificationRules}), the change, the history entry. A refusal or a failed signature changes nothing.
 */
@Service
public class CertificationService {

    /** The e-certification procedure of the catalogue: its fee rows price the copies. */
    public static final String PROCEDURE = "2.000815-DT";
    private static final Log audit = LogFactory.getLog("vn.motcua.audit");
    private static final int MAX_TEXT = 2000;
    /** The history's action of a hand-over by a reorganisation (not a {@link CertificationAction}: nobody asks it). */
    static final String HAND_OVER = "HAND_OVER";

    private final CertificationRepository repo;
    private final FileStore files;
    private final Catalog catalog;
    private final WorkingCalendar calendar;
    private final Organization organization;
    private final DocumentSigner signer;
    private final SignedDocuments register;
    private final Clock clock;
    private final int extensionThreshold;
    private final JsonMapper json = JsonMapper.builder().build();

    CertificationService(CertificationRepository repo, FileStore files, Catalog catalog, WorkingCalendar calendar,
                         Organization organization, DocumentSigner signer, SignedDocuments register, Clock clock,
                         @Value("${motcua.certification.extension-threshold:50}") int extensionThreshold) {
        this.repo = repo;
        this.files = files;
        this.catalog = catalog;
        this.calendar = calendar;
        this.organization = organization;
        this.signer = signer;
        this.register = register;
        this.clock = clock;
        this.extensionThreshold = extensionThreshold;
    }

    /** What an applicant (online) or an officer at the counter asks for. */
    public record Application(@org.jspecify.annotations.Nullable String agencyCode,
                              @org.jspecify.annotations.Nullable String documentName,
                              @org.jspecify.annotations.Nullable Integer pages,
                              @org.jspecify.annotations.Nullable Integer copies,
                              @org.jspecify.annotations.Nullable String originalFileId,
                              @org.jspecify.annotations.Nullable String applicantName,
                              @org.jspecify.annotations.Nullable String applicantIdNumber,
                              @org.jspecify.annotations.Nullable Boolean extended) {
    }

    /** What an officer (or the applicant, to cancel) does. */
    public record ActionBody(String action, @org.jspecify.annotations.Nullable Integer version,
                             @org.jspecify.annotations.Nullable String statement,
                             @org.jspecify.annotations.Nullable String ground,
                             @org.jspecify.annotations.Nullable String note) {
    }

    /** The fee of {@code copies} certified e-copies of an original of {@code pages} pages. */
    public FeeQuote quote(int pages, int copies, Channel channel) {
        return catalog.quote(PROCEDURE, FeeInputs.of(channel).withDocuments(List.of(new FeeInputs.Document(pages, copies))));
    }

    @Transactional
    public CertificationRequest create(Actor actor, Application a) {
        boolean citizen = actor.has(Role.CITIZEN);
        boolean counter = !citizen && (actor.has(Role.CERTIFIER) || actor.has(Role.RECEPTION));
        if (!citizen && !counter) {
            throw ProblemException.forbidden("certification.notAllowed");
        }
        List<FieldProblem> problems = new java.util.ArrayList<>();
        String agencyCode = counter ? actor.agencyCode() : trim(a.agencyCode());
        Agency agency = agencyCode == null ? null : organization.agency(agencyCode).orElse(null);
        if (agency == null) {
            problems.add(FieldProblem.of("agencyCode", "certification.agency.unknown"));
        }
        String documentName = trim(a.documentName());
        if (documentName == null || documentName.length() > 300) {
            problems.add(FieldProblem.of("documentName", "certification.documentName.required"));
        }
        int copies = a.copies() == null ? 1 : a.copies();
        if (copies < 1 || copies > 100) {
            problems.add(FieldProblem.of("copies", "error.param.range", 1, 100));
        }
        String applicantName = citizen ? actor.displayName() : trim(a.applicantName());
        if (applicantName == null || applicantName.length() > 200) {
            problems.add(FieldProblem.of("applicantName", "certification.applicantName.required"));
        }
        StoredFile original = null;
        UUID fileId = uuid(a.originalFileId());
        if (fileId != null) {
            original = files.find(fileId).filter(f -> !citizen || Long.valueOf(actor.accountId()).equals(f.ownerId()))
                    .orElse(null);
        }
        if (original == null) {
            problems.add(FieldProblem.of("originalFileId", "certification.original.required"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        int pages;
        int counted = CertifiedCopyPdf.pagesOf(files.content(original.id()).orElseThrow(), original.contentType());
        if (counted > 0) {
            pages = counted;
        } else if (a.pages() == null || a.pages() < 1 || a.pages() > 2000) {
            throw ProblemException.invalid("pages", "error.param.range", 1, 2000);
        } else {
            pages = a.pages();
        }
        Channel channel = citizen ? Channel.ONLINE : Channel.COUNTER;
        OffsetDateTime now = OffsetDateTime.now(clock).atZoneSameInstant(calendar.zone()).toOffsetDateTime();
        boolean extended = CertificationRules.extended(pages, copies, extensionThreshold,
                counter && Boolean.TRUE.equals(a.extended()));
        FeeQuote fee = quote(pages, copies, channel);
        files.markAttached(List.of(original.id()));
        CertificationRecord r = repo.insert(new CertificationRepository.NewRequest(agency.code(), channel.name(),
                citizen ? actor.accountId() : null, applicantName, citizen ? null : trim(a.applicantIdNumber()),
                documentName, pages, copies, original.id(), now,
                CertificationRules.dueAt(calendar, now, channel, extended), extended, fee.total(),
                json.writeValueAsString(fee)));
        repo.history(r.id(), now, actor.accountId(), actor.displayName(), "RECEIVE", null, CertificationStatus.TIEP_NHAN,
                null);
        audit.info("certification " + r.code() + " received by " + actor.username());
        return view(actor, r);
    }

    @Transactional
    public CertificationRequest act(Actor actor, String code, ActionBody body) {
        CertificationRecord r = repo.byCode(code, true).orElseThrow(() -> ProblemException.notFound("certification.none"));
        Set<Party> parties = parties(actor, r);
        if (parties.isEmpty()) {
            throw ProblemException.notFound("certification.none");
        }
        CertificationAction action;
        try {
            action = CertificationAction.valueOf(String.valueOf(body.action()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("action", "error.param.oneOf", java.util.Arrays.toString(CertificationAction.values()));
        }
        if (body.version() == null) {
            throw ProblemException.invalid("version", "error.param.required");
        }
        if (body.version() != r.version()) {
            throw ProblemException.conflict("certification.stale");
        }
        CertificationRules.Line line = CertificationRules.decide(action, r.status(), parties);
        OffsetDateTime now = OffsetDateTime.now(clock).atZoneSameInstant(calendar.zone()).toOffsetDateTime();
        String note = text("note", body.note());
        CertificationRepository.Change change = switch (action) {
            case COMPARE -> {
                String statement = text("statement", body.statement());
                yield new CertificationRepository.Change(line.to(), statement == null
                        ? "Chứng thực bản sao đúng với bản chính." : statement, actor.displayName(), null, null, null,
                        null, null, null, null, null, null);
            }
            case SIGN -> sign(actor, r, line, now);
            case SEAL -> seal(r, line, now);
            case CANCEL -> new CertificationRepository.Change(line.to(), null, null, null, null, null, null, note, null,
                    now, null, null);
            case REFUSE -> {
                RefusalGround ground;
                try {
                    ground = RefusalGround.valueOf(String.valueOf(body.ground()));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid("ground", "certification.ground.required");
                }
                yield new CertificationRepository.Change(line.to(), null, null, null, null, null, ground.name(), note,
                        null, now, null, null);
            }
        };
        CertificationRecord after = repo.update(r, change);
        repo.history(r.id(), now, actor.accountId(), actor.displayName(), action.name(), r.status(), line.to(),
                action == CertificationAction.REFUSE ? body.ground() + (note == null ? "" : ": " + note) : note);
        audit.info("certification " + r.code() + " " + action + " by " + actor.username());
        return view(actor, after);
    }

    /**
     * Bàn giao (issue 11, docs/REORGANISATION.md): when a reorganisation closes an agency and names its successor
     * ({@link AgencySucceeded}, published inside the reorganisation's transaction, as for dossiers), the agency's
     * open requests — not in a final state — go to the successor, one by one: each keeps its state, its deadline and
     * a number already taken from the closed agency's register (its book is recorded apart), its version is bumped
     * and one history line names the reorganisation and its legal basis. The successor's officers act on it from
     * then on ({@link #parties}); finished requests keep their agency (archive custody reads them).
     */
    @EventListener
    @Transactional
    void handOver(AgencySucceeded e) {
        OffsetDateTime now = OffsetDateTime.now(clock).atZoneSameInstant(calendar.zone()).toOffsetDateTime();
        String note = "Bàn giao " + e.fromAgency() + " → " + e.toAgency() + " theo " + e.reorganisation()
                + (e.legalBasis() == null || e.legalBasis().isBlank() ? "" : " (" + e.legalBasis() + ")");
        for (CertificationRecord r : repo.openOf(e.fromAgency())) {
            repo.handOver(r, e.toAgency());
            repo.history(r.id(), now, e.by().accountId(), e.by().displayName(), HAND_OVER, r.status(), r.status(),
                    note);
            audit.info("certification " + r.code() + " handed over " + e.fromAgency() + " -> " + e.toAgency() + " ("
                    + e.reorganisation() + ") by " + e.by().username());
        }
    }

    /** The competent person signs: a number from the register, the e-copy with the statement, the signature. */
    private CertificationRepository.Change sign(Actor actor, CertificationRecord r, CertificationRules.Line line,
                                                OffsetDateTime now) {
        Agency agency = organization.agency(r.agencyCode()).orElseThrow();
        CertificationRepository.BookNumber number = repo.next(r.agencyCode(), now.getYear());
        UUID key = UUID.randomUUID();
        StoredFile original = files.find(r.originalFileId()).orElseThrow();
        byte[] pdf = CertifiedCopyPdf.build(files.content(original.id()).orElseThrow(), original.contentType(),
                new CertifiedCopyPdf.Statement(agency.name(), place(agency, now), r.documentName(), r.pages(),
                        r.applicantName(), r.statement(), number.text(),
                        actor.has(Role.LEADER) ? "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" : "NGƯỜI THỰC HIỆN CHỨNG THỰC",
                        actor.displayName(), now, register.verifyUrl(key)));
        String position = actor.has(Role.LEADER) ? "Lãnh đạo" : "Người thực hiện chứng thực";
        byte[] signed = signer.signAsOfficer(new DocumentSigner.Officer(actor.username(), actor.displayName(), position),
                r.agencyCode(), pdf, DocumentSigner.Placement.above(actor.displayName()));
        StoredFile f = files.storeGenerated("ban-sao-" + r.code() + "-da-ky.pdf", "application/pdf", signed);
        return new CertificationRepository.Change(line.to(), null, null, f.id(), key, number, null, null, null, null,
                null, null);
    }

    /** The agency's signature (electronic seal): the copy is issued and entered in the register of signed documents. */
    private CertificationRepository.Change seal(CertificationRecord r, CertificationRules.Line line, OffsetDateTime now) {
        byte[] signed = files.content(r.signedFileId()).orElseThrow();
        byte[] sealed = signer.signAsAgency(r.agencyCode(), signed, DocumentSigner.Placement.below("Số chứng thực:"));
        StoredFile f = files.storeGenerated("ban-sao-dien-tu-" + r.code() + ".pdf", "application/pdf", sealed);
        Agency agency = organization.agency(r.agencyCode()).orElseThrow();
        register.register(new SignedDocuments.SignedDocument(r.documentKey(), SignedDocuments.Kind.CERTIFIED_COPY, null,
                r.agencyCode(), f.id(), f.sha256(), r.certifierName() + "; " + lastLine(agency.name()), now.toInstant()));
        return new CertificationRepository.Change(line.to(), null, null, null, null, null, null, null, f.id(), now, null,
                null);
    }

    public CertificationRequest find(Actor actor, String code) {
        CertificationRecord r = repo.byCode(code, false).orElseThrow(() -> ProblemException.notFound("certification.none"));
        if (!sees(actor, r)) {
            throw ProblemException.notFound("certification.none");
        }
        return view(actor, r);
    }

    public List<CertificationHistoryEntry> history(Actor actor, String code) {
        CertificationRecord r = repo.byCode(code, false).orElseThrow(() -> ProblemException.notFound("certification.none"));
        if (!sees(actor, r)) {
            throw ProblemException.notFound("certification.none");
        }
        return repo.history(r.id());
    }

    public List<CertificationRequest> mine(Actor actor) {
        return repo.ofApplicant(actor.accountId()).stream().map(r -> view(actor, r)).toList();
    }

    public List<CertificationRequest> queue(Actor actor, boolean open) {
        if (actor.agencyCode() == null || !(actor.has(Role.CERTIFIER) || actor.has(Role.LEADER)
                || actor.has(Role.RECEPTION))) {
            throw ProblemException.forbidden("certification.notAllowed");
        }
        return repo.ofAgencies(organization.readableBy(actor.agencyCode()), open).stream().map(r -> view(actor, r))
                .toList();
    }

    /**
     * Who reads a request: its parties, and the officers of the agencies that succeeded its agency (archive custody,
     * {@link vn.motcua.organization.SuccessorCustody}: a copy certified by Phường Tân Phú, its history and its
     * e-copy read at Phường Bình Phước); what they may do stays the parties' ({@link #parties}).
     */
    private boolean sees(Actor actor, CertificationRecord r) {
        boolean certificationOfficer = actor.has(Role.CERTIFIER) || actor.has(Role.LEADER) || actor.has(Role.RECEPTION);
        return !parties(actor, r).isEmpty()
                || (certificationOfficer && organization.readableBy(actor.agencyCode()).contains(r.agencyCode()));
    }

    /** The issued e-copy (for its applicant and the agency), kept for reuse. */
    public byte[] copy(Actor actor, String code) {
        CertificationRecord r = repo.byCode(code, false).orElseThrow(() -> ProblemException.notFound("certification.none"));
        if (!sees(actor, r) || r.copyFileId() == null) {
            throw ProblemException.notFound("certification.none");
        }
        return files.content(r.copyFileId()).orElseThrow(() -> ProblemException.notFound("certification.none"));
    }

    static Set<Party> parties(Actor actor, CertificationRecord r) {
        Set<Party> p = EnumSet.noneOf(Party.class);
        if (r.applicantAccountId() != null && r.applicantAccountId() == actor.accountId()) {
            p.add(Party.APPLICANT);
        }
        if (r.agencyCode().equals(actor.agencyCode())) {
            if (actor.has(Role.CERTIFIER)) {
                p.add(Party.CERTIFIER);
            }
            if (actor.has(Role.LEADER)) {
                p.add(Party.LEADER);
            }
            if (actor.has(Role.RECEPTION)) {
                p.add(Party.RECEPTION);
            }
        }
        return p;
    }

    private CertificationRequest view(Actor actor, CertificationRecord r) {
        return new CertificationRequest(r.code(), r.agencyCode(), r.channel(), r.applicantName(), r.documentName(),
                r.pages(), r.copies(), r.status(), r.receivedAt(), r.dueAt(), r.extended(), r.feeAmount(),
                r.statement(), r.certifierName(), r.numberText(), r.refusalGround(), r.refusalNote(),
                r.copyFileId() == null || r.documentKey() == null ? null : r.documentKey().toString(), r.completedAt(),
                r.version(), CertificationRules.allowed(r.status(), parties(actor, r)));
    }

    /** The place in the date line of the statement signed at {@code at}: {@link Organization#placeName}. */
    private String place(Agency agency, OffsetDateTime at) {
        return organization.placeName(agency, at.atZoneSameInstant(calendar.zone()).toLocalDate());
    }

    private static String lastLine(String s) {
        return s.strip().lines().reduce((a, b) -> b).orElse(s).strip();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String text(String field, String s) {
        String t = trim(s);
        if (t != null && t.length() > MAX_TEXT) {
            throw ProblemException.invalid(field, "error.length.max", MAX_TEXT);
        }
        return t;
    }

    private static UUID uuid(String s) {
        try {
            return s == null ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
