package vn.motcua.index766.report;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The dossier figures of one row of Bảng 2–9, for a period [from, to].
 *
 * @param carriedOver received before the period and not ended before it (kỳ trước chuyển sang)
 * @param newOnline   received in the period online (mới tiếp nhận trực tuyến)
 * @param newDirect   received in the period at the counter or by post (mới tiếp nhận trực tiếp)
 * @param processed   ended in the period (đã giải quyết)
 * @param early       ended in the period before the due date (trước hạn), part of {@code onTime}
 * @param onTime      ended in the period on time, early included (đúng hạn)
 * @param late        ended in the period late (quá hạn)
 * @param inProgress  not ended at the end of the period (đang giải quyết)
 * @param withinTime  in progress, not yet overdue (trong hạn)
 * @param overdue     in progress and past the due date (quá hạn)
 */
@Schema(name = "StatsCounts", description = "The dossier figures of one row of Bảng 2–9 over [from, to]")
public record Counts(long carriedOver, long newOnline, long newDirect, long received, long processed, long early,
                     long onTime, long late, long inProgress, long withinTime, long overdue) {

    static final Counts ZERO = of(0, 0, 0, 0, 0, 0, 0, 0);

    static Counts of(long carriedOver, long newOnline, long newDirect, long processed, long early, long late,
                     long inProgress, long overdue) {
        return new Counts(carriedOver, newOnline, newDirect, carriedOver + newOnline + newDirect, processed, early,
                processed - late, late, inProgress, inProgress - overdue, overdue);
    }

    Counts plus(Counts o) {
        return of(carriedOver + o.carriedOver, newOnline + o.newOnline, newDirect + o.newDirect,
                processed + o.processed, early + o.early, late + o.late, inProgress + o.inProgress,
                overdue + o.overdue);
    }

    /** Dossiers newly received in the period (online + direct). */
    public long newReceived() {
        return newOnline + newDirect;
    }

    /** Share of processed dossiers that ended on time, percent, one decimal; null when none ended. */
    public Double onTimeRate() {
        return ReportMath.percent(onTime, processed);
    }
}
