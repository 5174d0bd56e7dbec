package vn.motcua.dossier.rules;

import java.util.Set;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierStatus;

/**
 * During appraisal a supplement is requested within {@link RuleSettings#appraisalSupplementWorkingDays()} working
 * days (3 by default) of the dossier reaching processing, counted by the calendar. Later: refused, or allowed and
 * the dossier counted late ({@link RuleSettings#lateAppraisalSupplement()}).
 */
public final class AppraisalSupplementInTime implements Policy {

    static final String BASIS = "Decree 61/2018 Art. 19(3): phiếu yêu cầu bổ sung trong thời hạn 03 ngày làm việc";

    @Override
    public Set<DossierAction> actions() {
        return Set.of(DossierAction.REQUEST_SUPPLEMENT);
    }

    @Override
    public Verdict check(Ask ask) {
        DossierFacts d = ask.dossier();
        if (d.status() != DossierStatus.PROCESSING || d.processingSince() == null) {
            return Verdict.ALLOWED;
        }
        var calendar = ask.context().calendar();
        var settings = ask.context().settings();
        long window = settings.appraisalSupplementWorkingDays() * calendar.workingMinutesPerDay();
        if (calendar.workingMinutesBetween(d.processingSince(), ask.input().now()) <= window) {
            return Verdict.ALLOWED;
        }
        if (settings.lateAppraisalSupplement() == RuleSettings.LateSupplement.ALLOW_AND_MARK_LATE) {
            return new Verdict.AllowedMarkedLate(BASIS);
        }
        return Rejection.conflict(BASIS, "dossier.rule.supplementWindow", settings.appraisalSupplementWorkingDays());
    }
}
