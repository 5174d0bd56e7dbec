package vn.motcua.feedback.internal;

import java.time.OffsetDateTime;
import vn.motcua.feedback.FeedbackCategory;
import vn.motcua.feedback.FeedbackChannel;
import vn.motcua.feedback.FeedbackStatus;

/** One row of {@code feedback}. */
public record FeedbackItem(long id, String code, FeedbackChannel channel, FeedbackCategory category,
                           FeedbackStatus status, String title, String content, String senderName, String senderPhone,
                           String senderEmail, Long accountId, String address, Double lat, Double lon,
                           String dossierCode, String serviceCode, String agencyCode, String answer,
                           String answeredBy, String approvedBy, String reason, OffsetDateTime receivedAt,
                           OffsetDateTime clockStartAt, OffsetDateTime refuseDueAt, OffsetDateTime supplementDueAt,
                           OffsetDateTime handledDueAt, OffsetDateTime publishDueAt, OffsetDateTime routedAt,
                           OffsetDateTime specialistDueAt, OffsetDateTime leaderDueAt,
                           OffsetDateTime specialistOverdueAt, OffsetDateTime leaderOverdueAt,
                           OffsetDateTime handledAt, boolean handledLate, OffsetDateTime publishedAt, String rating,
                           OffsetDateTime ratedAt, int raisedCount, String open311Token, int version,
                           OffsetDateTime updatedAt, String mediaUrl) {

    /** The level the item is at now: the leader's once the specialist level is overdue. */
    public String level() {
        if (agencyCode == null) {
            return "DESK";
        }
        return specialistOverdueAt != null ? "LEADER" : "SPECIALIST";
    }

    /** Overdue against the national 15-working-day deadline at {@code now} (handled late, or still open past it). */
    public boolean overdue(OffsetDateTime now) {
        return handledAt != null ? handledLate : now.isAfter(handledDueAt);
    }
}
