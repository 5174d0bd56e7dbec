package vn.motcua.index766.internal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import vn.motcua.dossier.DossierChanged;
import vn.motcua.dossier.DossierSnapshot;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.rules.Punctuality;
import vn.motcua.index766.Index766Settings;

/**
 * From a dossier's state ({@link DossierSnapshot}) to the 766 facts, and the on-time rule of indicator 2.1
 * (DOMAIN.md §2.6, as DVCQG describes it [S8]) applied with the dossier module's {@link Punctuality}:
 * <ul>
 * <li>End of processing (NgayKetThucXuLy) = the first terminal status in the priority "Đã xử lý xong" (the
 *     moment of COMPLETE) &gt; "Đã trả kết quả" &gt; "Dừng xử lý / Từ chối / rút hồ sơ" (only for accepted
 *     dossiers). Without one the dossier is in progress.</li>
 * <li>Ended: early when the end's calendar date is before the due date, on time when not after the due moment,
 *     late otherwise ({@link #outcome}).</li>
 * <li>More than one supplement request during processing ⇒ late, whatever the dates.</li>
 * <li>Supplement time: the dossier module restarts the full processing time when the applicant supplies
 *     (Decree 61/2018 Art. 19(3)) and stores the new due moment; comparing with that due moment is the DVCQG rule
 *     "subtract (completed − requested)" without counting the waiting time twice.</li>
 * <li>Waiting for the applicant (a supplement, or a fee payment when configured): judged at the moment of the
 *     request, so the waiting time never makes a dossier late.</li>
 * <li>In progress: judged against the end of the period, or now for the current period ({@link #openOnTime}).</li>
 * <li>Apology: the due moment in force is the apology's new one (configurable: the original one).</li>
 * </ul>
 */
public final class FactRules {

    private FactRules() {
    }

    /**
     * The facts of a dossier's state (from a {@link DossierChanged} event, or the recount's snapshots). "Paid online"
     * (3.6) is not the dossier's to say: it is false here and set from the payment module's facts
     * ({@link Fact#withPaidOnline}, {@link PaidOnlineStore}) by the consumer and the recount. Nor is "population data
     * used" (4.5a/4.5b): false here, set from the identity and population facts ({@link Fact#withPopulationData},
     * {@link PopulationDataStore}); the shape of the applicant's number proves nothing.
     */
    public static Fact fromSnapshot(DossierSnapshot p) {
        String status = p.status().name();
        OffsetDateTime receivedAt = p.receivedAt();
        OffsetDateTime finishedAt = p.finishedAt();
        OffsetDateTime returnedAt = p.returnedAt();
        OffsetDateTime pausedAt = p.pausedAt();
        OffsetDateTime endAt = null;
        String endKind = null;
        switch (p.status()) {
            case COMPLETED -> {
                endAt = finishedAt;
                endKind = "FINISHED";
            }
            case RETURNED -> {
                endAt = finishedAt != null ? finishedAt : returnedAt;
                endKind = finishedAt != null ? "FINISHED" : "RETURNED";
            }
            case REJECTED, STOPPED -> {
                endAt = finishedAt;
                endKind = "REJECTED";
            }
            case WITHDRAWN -> {
                endAt = finishedAt;
                endKind = "WITHDRAWN";
            }
            case REFUSED -> {
                endAt = finishedAt;
                endKind = "REFUSED";
            }
            default -> {
            }
        }
        String channel = p.channel() == null ? null : p.channel().name();
        long fee = p.feeAmount() == null ? 0 : p.feeAmount();
        boolean feeBearing = fee > 0;
        boolean account = p.applicantAccountId() != null;
        boolean withResult = "FINISHED".equals(endKind) || "RETURNED".equals(endKind);
        boolean electronicResult = withResult && p.resultFiles() > 0;
        boolean electronicInputs = "ONLINE".equals(channel) || p.digitised();
        OffsetDateTime waiting = p.status() == DossierStatus.SUPPLEMENT_REQUESTED ? pausedAt : null;
        OffsetDateTime stopped = p.status() == DossierStatus.SUPPLEMENT_REQUESTED
                || p.status() == DossierStatus.AWAITING_PAYMENT ? pausedAt : null;
        return new Fact(p.id(), p.code(), p.procedureCode(), p.procedureName(), p.agencyCode(), p.provinceCode(),
                p.districtCode(), p.communeCode(), p.level(), channel, status, receivedAt, p.dueAt(), p.originalDueAt(),
                endAt, endKind, returnedAt, null, p.supplementCount(), waiting, stopped, p.apologyCount(), p.lateFlag(),
                electronicResult, electronicInputs && electronicResult, false, account, feeBearing, false, p.rating(),
                false);
    }

    /** The fact with its outcome (EARLY / ON_TIME / LATE once ended and counted) under the settings. */
    public static Fact withOutcome(Fact f, Index766Settings s, ZoneId zone) {
        String outcome = f.counted() && f.endAt() != null
                ? outcome(f.endAt(), due(f, s), f.lateFlag(), zone) : null;
        return new Fact(f.id(), f.code(), f.procedureCode(), f.procedureName(), f.agencyCode(), f.provinceCode(),
                f.districtCode(), f.communeCode(), f.level(), f.channel(), f.status(), f.receivedAt(), f.dueAt(),
                f.originalDueAt(), f.endAt(), f.endKind(), f.returnedAt(), outcome, f.supplementCount(),
                f.waitingSupplementSince(), s.paymentStopsClock() || f.waitingSupplementSince() != null
                        ? f.clockStoppedAt() : null, f.apologyCount(), f.lateFlag(), f.electronicResult(),
                f.digitised(), f.populationData(), f.applicantAccount(), f.feeBearing(), f.paidOnline(), f.rating(),
                f.vneidFiled());
    }

    /** The due moment the rule compares with. */
    public static OffsetDateTime due(Fact f, Index766Settings s) {
        return s.originalDue() && f.originalDueAt() != null ? f.originalDueAt() : f.dueAt();
    }

    /** Early / on time / late of an ended dossier: the dossier module's rule ({@link Punctuality#outcome}). */
    public static String outcome(OffsetDateTime end, OffsetDateTime due, boolean lateFlag, ZoneId zone) {
        return Punctuality.outcome(end, due, lateFlag, zone).name();
    }

    /**
     * An open dossier is within time at {@code t} (the end of the period, or now): not flagged late, and the
     * moment it is judged at (t, or when the clock stopped for the applicant if earlier) is not after the due moment.
     */
    public static boolean openOnTime(Fact f, OffsetDateTime t, Index766Settings s) {
        OffsetDateTime at = f.clockStoppedAt() != null && f.clockStoppedAt().isBefore(t) ? f.clockStoppedAt() : t;
        return Punctuality.withinTime(at, due(f, s), f.lateFlag());
    }

    /**
     * Policy "dossier using population data" of indicators 4.5a and 4.5b (Decision 766/QĐ-TTg, appendix, group 4:
     * "Tỷ lệ TTHC triển khai kết nối, chia sẻ dữ liệu dân cư" / "Tỷ lệ hồ sơ TTHC có sử dụng thông tin, dữ liệu dân
     * cư"; DVCQG counts a synchronised dossier carrying TaiKhoanDuocXacThucVoiVNeID = 1, DuocLayTuKhoDMQG or the
     * population database's MaCSDL in DSKetNoiCSDL — DOMAIN.md §1.2 and §3): the dossier uses population data when
     * <ul>
     * <li>it was filed by an account verified with VNeID at the time ({@code NationalIdentity#verifiedWhenFiled}:
     *     the account's VNeID link existed when the dossier was filed), or</li>
     * <li>its applicant was checked against the national population database and the registry answered (MATCH or
     *     MISMATCH, {@code PopulationChecks.Result#answered}; "not found" and "not done" — the registry away — do
     *     not count), by an officer or by the system's job, the check recorded with the dossier.</li>
     * </ul>
     * Exactly what the national sync sends for the dossier, so the local figures are those DVCQG computes from it.
     * DuocLayTuKhoDMQG (a document taken from the citizen's data warehouse) is never sent: the system has no
     * warehouse yet. A 12-digit number typed into a form or a profile is not population data.
     */
    public static boolean populationDataUsed(boolean vneidWhenFiled, boolean registryAnswered) {
        return vneidWhenFiled || registryAnswered;
    }
}
