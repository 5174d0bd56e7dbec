package vn.motcua.feedback.web;

import java.time.OffsetDateTime;
import java.util.List;
import vn.motcua.feedback.FeedbackAction;
import vn.motcua.feedback.FeedbackCategory;
import vn.motcua.feedback.FeedbackChannel;
import vn.motcua.feedback.FeedbackStatus;
import vn.motcua.feedback.internal.FeedbackItem;
import vn.motcua.feedback.internal.FeedbackRepository;

/** What the REST API shows of feedback. */
final class FeedbackViews {

    private FeedbackViews() {
    }

    /** The public view: no personal data; content and answer only once published. */
    record PublicView(String code, FeedbackStatus status, FeedbackCategory category, String title, String content,
                      String answer, String agencyCode, OffsetDateTime receivedAt, OffsetDateTime handledDueAt,
                      OffsetDateTime publishedAt, String rating, int raisedCount, int version) {
        static PublicView of(FeedbackItem i) {
            boolean pub = i.status() == FeedbackStatus.PUBLISHED;
            return new PublicView(i.code(), i.status(), i.category(), pub ? i.title() : null,
                    pub ? i.content() : null, pub ? i.answer() : null, i.agencyCode(), i.receivedAt(),
                    i.handledDueAt(), i.publishedAt(), i.rating(), i.raisedCount(), i.version());
        }
    }

    /** The sender's and officers' view. */
    record FullView(String code, FeedbackStatus status, FeedbackChannel channel, FeedbackCategory category,
                    String title, String content, String senderName, String senderPhone, String senderEmail,
                    String address, Double lat, Double lon, String dossierCode, String agencyCode, String level,
                    String answer, String answeredBy, String approvedBy, String reason, OffsetDateTime receivedAt,
                    OffsetDateTime clockStartAt, OffsetDateTime refuseDueAt, OffsetDateTime supplementDueAt,
                    OffsetDateTime handledDueAt, OffsetDateTime publishDueAt, OffsetDateTime routedAt,
                    OffsetDateTime specialistDueAt, OffsetDateTime leaderDueAt, OffsetDateTime specialistOverdueAt,
                    OffsetDateTime leaderOverdueAt, OffsetDateTime handledAt, boolean handledLate,
                    OffsetDateTime publishedAt, String rating, int raisedCount, int photos, int version,
                    List<FeedbackAction> actions, List<Event> history) {
        static FullView of(FeedbackItem i, int photos, List<FeedbackAction> actions,
                           List<FeedbackRepository.Event> events) {
            return new FullView(i.code(), i.status(), i.channel(), i.category(), i.title(), i.content(),
                    i.senderName(), i.senderPhone(), i.senderEmail(), i.address(), i.lat(), i.lon(), i.dossierCode(),
                    i.agencyCode(), i.level(), i.answer(), i.answeredBy(), i.approvedBy(), i.reason(), i.receivedAt(),
                    i.clockStartAt(), i.refuseDueAt(), i.supplementDueAt(), i.handledDueAt(), i.publishDueAt(),
                    i.routedAt(), i.specialistDueAt(), i.leaderDueAt(), i.specialistOverdueAt(), i.leaderOverdueAt(),
                    i.handledAt(), i.handledLate(), i.publishedAt(), i.rating(), i.raisedCount(), photos,
                    i.version(), actions, events.stream().map(Event::of).toList());
        }
    }

    /** One line of the queue. */
    record Line(String code, FeedbackStatus status, FeedbackChannel channel, FeedbackCategory category, String title,
                String agencyCode, String level, OffsetDateTime receivedAt, OffsetDateTime handledDueAt,
                OffsetDateTime specialistDueAt, OffsetDateTime leaderDueAt, boolean escalated, int version) {
        static Line of(FeedbackItem i) {
            return new Line(i.code(), i.status(), i.channel(), i.category(), i.title(), i.agencyCode(), i.level(),
                    i.receivedAt(), i.handledDueAt(), i.specialistDueAt(), i.leaderDueAt(),
                    i.specialistOverdueAt() != null, i.version());
        }
    }

    /** One history line. */
    record Event(OffsetDateTime at, String action, FeedbackStatus fromStatus, FeedbackStatus toStatus, String actor,
                 String note) {
        static Event of(FeedbackRepository.Event e) {
            return new Event(e.at(), e.action(), e.fromStatus() == null ? null : FeedbackStatus.valueOf(e.fromStatus()),
                    FeedbackStatus.valueOf(e.toStatus()), e.actorName(), e.note());
        }
    }

    /** A new item, as JSON. */
    record NewFeedback(FeedbackCategory category, String title, String content, String senderName,
                       String senderPhone, String senderEmail, String address, Double lat, Double lon,
                       String dossierCode) {
    }

    /** An officer's action. */
    record ActionBody(Integer version, String note, FeedbackCategory category, String agencyCode) {
    }

    /** The sender's action. */
    record SenderBody(Integer version, String note, String phone) {
    }

    /** The sender's rating. */
    record RatingBody(Integer version, String rating, String phone) {
    }
}
