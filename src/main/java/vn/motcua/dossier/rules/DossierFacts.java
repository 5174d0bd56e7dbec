package vn.motcua.dossier.rules;

import java.time.OffsetDateTime;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.platform.Channel;

/**
 * What the rules know of a dossier when deciding.
 *
 * @param supplementStage      where the pending supplement was requested (null when none is pending)
 * @param receivedAt           the acceptance (tiếp nhận): the statutory clock has started once
 * @param dueAt                the due moment in force
 * @param processingSince      when the (complete) dossier last reached processing: the first transfer, or the
 *                             supplement that restarted the time; null before
 * @param apologies            apologies already given
 * @param receptionSupplements supplement requests made at reception
 * @param lastStep             the current processing step is the last one (approval)
 * @param hasNextStep          there is another processing step after the current one
 * @param rated                the applicant has rated the handling
 */
public record DossierFacts(DossierStatus status, Channel channel, SupplementStage supplementStage,
                           OffsetDateTime receivedAt, OffsetDateTime dueAt, OffsetDateTime processingSince,
                           int apologies, int receptionSupplements, boolean lastStep, boolean hasNextStep,
                           boolean rated) {

    /** A dossier in a status and nothing else known (for tests and the generator). */
    public static DossierFacts of(DossierStatus status, Channel channel) {
        return new DossierFacts(status, channel, null, null, null, null, 0, 0, false, false, false);
    }

    public boolean accepted() {
        return receivedAt != null;
    }

    /** A paper dossier: received at the counter or by post. */
    public boolean onPaper() {
        return channel == Channel.COUNTER || channel == Channel.POSTAL;
    }

    public DossierFacts withStatus(DossierStatus s) {
        return new DossierFacts(s, channel, supplementStage, receivedAt, dueAt, processingSince, apologies,
                receptionSupplements, lastStep, hasNextStep, rated);
    }

    public DossierFacts withSupplementStage(SupplementStage s) {
        return new DossierFacts(status, channel, s, receivedAt, dueAt, processingSince, apologies,
                receptionSupplements, lastStep, hasNextStep, rated);
    }

    public DossierFacts withReceived(OffsetDateTime at, OffsetDateTime due) {
        return new DossierFacts(status, channel, supplementStage, at, due, processingSince, apologies,
                receptionSupplements, lastStep, hasNextStep, rated);
    }

    public DossierFacts withDueAt(OffsetDateTime due) {
        return new DossierFacts(status, channel, supplementStage, receivedAt, due, processingSince, apologies,
                receptionSupplements, lastStep, hasNextStep, rated);
    }

    public DossierFacts withProcessingSince(OffsetDateTime since) {
        return new DossierFacts(status, channel, supplementStage, receivedAt, dueAt, since, apologies,
                receptionSupplements, lastStep, hasNextStep, rated);
    }

    public DossierFacts withApologies(int n) {
        return new DossierFacts(status, channel, supplementStage, receivedAt, dueAt, processingSince, n,
                receptionSupplements, lastStep, hasNextStep, rated);
    }

    public DossierFacts withReceptionSupplements(int n) {
        return new DossierFacts(status, channel, supplementStage, receivedAt, dueAt, processingSince, apologies, n,
                lastStep, hasNextStep, rated);
    }

    public DossierFacts withSteps(boolean last, boolean next) {
        return new DossierFacts(status, channel, supplementStage, receivedAt, dueAt, processingSince, apologies,
                receptionSupplements, last, next, rated);
    }

    public DossierFacts withRated(boolean r) {
        return new DossierFacts(status, channel, supplementStage, receivedAt, dueAt, processingSince, apologies,
                receptionSupplements, lastStep, hasNextStep, r);
    }
}
