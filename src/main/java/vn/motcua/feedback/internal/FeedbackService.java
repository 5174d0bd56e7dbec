package vn.motcua.feedback.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.documents.FileStore;
import vn.motcua.feedback.FeedbackAction;
import vn.motcua.feedback.FeedbackCategory;
import vn.motcua.feedback.FeedbackChannel;
import vn.motcua.feedback.FeedbackStatus;
import vn.motcua.feedback.internal.StatusMachine.Party;
import vn.motcua.organization.Organization;
import vn.motcua.platform.Actor;
import vn.motcua.platform.Contacts;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;

/**
 * Receiving, moving and answering feedback: every input checked first (all problems at once, nothing stored),
 * every transition through the {@link StatusMachine}, every deadline through {@link SlaRules}, every write
 * guarded by the row's version (409 when stale).
 */
@Service
public class FeedbackService {

    private static final Log log = LogFactory.getLog(FeedbackService.class);
    public static final int MAX_TITLE = 200;
    public static final int MAX_CONTENT = 4000;
    public static final int MAX_NOTE = 4000;
    private static final Pattern DOSSIER_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-]{2,59}");
    private static final Pattern CODE = Pattern.compile("PA-\\d{6}-\\d{5,}");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private final FeedbackRepository repository;
    private final WorkingCalendar calendar;
    private final FeedbackProperties properties;
    private final FileStore files;
    private final Organization organization;
    private final Clock clock;
    private final SlaRules sla;

    FeedbackService(FeedbackRepository repository, WorkingCalendar calendar, FeedbackProperties properties,
                    FileStore files, Organization organization, Clock clock) {
        this.repository = repository;
        this.calendar = calendar;
        this.properties = properties;
        this.files = files;
        this.organization = organization;
        this.clock = clock;
        this.sla = new SlaRules(calendar, properties.sla());
    }

    /** What someone sends (portal, hotline operator, Open311). */
    public record Submission(FeedbackCategory category, String title, String content, String senderName,
                             String senderPhone, String senderEmail, String address, Double lat, Double lon,
                             String dossierCode, String serviceCode, String mediaUrl) {

        public Submission(FeedbackCategory category, String title, String content, String senderName,
                          String senderPhone, String senderEmail, String address, Double lat, Double lon,
                          String dossierCode) {
            this(category, title, content, senderName, senderPhone, senderEmail, address, lat, lon, dossierCode, null,
                    null);
        }
    }

    /** An attached photo as uploaded. */
    public record Photo(String name, byte[] content) {
    }

    /** What an officer sends with an action. */
    public record ActionInput(int version, String note, FeedbackCategory category, String agencyCode) {
    }

    /** How the sender proves it is theirs: their account, or the phone number given with it. */
    public record SenderProof(Long accountId, String phone) {
    }

    public SlaRules sla() {
        return sla;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).atZoneSameInstant(calendar.zone()).toOffsetDateTime();
    }

    /**
     * Receives feedback. {@code by} is the logged-in citizen (linked to the item), the hotline operator (channel
     * HOTLINE), or null (anonymous portal / Open311). Field names in problems are those of the request.
     */
    @Transactional
    public FeedbackItem submit(Submission s, List<Photo> photos, FeedbackChannel channel, Actor by, String token) {
        List<FieldProblem> problems = validate(s, photos, channel);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        OffsetDateTime now = now();
        String code = "PA-" + now.format(YYMMDD) + "-" + String.format(Locale.ROOT, "%05d", repository.nextSequence());
        Long accountId = by != null && by.has(Role.CITIZEN) && channel == FeedbackChannel.PORTAL ? by.accountId() : null;
        var n = new FeedbackRepository.NewItem(code, channel, s.category(), s.title().strip(), s.content().strip(),
                s.senderName().strip(), blank(s.senderPhone()) ? null : s.senderPhone().replace(" ", "").replace(".", ""),
                blank(s.senderEmail()) ? null : s.senderEmail().strip(), accountId, blank(s.address()) ? null
                : s.address().strip(), s.lat(), s.lon(), blank(s.dossierCode()) ? null : s.dossierCode().strip(),
                s.serviceCode(), now, sla.pakn(now), token, blank(s.mediaUrl()) ? null : s.mediaUrl().strip());
        long id = repository.insert(n);
        List<UUID> stored = new ArrayList<>();
        int position = 0;
        for (Photo p : photos) {
            UUID fileId = files.store(accountId, p.name(), p.content()).id();
            repository.addPhoto(id, position++, fileId);
            stored.add(fileId);
        }
        if (!stored.isEmpty()) {
            files.markAttached(stored);
        }
        String who = by == null ? s.senderName().strip() : by.displayName();
        repository.event(id, now, "SUBMIT", null, FeedbackStatus.RECEIVED, by == null ? null : by.accountId(), who,
                channel.name());
        log.info("Feedback " + code + " received via " + channel);
        return repository.byId(id).orElseThrow();
    }

    List<FieldProblem> validate(Submission s, List<Photo> photos, FeedbackChannel channel) {
        List<FieldProblem> p = new ArrayList<>();
        if (s.category() == null) {
            p.add(FieldProblem.of("category", "error.feedback.category.required"));
        }
        if (blank(s.title())) {
            p.add(FieldProblem.of("title", "error.feedback.title.required"));
        } else if (s.title().length() > MAX_TITLE) {
            p.add(FieldProblem.of("title", "error.feedback.tooLong", MAX_TITLE));
        }
        if (blank(s.content())) {
            p.add(FieldProblem.of("content", "error.feedback.content.required"));
        } else if (s.content().length() > MAX_CONTENT) {
            p.add(FieldProblem.of("content", "error.feedback.tooLong", MAX_CONTENT));
        }
        if (blank(s.senderName())) {
            p.add(FieldProblem.of("senderName", "error.feedback.senderName.required"));
        } else if (s.senderName().length() > 200) {
            p.add(FieldProblem.of("senderName", "error.feedback.tooLong", 200));
        }
        boolean hasPhone = !blank(s.senderPhone());
        boolean hasEmail = !blank(s.senderEmail());
        if (hasPhone && !Contacts.phone(s.senderPhone())) {
            p.add(FieldProblem.of("senderPhone", "error.feedback.phone.invalid"));
        }
        if (hasEmail && !Contacts.email(s.senderEmail().strip())) {
            p.add(FieldProblem.of("senderEmail", "error.feedback.email.invalid"));
        }
        if (!hasPhone && !hasEmail && channel != FeedbackChannel.OPEN311) {
            p.add(FieldProblem.of("senderPhone", "error.feedback.contact.required"));
        }
        if (!blank(s.address()) && s.address().length() > 500) {
            p.add(FieldProblem.of("address", "error.feedback.tooLong", 500));
        }
        if ((s.lat() == null) != (s.lon() == null)) {
            p.add(FieldProblem.of(s.lat() == null ? "lat" : "lon", "error.feedback.point.incomplete"));
        } else if (s.lat() != null && (!Double.isFinite(s.lat()) || !Double.isFinite(s.lon())
                || !properties.area().contains(s.lat(), s.lon()))) {
            p.add(FieldProblem.of("lat", "error.feedback.point.outside", properties.area().name()));
        }
        if (!blank(s.dossierCode()) && !DOSSIER_CODE.matcher(s.dossierCode().strip()).matches()) {
            p.add(FieldProblem.of("dossierCode", "error.feedback.dossierCode.invalid"));
        }
        if (!blank(s.mediaUrl()) && (s.mediaUrl().length() > 2000 || !s.mediaUrl().strip().matches("https?://\\S+"))) {
            p.add(FieldProblem.of("media_url", "error.feedback.mediaUrl.invalid"));
        }
        if (photos.size() > properties.maxPhotos()) {
            p.add(FieldProblem.of("photos", "error.feedback.photos.tooMany", properties.maxPhotos()));
        }
        for (int i = 0; i < photos.size(); i++) {
            Photo ph = photos.get(i);
            if (ph.content().length > properties.maxPhotoBytes()) {
                p.add(FieldProblem.of("photos[" + i + "]", "error.feedback.photo.tooLarge",
                        properties.maxPhotoBytes() / (1024 * 1024)));
            } else if (!isImage(ph.content())) {
                p.add(FieldProblem.of("photos[" + i + "]", "error.feedback.photo.notImage",
                        ph.name() == null ? "" : ph.name()));
            }
        }
        return p;
    }

    /** A real JPEG or PNG: the signature says so and the whole picture decodes. */
    static boolean isImage(byte[] b) {
        boolean jpeg = b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
        boolean png = b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        if (!jpeg && !png) {
            return false;
        }
        try {
            var img = ImageIO.read(new ByteArrayInputStream(b));
            return img != null && img.getWidth() > 0 && img.getHeight() > 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public FeedbackItem find(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ProblemException.notFound("error.feedback.notFound", String.valueOf(code));
        }
        return repository.byCode(code)
                .orElseThrow(() -> ProblemException.notFound("error.feedback.notFound", code));
    }

    /** Which party an officer is for this item (null: none). */
    public static Party partyOf(Actor actor, FeedbackItem item, FeedbackAction action) {
        Party needed = StatusMachine.rule(action).by();
        return switch (needed) {
            case DESK -> actor.has(Role.RECEPTION) ? Party.DESK : null;
            case AGENCY_SPECIALIST -> actor.has(Role.SPECIALIST) && item.agencyCode() != null
                    && item.agencyCode().equals(actor.agencyCode()) ? Party.AGENCY_SPECIALIST : null;
            case AGENCY_LEADER -> actor.has(Role.LEADER) && item.agencyCode() != null
                    && item.agencyCode().equals(actor.agencyCode()) ? Party.AGENCY_LEADER : null;
            case SENDER -> null;
        };
    }

    /** The actions this officer may take on this item now (what the desk page offers). */
    public static List<FeedbackAction> allowedFor(Actor actor, FeedbackItem item) {
        List<FeedbackAction> out = new ArrayList<>();
        for (StatusMachine.Rule r : StatusMachine.TABLE) {
            if (r.by() != Party.SENDER && r.from().contains(item.status()) && partyOf(actor, item, r.action()) != null) {
                out.add(r.action());
            }
        }
        return out;
    }

    /** An officer's action. */
    @Transactional
    public FeedbackItem act(String code, FeedbackAction action, ActionInput in, Actor actor) {
        FeedbackItem item = find(code);
        StatusMachine.Rule rule = StatusMachine.rule(action);
        if (rule.by() == Party.SENDER) {
            throw ProblemException.forbidden("error.feedback.notYours");
        }
        if (partyOf(actor, item, action) == null) {
            throw ProblemException.forbidden("error.feedback.notAllowed." + rule.by().name());
        }
        return apply(item, rule, in.version(), in.note(), in.category(), in.agencyCode(), actor.accountId(),
                actor.displayName());
    }

    /** The sender's action (supplement, raise again). */
    @Transactional
    public FeedbackItem senderAct(String code, FeedbackAction action, int version, String note, SenderProof proof) {
        FeedbackItem item = find(code);
        StatusMachine.Rule rule = StatusMachine.rule(action);
        if (rule.by() != Party.SENDER) {
            throw ProblemException.forbidden("error.feedback.notAllowed." + rule.by().name());
        }
        checkSender(item, proof);
        return apply(item, rule, version, note, null, null, item.accountId(), item.senderName());
    }

    /** The sender rates the published answer. */
    @Transactional
    public FeedbackItem rate(String code, int version, String rating, SenderProof proof) {
        FeedbackItem item = find(code);
        checkSender(item, proof);
        if (!"SATISFIED".equals(rating) && !"UNSATISFIED".equals(rating)) {
            throw ProblemException.invalid("rating", "error.feedback.rating.invalid");
        }
        if (item.status() != FeedbackStatus.PUBLISHED) {
            throw ProblemException.conflict("error.feedback.rating.notPublished");
        }
        OffsetDateTime now = now();
        if (!repository.rate(item.id(), version, rating, now)) {
            throw ProblemException.conflict("error.feedback.stale");
        }
        repository.event(item.id(), now, "RATE", item.status(), item.status(), item.accountId(), item.senderName(),
                rating);
        return repository.byId(item.id()).orElseThrow();
    }

    /** The owner of the account, or the phone number given with the item. */
    public static boolean isSender(FeedbackItem item, SenderProof proof) {
        if (proof == null) {
            return false;
        }
        if (proof.accountId() != null && Objects.equals(item.accountId(), proof.accountId())) {
            return true;
        }
        return proof.phone() != null && item.senderPhone() != null
                && item.senderPhone().equals(proof.phone().replace(" ", "").replace(".", ""));
    }

    private static void checkSender(FeedbackItem item, SenderProof proof) {
        if (!isSender(item, proof)) {
            throw ProblemException.forbidden("error.feedback.notYours");
        }
    }

    private FeedbackItem apply(FeedbackItem item, StatusMachine.Rule rule, int version, String note,
                               FeedbackCategory category, String agencyCode, Long actorId, String actorName) {
        List<FieldProblem> p = new ArrayList<>();
        String cleanNote = blank(note) ? null : note.strip();
        if (rule.noteRequired() && cleanNote == null) {
            p.add(FieldProblem.of("note", "error.feedback.note.required." + rule.action().name()));
        } else if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            p.add(FieldProblem.of("note", "error.feedback.tooLong", MAX_NOTE));
        }
        if (rule.action() == FeedbackAction.CLASSIFY && category == null) {
            p.add(FieldProblem.of("category", "error.feedback.category.required"));
        }
        if (rule.action() == FeedbackAction.ROUTE) {
            if (blank(agencyCode)) {
                p.add(FieldProblem.of("agencyCode", "error.feedback.agency.required"));
            } else if (organization.agency(agencyCode.strip()).isEmpty()) {
                p.add(FieldProblem.of("agencyCode", "error.feedback.agency.unknown", agencyCode));
            }
        }
        if (!p.isEmpty()) {
            throw ProblemException.invalid(p);
        }
        if (item.version() != version) {
            throw ProblemException.conflict("error.feedback.stale");
        }
        FeedbackStatus to = StatusMachine.next(item.status(), rule.action()).orElseThrow(() ->
                ProblemException.conflict("error.feedback.notNow", rule.action().name(), item.status().name()));
        OffsetDateTime now = now();
        FeedbackRepository.Change c = switch (rule.action()) {
            case CLASSIFY -> change(to).category(category).build();
            case MARK_SPAM, REFUSE -> change(to).reason(cleanNote).handled(now, SlaRules.late(now, item.refuseDueAt()))
                    .build();
            case REQUEST_SUPPLEMENT, SUPPLEMENT -> change(to).reason(cleanNote).build();
            case ROUTE -> {
                var levels = sla.levels(item.category(), now);
                yield change(to).agency(agencyCode.strip()).routed(now, levels).build();
            }
            case ANSWER -> change(to).answer(cleanNote, actorName)
                    .specialistLate(SlaRules.late(now, item.specialistDueAt())).build();
            case RETURN_ANSWER -> change(to).reason(cleanNote).build();
            case APPROVE -> change(to).approved(actorName, now, SlaRules.late(now, item.handledDueAt()),
                    sla.publishDue(now)).leaderLate(SlaRules.late(now, item.leaderDueAt())).build();
            case PUBLISH -> change(to).published(now).build();
            case RAISE_AGAIN -> change(to).reason(cleanNote).restart(sla.pakn(now)).build();
        };
        if (!repository.update(item.id(), version, c, now)) {
            throw ProblemException.conflict("error.feedback.stale");
        }
        String eventNote = rule.action() == FeedbackAction.ROUTE ? agencyCode.strip()
                : rule.action() == FeedbackAction.CLASSIFY ? category.name() : cleanNote;
        repository.event(item.id(), now, rule.action().name(), item.status(), to, actorId, actorName, eventNote);
        return repository.byId(item.id()).orElseThrow();
    }

    private static ChangeBuilder change(FeedbackStatus to) {
        return new ChangeBuilder(to);
    }

    /** Builds one {@link FeedbackRepository.Change}. */
    private static final class ChangeBuilder {
        private final FeedbackStatus status;
        private FeedbackCategory category;
        private String agency;
        private String answer;
        private String answeredBy;
        private String approvedBy;
        private String reason;
        private OffsetDateTime routedAt;
        private OffsetDateTime specialistDue;
        private OffsetDateTime leaderDue;
        private OffsetDateTime handledAt;
        private Boolean handledLate;
        private OffsetDateTime publishDue;
        private OffsetDateTime publishedAt;
        private SlaRules.PaknDeadlines restart;
        private boolean specialistLate;
        private boolean leaderLate;

        ChangeBuilder(FeedbackStatus status) {
            this.status = status;
        }

        ChangeBuilder category(FeedbackCategory c) {
            category = c;
            return this;
        }

        ChangeBuilder reason(String r) {
            reason = r;
            return this;
        }

        ChangeBuilder agency(String a) {
            agency = a;
            return this;
        }

        ChangeBuilder routed(OffsetDateTime at, SlaRules.LevelDeadlines levels) {
            routedAt = at;
            specialistDue = levels.specialistDue();
            leaderDue = levels.leaderDue();
            return this;
        }

        ChangeBuilder answer(String text, String by) {
            answer = text;
            answeredBy = by;
            return this;
        }

        ChangeBuilder handled(OffsetDateTime at, boolean late) {
            handledAt = at;
            handledLate = late;
            return this;
        }

        ChangeBuilder approved(String by, OffsetDateTime at, boolean late, OffsetDateTime publishBy) {
            approvedBy = by;
            publishDue = publishBy;
            return handled(at, late);
        }

        ChangeBuilder published(OffsetDateTime at) {
            publishedAt = at;
            return this;
        }

        ChangeBuilder restart(SlaRules.PaknDeadlines d) {
            restart = d;
            return this;
        }

        ChangeBuilder specialistLate(boolean late) {
            specialistLate = late;
            return this;
        }

        ChangeBuilder leaderLate(boolean late) {
            leaderLate = late;
            return this;
        }

        FeedbackRepository.Change build() {
            return new FeedbackRepository.Change(status, category, agency, answer, answeredBy, approvedBy, reason,
                    routedAt, specialistDue, leaderDue, handledAt, handledLate, publishDue, publishedAt, restart,
                    restart != null, specialistLate, leaderLate);
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
